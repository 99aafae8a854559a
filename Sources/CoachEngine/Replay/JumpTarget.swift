/// Where `/gå-til` and `replay --from` go: a part (all its questions), a question, or the step of
/// one list item (`oensker[2]/gavn`). A probe's id (`kompetencer-nu/konkret`) stands for its question.
public struct JumpTarget: Sendable {
    /// The questions it takes in, by index.
    private let questions: Set<Int>
    /// The list item it is about (0-based), for a per-item step.
    private let item: Int?

    /// Nil when the script has no part, question or step of that id.
    public init?(_ id: String, in program: ScriptProgram) {
        if let section = program.script.sections.firstIndex(where: { $0.id == id }) {
            questions = Set(program.questions.indices.filter { program.questions[$0].section == section })
            item = nil
            return
        }
        guard let step = StepID(parsing: id), let index = program.index(of: step.question) else { return nil }
        let entry = program.questions[index]
        if let listed = step.item {
            // The item must belong to the list the question follows up.
            guard let parent = entry.parent, program.questions[parent].id == listed.list else { return nil }
            item = listed.index
        } else {
            item = nil
        }
        questions = [index]
    }

    public func matches(_ position: Conversation.Position) -> Bool {
        questions.contains(position.index) && (item == nil || position.item == item)
    }

    public func matches(_ record: AnswerRecord) -> Bool {
        questions.contains(record.question) && (item == nil || record.item == item)
    }
}
