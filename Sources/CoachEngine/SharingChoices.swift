import CoachScript

/// What the person chose to share, answer by answer: the latest `sharingChanged` event for an
/// answer holds, one for a list holds for its items' follow-ups, and the script's `share:` for the rest.
public struct SharingChoices: Equatable, Sendable {
    private var chosen: [String: Sharing] = [:]

    public init(_ events: some Sequence<Event>) {
        for case .sharingChanged(let answer, let sharing, _) in events { chosen[answer] = sharing }
    }

    /// `step` without its probe: a probe's answer is shared as the answer it probes is.
    public func sharing(of step: StepID, in program: ScriptProgram) -> Sharing {
        let answer = StepID(question: step.question, item: step.item)
        if let sharing = chosen[answer.description] ?? step.item.flatMap({ chosen[$0.list] }) { return sharing }
        return program.index(of: step.question).map { program.questions[$0].question.sharing } ?? .shared
    }

    public var isEmpty: Bool { chosen.isEmpty }
}

extension Conversation {
    public var sharingChoices: SharingChoices { SharingChoices(events) }

    /// Whether `record` goes into what the person sends their manager.
    public func sharing(of record: AnswerRecord, choices: SharingChoices) -> Sharing {
        choices.sharing(of: program.step(of: record), in: program)
    }
}
