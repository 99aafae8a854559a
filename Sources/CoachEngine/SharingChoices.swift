import CoachScript

/// What the person chose to share, answer by answer: the latest `sharingChanged` event for an
/// answer holds, one for a list holds for its items' follow-ups, and the script's `share:` for the rest.
public struct SharingChoices: Equatable, Sendable {
    private var chosen: [String: Sharing] = [:]

    public init(_ events: some Sequence<Event>) {
        for case .sharingChanged(let answer, let sharing, _) in events { chosen[answer] = sharing }
    }

    /// A probe's answer is shared as the answer it probes is.
    public func sharing(of step: StepID, in program: ScriptProgram) -> Sharing {
        let answer = step.answer
        if let sharing = chosen[answer.description] ?? step.item.flatMap({ chosen[$0.list] }) { return sharing }
        return program.index(of: step.question).map { program.questions[$0].question.sharing } ?? .shared
    }
}

extension Conversation {
    public var sharingChoices: SharingChoices { SharingChoices(events) }

    /// The ids a sharing choice can name: each answered question (`trivsel`, a list as `oensker`)
    /// and each answered per-item follow-up (`oensker[1]/gavn`).
    public var answerIDs: Set<String> {
        Set(records.filter { !$0.isSkipped }.map { program.step(of: $0).description })
    }

    /// Whether `record` goes into what the person sends their manager.
    public func sharing(of record: AnswerRecord, choices: SharingChoices) -> Sharing {
        choices.sharing(of: program.step(of: record), in: program)
    }
}
