import CoachScript

/// How one step's answer differs between two revisions.
public struct AnswerChange: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case changed
        /// Answered now, not before: a question that became reachable, or one new in the script.
        case added
        /// Answered before, not now: its question is no longer reached (or no longer in the script).
        case setAside
    }

    public var step: StepID
    public var kind: Kind
    public var old: String?
    public var new: String?

    public init(step: StepID, kind: Kind, old: String?, new: String?) {
        self.step = step
        self.kind = kind
        self.old = old
        self.new = new
    }
}

extension PreviousAnswers {
    /// Question by question, what `newer` answers differently, in asking order (set-aside ones last).
    public func changes(to newer: PreviousAnswers, messages: Messages) -> [AnswerChange] {
        var changes: [AnswerChange] = []
        var matched: Set<StepID> = []
        for step in newer.order {
            guard let new = newer.answers[step] else { continue }
            if let old = answers[step] {
                matched.insert(step)
                if old.value != new.value || old.probes != new.probes {
                    changes.append(AnswerChange(step: step, kind: .changed, old: old.display(messages), new: new.display(messages)))
                }
            } else {
                changes.append(AnswerChange(step: step, kind: .added, old: nil, new: new.display(messages)))
            }
        }
        for step in order where !matched.contains(step) {
            changes.append(AnswerChange(step: step, kind: .setAside, old: answers[step]?.display(messages), new: nil))
        }
        return changes
    }
}

extension PreviousAnswers.Answer {
    /// One line: the answer, then its probe answers.
    public func display(_ messages: Messages) -> String {
        let main: String = switch value {
        case .skipped: "—"
        case .text(let text): text
        case .items(let items): items.joined(separator: "; ")
        case .yes(let yes): yes ? messages.yesLabel : messages.noLabel
        case .option(_, let label, let comment): PreviousAnswers.Value.typed(option: label, comment: comment)
        case .scale(let value, let comment): PreviousAnswers.Value.typed(scale: value, comment: comment)
        }
        let extra = probes.keys.sorted().flatMap { probes[$0] ?? [] }
        return ([main] + extra).joined(separator: " / ").replacingNewlines()
    }
}

extension String {
    func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
    }
}
