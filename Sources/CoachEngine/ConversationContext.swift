import CoachScript
import CoachText

/// Lets conditions and templates read a conversation's answers.
struct ConversationContext: ConditionContext {
    /// Read in place for the length of one evaluation: a copy of the conversation would retain each of its buffers.
    private let state: UnsafePointer<Conversation>
    /// The list item follow-ups are about, or -1.
    let item: Int
    /// The record a probe looks at, or nil outside probes.
    let current: Int?
    /// The analysis of the current answer, when the probes read it.
    let currentQuality: AnswerQuality?

    init(state: UnsafePointer<Conversation>, item: Int, current: Int?, currentQuality: AnswerQuality?) {
        self.state = state
        self.item = item
        self.current = current
        self.currentQuality = currentQuality
    }

    // Read through the pointer without calling a method of the conversation: one called through
    // it would copy the conversation.
    private var program: ScriptProgram { state.pointee.program }
    private var store: ConversationStore { state.pointee.log.store }

    /// The index of the record `subject` names, answered (not skipped).
    func answered(_ subject: Subject) -> Int? {
        let found: Int?
        switch subject {
        case .current:
            found = current
        case .question(_, let index), .item(_, let index):
            return store.lastAnswered(question: index, item: item, in: program)
        }
        guard let found, !store.records[found].isSkipped else { return nil }
        return found
    }

    /// The list item the follow-ups are about, from its list's record.
    private func itemText(_ subject: Subject) -> String? {
        guard item >= 0, let index = answered(subject) else { return nil }
        let lines = store.string(store.span(ofRecord: index)).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.contains(item) ? String(lines[item]) : nil
    }

    func value(of subject: Subject) -> AnswerValue? {
        if case .item = subject { return itemText(subject).map(AnswerValue.text) }
        guard let index = answered(subject) else { return nil }
        let record = store.records[index]
        let choice = store.choice(of: index, in: program) ?? -1
        switch program.questions[record.question].kind {
        case .text: return .text(store.string(store.textSpan(of: index)))
        case .yesNo: return .option(choice == 1 ? "yes" : "no")
        case .choice(let options): return options.indices.contains(choice) ? .option(options[choice].id) : nil
        case .scale: return .number(choice)
        case .list: return .list(store.string(store.span(ofRecord: index)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    func text(of subject: Subject) -> String? {
        if case .item = subject { return itemText(subject) }
        return answered(subject).map { store.string(store.span(ofRecord: $0)) }
    }

    func quality(of subject: Subject) -> AnswerQuality? {
        if subject == .current, let currentQuality { return currentQuality }
        if case .item = subject { return itemText(subject).map { AnswerQuality(of: $0) } }
        return answered(subject).map { store.withAnalysedText(of: $0, in: program) { AnswerQuality(utf8: $0) } }
    }

    func mentions(_ matcher: MentionMatcher, in subject: Subject) -> Bool {
        if case .item = subject { return itemText(subject).map(matcher.matches) ?? false }
        guard let index = answered(subject) else { return false }
        return store.withFullText(of: index) { matcher.matches(utf8: $0) }
    }

    var isProbed: Bool {
        guard let current, let last = store.probes.last else { return false }
        return last.record == UInt32(current)
    }
}

extension Conversation {
    /// Runs `body` with a context reading this conversation's answers.
    func withContext<Result>(item: Int, current: Int?, currentQuality: AnswerQuality? = nil,
                             _ body: (ConversationContext) -> Result) -> Result {
        withUnsafePointer(to: self) { body(ConversationContext(state: $0, item: item, current: current, currentQuality: currentQuality)) }
    }
}

extension AnswerRecord {
    /// How a yes/no or choice answer reads (its option's label); nil for other answers and skips.
    public func optionLabel(in program: ScriptProgram) -> String? {
        isSkipped ? nil : program.optionLabel(question: question, choice: choice)
    }
}

extension ScriptProgram {
    /// How a yes/no or choice answer reads: its option's label; nil for other questions.
    func optionLabel(question: Int, choice: Int) -> String? {
        switch questions[question].kind {
        case .yesNo: choice == 1 ? messages.yesLabel : messages.noLabel
        case .choice(let options): options.indices.contains(choice) ? options[choice].label : nil
        case .text, .scale, .list: nil
        }
    }
}
