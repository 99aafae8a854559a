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

    private var program: ScriptProgram { state.pointee.program }

    /// The index of the record `subject` names, answered (not skipped).
    func answered(_ subject: Subject) -> Int? {
        let found: Int?
        switch subject {
        case .current:
            found = current
        case .question(let id):
            guard let index = program.index(of: id) else { return nil }
            let perItem = program.questions[index].parent != nil
            found = state.pointee.storedRecords.lastIndex { $0.question == index && (!perItem || $0.item(perItem: true) == item) }
        }
        guard let found, !state.pointee.storedRecords[found].isSkipped else { return nil }
        return found
    }

    func value(of subject: Subject) -> AnswerValue? {
        guard let index = answered(subject) else { return nil }
        let record = state.pointee.storedRecords[index]
        let choice = choice(of: index) ?? -1
        switch program.questions[record.question].kind {
        case .text: return .text(state.pointee.log.string(state.pointee.textSpan(of: index)))
        case .yesNo: return .option(choice == 1 ? "yes" : "no")
        case .choice(let options): return options.indices.contains(choice) ? .option(options[choice].id) : nil
        case .scale: return .number(choice)
        case .list: return .list(state.pointee.log.string(state.pointee.span(ofRecord: index)).split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
        }
    }

    /// `Conversation.choice(of:)`; a method called on the conversation itself would copy it, so the
    /// records that hold their choice are read in place.
    private func choice(of index: Int) -> Int? {
        let record = state.pointee.storedRecords[index]
        switch record.choice(program.questions[record.question]) {
        case .none: return nil
        case .held(let choice): return choice
        case .inText: return state.pointee.choice(of: index)
        }
    }

    func text(of subject: Subject) -> String? {
        answered(subject).map { state.pointee.log.string(state.pointee.span(ofRecord: $0)) }
    }

    func quality(of subject: Subject) -> AnswerQuality? {
        if subject == .current, let currentQuality { return currentQuality }
        return answered(subject).map { state.pointee.withFullText(of: $0) { AnswerQuality(utf8: $0) } }
    }

    func mentions(_ matcher: MentionMatcher, in subject: Subject) -> Bool {
        guard let index = answered(subject) else { return false }
        return state.pointee.withFullText(of: index) { matcher.matches(utf8: $0) }
    }

    /// How an answer reads inside another prompt.
    func display(of questionID: String) -> String? {
        guard let index = answered(.question(questionID)) else { return nil }
        let record = state.pointee.storedRecords[index]
        switch program.questions[record.question].kind {
        case .text: return state.pointee.log.string(state.pointee.textSpan(of: index))
        case .yesNo, .choice: return program.optionLabel(question: record.question, choice: choice(of: index) ?? -1)
        case .scale: return choice(of: index).map(String.init)
        case .list:
            return state.pointee.withFullText(of: index) { text in
                var joined: [UInt8] = []
                joined.reserveCapacity(text.count + 16)
                for byte in text {
                    if byte == 0x0A { joined += [0x2C, 0x20] } else { joined.append(byte) }
                }
                return String(decoding: joined, as: UTF8.self)
            }
        }
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
