import CoachEngine
import CoachScript
import CoachText

/// One answered question as the brief reads it: its id, tags, the text to quote, and its sources.
struct Answer {
    let record: AnswerRecord
    let entry: ScriptProgram.Entry
    /// `lykkedes`, or `oensker[1]/gavn` for a per-item follow-up.
    let id: String
    /// For a per-item follow-up: the list item it is about.
    let listItem: String?
    let program: ScriptProgram

    init(record: AnswerRecord, conversation: Conversation) {
        self.record = record
        program = conversation.program
        entry = program.questions[record.question]
        if let parent = entry.parent, record.item >= 0 {
            let list = program.questions[parent]
            id = "\(list.id)[\(record.item + 1)]/\(entry.id)"
            listItem = conversation.records.last { $0.question == parent }?.item(at: record.item)
        } else {
            id = entry.id
            listItem = nil
        }
    }

    var tags: Set<String> { Set(entry.question.tags) }
    var isTopLevel: Bool { entry.parent == nil }

    /// The answer and what was added to the probes, as one quotable text.
    var text: String {
        let answer: String = switch entry.kind {
        case .text, .list: record.text
        case .yesNo, .choice: record.optionLabel(in: program) ?? record.text
        case .scale(let scale): "\(record.choice)/\(scale.max)"
        }
        let comment = if case .scale = entry.kind { record.scaleComment } else { String?.none }
        return ([answer] + [comment].compactMap { $0 } + record.probeAnswers.map(\.text)).joined(separator: " — ")
    }

    var items: [String] { record.items }

    /// The answer's id and the ids of the probes answered with it.
    var sources: [String] {
        [id] + record.probeAnswers.map { "\(id)/\(entry.question.probes[$0.probe].id)" }
    }

    /// The question as asked, with the list item filled in.
    var question: String {
        entry.question.prompt.render(item: listItem) { _ in nil }
    }

    var quality: AnswerQuality { AnswerQuality(of: record.fullText) }

    /// A choice, scale or yes/no says little alone: it is quoted after its question.
    var point: Point {
        switch entry.kind {
        case .text, .list: Point(text: text, sources: sources, question: question)
        case .yesNo, .choice, .scale: Point(text: question + " " + text, sources: sources, question: question)
        }
    }

    /// Concrete first: numbers, names, dates.
    var concreteness: Int {
        let quality = self.quality
        return (quality.hasNumber ? 2 : 0) + (quality.hasExample ? 1 : 0) + (quality.hasTime ? 1 : 0) + (quality.hasBenefit ? 1 : 0)
    }
}
