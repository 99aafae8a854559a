import CoachScript

/// The answers of an earlier revision by the ids that asked them, so that a replay can offer each
/// one again — on the same script, or on a newer one whose questions kept their ids (or name the
/// ids they were renamed from).
public struct PreviousAnswers: Sendable {
    public enum Value: Hashable, Sendable {
        case skipped
        case text(String)
        case items([String])
        case yes(Bool)
        /// The option, and what was written after it (`ja var på det i marts`).
        case option(id: String, label: String, comment: String?)
        /// The number and what was written beside it ("2 — alt for mange møder").
        case scale(Int, comment: String?)

        /// A scale's answer as the person would type it: the number, then the comment.
        static func typed(scale value: Int, comment: String?) -> String {
            comment.map { "\(value) — \($0)" } ?? String(value)
        }

        /// A choice's answer as the person would type it: the option, then the comment.
        static func typed(option: String, comment: String?) -> String {
            comment.map { "\(option) — \($0)" } ?? option
        }
    }

    public struct Answer: Hashable, Sendable {
        public var value: Value
        /// Answers to the question's probes, by probe id, one per round.
        public var probes: [String: [String]]
        /// The question as the script put it (its template), to see when a newer script words it differently.
        public var prompt: String
    }

    /// By step (question and list item; never a probe).
    public private(set) var answers: [StepID: Answer] = [:]
    /// The steps in the order they were asked.
    public private(set) var order: [StepID] = []

    public init() {}

    public init(records: [AnswerRecord], program: ScriptProgram) {
        for record in records { remember(record, program: program) }
    }

    /// Takes in an answer (replacing an earlier one for the same step).
    public mutating func remember(_ record: AnswerRecord, program: ScriptProgram) {
        let entry = program.questions[record.question]
        let step = program.step(of: record)
        let value: Value
        if record.isSkipped {
            value = .skipped
        } else {
            switch entry.kind {
            case .text: value = .text(record.text)
            case .list: value = .items(record.items)
            case .yesNo: value = .yes(record.choice == 1)
            case .choice(let options):
                value = .option(id: options[record.choice].id, label: options[record.choice].label, comment: record.choiceComment(in: program))
            case .scale: value = .scale(record.choice, comment: record.scaleComment)
            }
        }
        var probes: [String: [String]] = [:]
        for answer in record.probeAnswers { probes[entry.probes[answer.probe].id, default: []].append(answer.text) }
        if answers[step] == nil { order.append(step) }
        answers[step] = Answer(value: value, probes: probes, prompt: entry.question.prompt.source)
    }

    /// Offers an answer for a step that was never answered: what the last follow-up carries into
    /// a new preparation (the agreements, that there was a MUS before).
    public mutating func suggest(_ value: Value, for step: StepID) {
        if answers[step] == nil { order.append(step) }
        answers[step] = Answer(value: value, probes: [:], prompt: "")
    }

    /// The earlier answer to question `index` of `program` (about list item `item`), found under
    /// its id or an id it was renamed from. A question that merges several earlier ones offers
    /// their written answers joined, so that what the person wrote to each stays on the line.
    public func answer(to index: Int, item: Int, in program: ScriptProgram) -> Answer? {
        let found = program.earlierSteps(of: index, item: item).compactMap { answers[$0] }
        guard var answer = found.first(where: { $0.value != .skipped }) ?? found.first else { return nil }
        let texts = found.compactMap { earlier -> String? in
            if case .text(let text) = earlier.value { text } else { nil }
        }
        if texts.count > 1 { answer.value = .text(Self.joinedSentences(texts)) }
        return answer
    }

    /// "Kursus" and "Sidemandsoplæring" as "Kursus. Sidemandsoplæring".
    static func joinedSentences(_ texts: [String]) -> String {
        texts.dropFirst().reduce(texts[0]) { joined, next in
            let ended = joined.last.map { ".!?".contains($0) } ?? true
            return joined + (ended ? " " : ". ") + next
        }
    }
}

extension ScriptProgram {
    /// The step an answer record belongs to.
    public func step(of record: AnswerRecord) -> StepID {
        let entry = questions[record.question]
        return StepID(question: entry.id, item: entry.parent.map { StepID.Item(list: questions[$0].id, index: record.item) })
    }

    /// The ids question `index` may have had, newest first: its own, then those it was renamed from
    /// (for a per-item follow-up, combined with its list's).
    func earlierSteps(of index: Int, item: Int) -> [StepID] {
        let entry = questions[index]
        let ids = [entry.id] + entry.question.renamedFrom
        guard let parent = entry.parent else { return ids.map { StepID(question: $0) } }
        let lists = [questions[parent].id] + questions[parent].question.renamedFrom
        return lists.flatMap { list in ids.map { StepID(question: $0, item: .init(list: list, index: item)) } }
    }

    /// Whether a question of this script has `id` or was renamed from it.
    public func knows(_ id: String) -> Bool {
        index(of: id) != nil || questions.contains { $0.question.renamedFrom.contains(id) }
    }
}
