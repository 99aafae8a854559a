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
    /// What was said, the answer first, then a scale's comment and the probes' answers (a reply that
    /// only points back at the answer left out); split once, since every section of the brief reads them.
    private let rawParts: [String]
    /// The parts as quoted: a part said twice once, a sentence attacking a person left out.
    private let parts: [String]

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
        rawParts = Self.rawParts(of: record, entry: entry, program: program)
        var parts: [String] = []
        for part in rawParts.map(Criticism.professional) where !part.isEmpty {
            if !parts.contains(where: { $0.lowercased() == part.lowercased() }) { parts.append(part) }
        }
        self.parts = parts
        criticisesAPerson = rawParts.contains { Criticism.isPersonal($0) }
    }

    var tags: Set<String> { Set(entry.question.tags) }
    var isTopLevel: Bool { entry.parent == nil }

    /// The answer and what was added to the probes, as one quotable text: a part said twice once
    /// ("fint — fint"), and without a sentence that attacks a person (those stay in the person's own notes).
    var text: String { parts.joined(separator: " — ") }

    /// The same parts a line each, as the cues read them: each part starts a sentence.
    var analysable: String { parts.joined(separator: "\n") }

    /// Whether the answer, or what was added to its probes, judges a person rather than what happens.
    let criticisesAPerson: Bool

    private static func rawParts(of record: AnswerRecord, entry: ScriptProgram.Entry, program: ScriptProgram) -> [String] {
        let answer: String = switch entry.kind {
        case .text, .list: record.text
        case .yesNo, .choice: record.optionLabel(in: program) ?? record.text
        case .scale(let scale): "\(record.choice)/\(scale.max)"
        }
        return [answer] + [record.comment(in: program)].compactMap { $0 } + record.probeAnswers.map(\.text).filter { !pointsBack($0) }
    }

    /// A short reply that only says it was said already ("det skrev jeg jo"), and says nothing concrete.
    private static func pointsBack(_ reply: String) -> Bool {
        Clauses.words(reply) <= Self.pointingWords && Phrases.alreadySaid.occurs(in: reply) && AnswerQuality(of: reply).isVague
    }

    /// The words a reply that only points back has at most.
    private static let pointingWords = 6

    /// What the person wrote beside a scale's number and to its probes, without the number.
    var comments: String {
        Array(rawParts.dropFirst()).map(Criticism.professional).filter { !$0.isEmpty }.joined(separator: "; ")
    }

    /// The sentence that carries the answer's point: the most concrete one, the first on a tie.
    var keySentence: String { Sentences.excerpt(text) }

    var items: [String] { record.items }

    /// The answer's id and the ids of the probes answered with it.
    var sources: [String] {
        [id] + record.probeAnswers.filter { !Self.pointsBack($0.text) }.map { "\(id)/\(entry.question.probes[$0.probe].id)" }
    }

    /// The question as asked, with the list item filled in.
    var question: String {
        entry.question.prompt.render(item: listItem) { _ in nil }
    }

    var quality: AnswerQuality { AnswerQuality(of: analysable) }

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
