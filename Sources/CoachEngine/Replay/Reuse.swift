import CoachScript

/// What a replay does with an earlier answer: send it again, skip again, or ask the person.
public enum Reuse: Equatable, Sendable {
    case answer(String)
    case skip
}

extension PreviousAnswers {
    /// How to answer what `conversation` asks now from the earlier answers, in a form this script
    /// accepts (option ids, numbers), or nil when there is nothing to reuse: a new question, a probe
    /// that did not fire before, an option that no longer exists. `edits` replace earlier answers by step.
    public func reuse(at conversation: Conversation, edits: [StepID: String] = [:]) -> Reuse? {
        guard conversation.status == .active, let position = conversation.position,
              let step = conversation.currentStep else { return nil }
        let program = conversation.program
        let entry = program.questions[position.index]
        switch position {
        case .question(let index, let item):
            if let edit = edits[step] { return .answer(edit) }
            guard let answer = answer(to: index, item: item, in: program) else { return nil }
            switch (answer.value, entry.kind) {
            case (.skipped, _): return .skip
            case (.text(let text), .text): return .answer(text)
            case (.items(let items), .list): return items.first.map(Reuse.answer) ?? .skip
            case (.yes(let yes), .yesNo): return .answer(yes ? "yes" : "no")
            case (.option(let id, _, let comment), .choice(let options)) where options.contains(where: { $0.id == id }):
                return .answer(PreviousAnswers.Value.typed(option: id, comment: comment))
            case (.scale(let value, let comment), .scale(let scale)) where (scale.min...scale.max).contains(value):
                return .answer(PreviousAnswers.Value.typed(scale: value, comment: comment))
            default: return nil
            }
        case .listItems(let index):
            let given = conversation.records.last?.itemCount ?? 0
            let items: [String]
            if let edit = edits[step] {
                items = edit.split(separator: "\n").map(String.init)
            } else if case .items(let earlier)? = answer(to: index, item: -1, in: program)?.value {
                items = earlier
            } else {
                return nil
            }
            return .answer(given < items.count ? items[given] : "")
        case .probe(let index, let item, let probe, let round):
            if round == 0, let edit = edits[step] { return .answer(edit) }
            guard let answers = answer(to: index, item: item, in: program)?.probes[entry.probes[probe].id],
                  round < answers.count else { return nil }
            return .answer(answers[round])
        }
    }

    /// The earlier answer as the person would type it, to put on the line for editing.
    public func editable(at conversation: Conversation) -> String? {
        guard let position = conversation.position else { return nil }
        let program = conversation.program
        switch position {
        case .question(let index, let item):
            guard let answer = answer(to: index, item: item, in: program) else { return nil }
            switch answer.value {
            case .skipped: return nil
            case .text(let text): return text
            case .items(let items): return items.first
            case .yes(let yes): return yes ? program.messages.yesLabel : program.messages.noLabel
            case .option(_, let label, let comment): return PreviousAnswers.Value.typed(option: label, comment: comment).replacingNewlines()
            // One line to edit: a comment kept over two lines reads as one.
            case .scale(let value, let comment): return PreviousAnswers.Value.typed(scale: value, comment: comment).replacingNewlines()
            }
        case .listItems, .probe:
            if case .answer(let text)? = reuse(at: conversation), !text.isEmpty { return text }
            return nil
        }
    }
}

extension Conversation {
    /// Answers from `previous` (and `edits`) as long as it has them, stopping where the person must
    /// answer or `stop` says so. Returns the events applied (for the transcript), the outputs of the
    /// last one, and whether it stopped at an answer the script did not take (it is asked instead).
    /// `passingProbes`: a probe with no earlier reply (skipped, or not asked then) is passed by, not
    /// stopped at: for going to a place further on, where only a question never answered must stop.
    public mutating func reuse(_ previous: PreviousAnswers, edits: [StepID: String] = [:], at: Timestamp, passingProbes: Bool = false,
                               stop: (Conversation) -> Bool = { _ in false }) -> (events: [Event], outputs: [Output], rejected: Bool) {
        var events: [Event] = []
        var outputs: [Output] = []
        var rejected = false
        func next() -> Reuse? {
            if let reuse = previous.reuse(at: self, edits: edits) { return reuse }
            if passingProbes, case .probe? = position { return .skip }
            return nil
        }
        while !stop(self), let reuse = next() {
            let event: Event = switch reuse {
            case .answer(let text): .answered(text, at: at)
            case .skip: .skipped(at: at)
            }
            var trial = self
            let shown = trial.apply(event)
            // An earlier answer the script no longer takes is asked again instead.
            if case .rejected? = shown.first {
                rejected = true
                break
            }
            self = trial
            events.append(event)
            outputs = shown
        }
        return (events, outputs, rejected)
    }
}
