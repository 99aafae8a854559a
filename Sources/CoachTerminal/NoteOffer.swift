import CoachEngine

/// Notes from the year, offered where they help: a tag's notes at the first list question that
/// carries the tag (the development wishes), else at the first question that does (what went well).
public struct NoteOffer: Sendable {
    private var byQuestion: [Int: [String]] = [:]

    public init(notes: [(text: String, tags: [String])], program: ScriptProgram) {
        for tag in Set(notes.flatMap(\.tags)).sorted() {
            let carrying = program.questions.indices.filter { program.questions[$0].question.tags.contains(tag) }
            guard let index = carrying.first(where: { program.questions[$0].kind.isList }) ?? carrying.first else { continue }
            byQuestion[index, default: []] += notes.filter { $0.tags.contains(tag) }.map(\.text)
        }
    }

    /// The notes offered at question `index`.
    public func notes(at index: Int) -> [String] {
        byQuestion[index] ?? []
    }
}
