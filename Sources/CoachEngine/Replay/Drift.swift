import CoachScript

/// What a newer script does to a saved conversation: the questions it would now ask that were not
/// asked, the answered ones it dropped or no longer reaches, and the prompts it words differently.
public struct Drift: Hashable, Sendable {
    public struct Reworded: Hashable, Sendable {
        public var step: StepID
        public var old: String
        public var new: String

        public init(step: StepID, old: String, new: String) {
            self.step = step
            self.old = old
            self.new = new
        }
    }

    public var newQuestions: [StepID] = []
    public var removed: [StepID] = []
    public var unreachable: [StepID] = []
    public var reworded: [Reworded] = []

    public var isEmpty: Bool { newQuestions.isEmpty && removed.isEmpty && unreachable.isEmpty && reworded.isEmpty }

    /// Walks `program` from the start with the earlier answers, as a replay that keeps every answer
    /// would, up to where the earlier conversation stood (`endedAt`, nil when it was finished).
    /// Where the newer script asks something with no earlier answer, that is new and skipped.
    public static func of(_ previous: PreviousAnswers, endedAt: StepID?, on program: ScriptProgram) -> Drift {
        var drift = Drift()
        var conversation = Conversation(program: program)
        _ = conversation.start(at: Timestamp(millisecondsSince1970: 0))
        let atEnd = { (conversation: Conversation) -> Bool in
            guard let endedAt, let position = conversation.position else { return false }
            return program.earlierSteps(of: position.index, item: position.item).contains {
                $0.question == endedAt.question && $0.item == endedAt.item
            }
        }
        var guardCount = 0
        while conversation.status == .active, guardCount < 100_000 {
            guardCount += 1
            _ = conversation.reuse(previous, at: Timestamp(millisecondsSince1970: 0), stop: atEnd)
            guard conversation.status == .active, !atEnd(conversation), let step = conversation.currentStep else { break }
            drift.newQuestions.append(step)
            _ = conversation.skip(at: Timestamp(millisecondsSince1970: 0))
        }
        var asked: Set<StepID> = []
        for record in conversation.records {
            let entry = program.questions[record.question]
            let earlier = program.earlierSteps(of: record.question, item: record.item)
            asked.formUnion(earlier)
            if let found = earlier.first(where: { previous.answers[$0] != nil }), let old = previous.answers[found],
               old.prompt != entry.question.prompt.source {
                drift.reworded.append(Reworded(step: program.step(of: record), old: old.prompt, new: entry.question.prompt.source))
            }
        }
        for step in previous.order where !asked.contains(step) {
            let known = program.knows(step.question) && (step.item.map { program.knows($0.list) } ?? true)
            if known { drift.unreachable.append(step) } else { drift.removed.append(step) }
        }
        return drift
    }
}
