import CoachEngine
import CoachScript
import CoachStore
import CoachText

/// Something agreed at a MUS, as the follow-up dialogue recorded it.
public struct Agreement: Hashable, Sendable {
    public var what: String
    public var who: String?
    public var due: LocalDate?
    /// What was written about the deadline when no date could be read from it.
    public var dueText: String?
}

/// What a follow-up session says: when the talk was held, the agreements, the next check-in.
public struct FollowUp: Hashable, Sendable {
    public var session: String
    public var held: LocalDate
    public var agreements: [Agreement]
    public var nextCheckIn: LocalDate?
    /// The manager's feedback and what the person will think further about, as written.
    public var feedback: [String]
    public var reflections: [String]
    /// The ids of the questions that hold the talk's date and the agreements, for `replay --from`.
    public var heldQuestion: String?
    public var agreementsQuestion: String?

    /// Reads a follow-up session by the tags its questions carry: `mus-dato`, a list tagged `aftale`
    /// with follow-ups tagged `ansvarlig` and `frist`, and `opfoelgning`. `created` is the day the
    /// session began: the talk's date when none is given, and the reference for dates without a year.
    public init(_ file: SessionFile, program: ScriptProgram, created: LocalDate) {
        let conversation = file.transcript.replay(on: program).conversation
        let answers = conversation.records.filter { !$0.isSkipped }
        func tagged(_ tag: String, _ record: AnswerRecord) -> Bool { program.questions[record.question].question.tags.contains(tag) }
        session = file.name
        let heldAnswer = answers.first { tagged("mus-dato", $0) }
        held = heldAnswer.flatMap { DateText.parse($0.fullText, before: created) } ?? created
        heldQuestion = heldAnswer.map { program.questions[$0.question].id }
        let list = answers.first { tagged("aftale", $0) && program.questions[$0.question].kind.isList }
        agreementsQuestion = list.map { program.questions[$0.question].id }
        agreements = (list?.items ?? []).enumerated().map { index, what in
            let followUps = answers.filter { $0.item == index && program.questions[$0.question].parent == list?.question }
            let who = followUps.first { tagged("ansvarlig", $0) }?.fullText.replacingOccurrences(of: "\n", with: " ")
            let dueAnswer = followUps.first { tagged("frist", $0) }?.fullText
            let due = dueAnswer.flatMap { DateText.parse($0, after: created) }
            return Agreement(what: what, who: who, due: due, dueText: due == nil ? dueAnswer : nil)
        }
        nextCheckIn = answers.first { tagged("opfoelgning", $0) }.flatMap { DateText.parse($0.fullText, after: created) }
        func written(_ tag: String) -> [String] {
            answers.filter { tagged(tag, $0) && !program.questions[$0.question].kind.isList }.map { $0.fullText.replacingOccurrences(of: "\n", with: " — ") }
        }
        feedback = written("feedback")
        reflections = written("refleksion")
    }
}

extension Agreement {
    /// Whether a preparation's answers say this agreement was followed up: its item in the list
    /// tagged `aftale`, and the per-item choice tagged `aftale` answered with the option `ja`.
    public func isFollowedUp(in conversation: Conversation) -> Bool {
        let program = conversation.program
        guard let list = conversation.records.first(where: {
            program.questions[$0.question].kind.isList && program.questions[$0.question].question.tags.contains("aftale")
        }) else { return false }
        guard let index = list.items.firstIndex(where: { Folding.fold($0) == Folding.fold(what) }) else { return false }
        return conversation.records.contains { record in
            guard record.item == index, program.questions[record.question].parent == list.question,
                  case .choice(let options) = program.questions[record.question].kind, !record.isSkipped else { return false }
            return options[record.choice].id == "ja"
        }
    }
}
