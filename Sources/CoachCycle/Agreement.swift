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
    /// Whether the person keeps this agreement (or an answer about it) to themselves.
    public var isPrivate = false

    public init(what: String, who: String? = nil, due: LocalDate? = nil, dueText: String? = nil, isPrivate: Bool = false) {
        self.what = what
        self.who = who
        self.due = due
        self.dueText = dueText
        self.isPrivate = isPrivate
    }
}

/// A goal of the development plan: how it is reached, by when, and how both will see it is.
public struct DevelopmentGoal: Hashable, Sendable {
    public var what: String
    public var how: String?
    public var due: LocalDate?
    public var dueText: String?
    public var sign: String?
    public var isPrivate = false
}

/// A written answer of the follow-up (feedback, a reflection) and whether it stays private.
public struct Remark: Hashable, Sendable {
    public var text: String
    public var isPrivate: Bool
}

/// What a follow-up session says: when the talk was held, the agreements, the development plan,
/// the manager's feedback, the next check-in.
public struct FollowUp: Hashable, Sendable {
    public var session: String
    public var language: Language
    public var held: LocalDate
    public var agreements: [Agreement]
    public var goals: [DevelopmentGoal]
    public var nextCheckIn: LocalDate?
    public var nextCheckInIsPrivate: Bool
    /// The manager's feedback and what the person will think further about, as written.
    public var feedback: [Remark]
    public var reflections: [Remark]
    /// The ids of the questions that hold the talk's date, the agreements and the goals, for `replay --from`.
    public var heldQuestion: String?
    public var agreementsQuestion: String?
    public var goalsQuestion: String?

    /// Reads a follow-up session by the tags its questions carry: `mus-dato`; a list tagged `aftale`
    /// with follow-ups tagged `ansvarlig` and `frist`; a list tagged `udviklingsmaal` with follow-ups
    /// tagged `aktivitet`, `frist` and `succes`; `feedback`, `refleksion` and `opfoelgning`. `created`
    /// is the day the session began: the talk's date when none is given, and the reference for dates
    /// without a year. What the person chose to keep private is marked so.
    public init(_ file: SessionFile, program: ScriptProgram, created: LocalDate) {
        let conversation = file.transcript.replay(on: program).conversation
        let choices = conversation.sharingChoices
        let answers = conversation.records.filter { !$0.isSkipped }
        func tagged(_ tag: String, _ record: AnswerRecord) -> Bool { program.questions[record.question].question.tags.contains(tag) }
        func isPrivate(_ record: AnswerRecord) -> Bool { conversation.sharing(of: record, choices: choices) == .private }
        func oneLine(_ text: String) -> String { Prose.sentences(of: text) }
        /// The list tagged `tag`, and per item its answered follow-ups and whether any of it is private.
        func list(_ tag: String) -> (record: AnswerRecord, items: [(what: String, followUps: [AnswerRecord], isPrivate: Bool)])? {
            guard let list = answers.first(where: { tagged(tag, $0) && program.questions[$0.question].kind.isList }) else { return nil }
            return (list, list.items.enumerated().map { index, what in
                let followUps = answers.filter { $0.item == index && program.questions[$0.question].parent == list.question }
                return (what, followUps, isPrivate(list) || followUps.contains(where: isPrivate))
            })
        }
        func date(_ text: String?) -> (date: LocalDate?, text: String?) {
            let date = text.flatMap { DateText.parse($0, after: created) }
            return (date, date == nil ? text.map(oneLine) : nil)
        }
        session = file.name
        language = program.script.language
        let heldAnswer = answers.first { tagged("mus-dato", $0) }
        held = heldAnswer.flatMap { DateText.parse($0.fullText, before: created) } ?? created
        heldQuestion = heldAnswer.map { program.questions[$0.question].id }
        let agreementList = list("aftale")
        agreementsQuestion = agreementList.map { program.questions[$0.record.question].id }
        agreements = (agreementList?.items ?? []).map { item in
            let due = date(item.followUps.first { tagged("frist", $0) }?.fullText)
            return Agreement(what: item.what, who: item.followUps.first { tagged("ansvarlig", $0) }.map { oneLine($0.fullText) },
                             due: due.date, dueText: due.text,
                             isPrivate: item.isPrivate)
        }
        let goalList = list("udviklingsmaal")
        goalsQuestion = goalList.map { program.questions[$0.record.question].id }
        goals = (goalList?.items ?? []).map { item in
            let due = date(item.followUps.first { tagged("frist", $0) }?.fullText)
            return DevelopmentGoal(what: item.what, how: item.followUps.first { tagged("aktivitet", $0) }.map { oneLine($0.fullText) },
                                   due: due.date, dueText: due.text, sign: item.followUps.first { tagged("succes", $0) }.map { oneLine($0.fullText) },
                                   isPrivate: item.isPrivate)
        }
        let next = answers.first { tagged("opfoelgning", $0) }
        nextCheckIn = next.flatMap { DateText.parse($0.fullText, after: created) }
        nextCheckInIsPrivate = next.map(isPrivate) ?? false
        func written(_ tag: String) -> [Remark] {
            answers.filter { tagged(tag, $0) && !program.questions[$0.question].kind.isList }
                .map { Remark(text: oneLine($0.fullText), isPrivate: isPrivate($0)) }
        }
        feedback = written("feedback")
        reflections = written("refleksion")
    }
}

/// What a later preparation says about an agreement of the talk before.
public enum AgreementOutcome: String, Hashable, Sendable {
    case followedUp = "ja", partly = "delvist", notFollowedUp = "nej"
}

extension Agreement {
    /// The option (`ja`, `delvist`, `nej`) a preparation chose for this agreement, if it names it:
    /// its item in the list tagged `aftale`, and the per-item choice tagged `aftale`.
    public func outcome(in conversation: Conversation) -> AgreementOutcome? {
        let program = conversation.program
        guard let list = conversation.records.first(where: {
            program.questions[$0.question].kind.isList && program.questions[$0.question].question.tags.contains("aftale")
        }) else { return nil }
        guard let index = list.items.firstIndex(where: { Folding.fold($0) == Folding.fold(what) }) else { return nil }
        for record in conversation.records {
            guard record.item == index, program.questions[record.question].parent == list.question,
                  case .choice(let options) = program.questions[record.question].kind, !record.isSkipped else { continue }
            return AgreementOutcome(rawValue: options[record.choice].id)
        }
        return nil
    }
}
