import CoachScript
import CoachText

/// Lets conditions and templates read a conversation's answers.
struct ConversationContext: ConditionContext {
    let program: ScriptProgram
    let records: [AnswerRecord]
    /// The list item follow-ups are about, or -1.
    let item: Int
    /// The record a probe looks at, or nil outside probes.
    let current: Int?
    /// The analysis of the current answer, when the probes read it.
    let currentQuality: AnswerQuality?

    init(program: ScriptProgram, records: [AnswerRecord], item: Int, current: Int?, currentQuality: AnswerQuality? = nil) {
        self.program = program
        self.records = records
        self.item = item
        self.current = current
        self.currentQuality = currentQuality
    }

    func record(_ subject: Subject) -> AnswerRecord? {
        switch subject {
        case .current:
            return current.map { records[$0] }
        case .question(let id):
            guard let index = program.index(of: id) else { return nil }
            let perItem = program.questions[index].parent != nil
            return records.last { $0.question == index && (!perItem || $0.item == item) }
        }
    }

    func value(of subject: Subject) -> AnswerValue? {
        guard let record = record(subject), !record.isSkipped else { return nil }
        return record.value(in: program)
    }

    func text(of subject: Subject) -> String? {
        guard let record = record(subject), !record.isSkipped else { return nil }
        return record.fullText
    }

    func quality(of subject: Subject) -> AnswerQuality? {
        if subject == .current, let currentQuality { return currentQuality }
        return text(of: subject).map { AnswerQuality(of: $0) }
    }

    /// How an answer reads inside another prompt.
    func display(of questionID: String) -> String? {
        guard let record = record(.question(questionID)), !record.isSkipped else { return nil }
        switch program.questions[record.question].kind {
        case .text: return record.text
        case .yesNo, .choice: return record.optionLabel(in: program)
        case .scale: return String(record.choice)
        case .list: return record.itemsJoined(separator: ", ")
        }
    }
}

extension AnswerRecord {
    /// How a yes/no or choice answer reads (its option's label); nil for other answers and skips.
    public func optionLabel(in program: ScriptProgram) -> String? {
        guard !isSkipped else { return nil }
        switch program.questions[question].kind {
        case .yesNo: return choice == 1 ? program.messages.yesLabel : program.messages.noLabel
        case .choice(let options): return options.indices.contains(choice) ? options[choice].label : nil
        case .text, .scale, .list: return nil
        }
    }

    /// The typed answer as conditions compare it; nil when skipped.
    public func value(in program: ScriptProgram) -> AnswerValue? {
        guard !isSkipped else { return nil }
        switch program.questions[question].kind {
        case .text: return .text(text)
        case .yesNo: return .option(choice == 1 ? "yes" : "no")
        case .choice(let options): return options.indices.contains(choice) ? .option(options[choice].id) : nil
        case .scale: return .number(choice)
        case .list: return .list(items)
        }
    }
}
