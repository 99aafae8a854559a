import CoachEngine
import CoachScript
import CoachText
import Foundation

/// What the person sends their manager before the talk: the points to raise, each wish with its
/// case, the results behind them and the questions. Built from the shared answers alone (a brief
/// `for: .manager`), so a private answer cannot reach it; the coach's remarks, the judgement of
/// each wish and the objections to prepare for stay in the person's own brief.
public struct ManagerAgenda: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case markdown, html, text, eml
    }

    /// An answer that stays out: its id and its question as asked.
    public struct LeftOut: Equatable, Sendable {
        public var id: String
        public var question: String
    }

    public let brief: Brief
    /// The private answers, for the person to check before sending.
    public let leftOut: [LeftOut]

    public init(_ transcript: Transcript, program: ScriptProgram, knowledge: BriefKnowledge) {
        brief = BriefBuilder.build(transcript, program: program, knowledge: knowledge, for: .manager)
        let conversation = transcript.replay(on: program).conversation
        let choices = SharingChoices(transcript.events)
        leftOut = conversation.records.filter { !$0.isSkipped && conversation.sharing(of: $0, choices: choices) == .private }.map { record in
            let answer = Answer(record: record, conversation: conversation)
            return LeftOut(id: answer.id, question: answer.question)
        }
    }

    private var strings: BriefStrings { BriefStrings(Language(rawValue: brief.language) ?? .danish) }

    /// What the agenda says about a wish (named as its list item), as text; nil when it says nothing.
    public func paragraph(about wish: String) -> String? {
        guard let argument = brief.wishes.first(where: { $0.wish.text == wish }) else { return nil }
        return ([argument.wish.text] + brief.caseRows(of: argument, strings).map { "\($0.label): \($0.point.text)" }).joined(separator: "\n")
    }

    /// `date` and `recipient` are for the mail draft only (RFC 5322 needs a date; the draft has no
    /// recipient unless one is given).
    public func render(_ format: Format, date: Date = Date(timeIntervalSince1970: 0), recipient: String? = nil) -> String {
        switch format {
        case .markdown: markdown()
        case .text: text()
        case .html: html()
        case .eml: MailDraft(subject: strings.agendaTitle, text: text(), html: html(), date: date, recipient: recipient).render()
        }
    }

    /// The sections in order, each with its points; an empty one is left out, the agenda never.
    private var sections: [(title: String, points: [Point])] {
        [(strings.results, brief.results), (strings.questions, brief.questions)].filter { !$0.points.isEmpty }
    }

    private func markdown() -> String {
        let escape = MarkdownBrief.escaped
        var out = "# \(strings.agendaTitle)\n"
        if let talk = brief.talk { out += "\n**\(strings.talk):** \(escape(talk.text))\n" }
        if !brief.wants.isEmpty { out += "\n## \(strings.wants)\n\n" + brief.wants.map { "- \(escape($0.text))\n" }.joined() }
        out += "\n## \(strings.agenda)\n\n"
        out += brief.agenda.isEmpty ? "\(strings.nothing)\n" : brief.agenda.enumerated().map { "\($0.offset + 1). \(escape($0.element.text))\n" }.joined()
        if !brief.wishes.isEmpty { out += "\n## \(strings.agendaWishes)\n" }
        for (number, wish) in brief.wishes.enumerated() {
            out += "\n### \(number + 1). \(escape(wish.wish.text))\n\n"
            for (label, point) in brief.caseRows(of: wish, strings) { out += "- **\(label):** \(escape(point.text))\n" }
        }
        for (title, points) in sections { out += "\n## \(title)\n\n" + points.map { "- \(escape($0.text))\n" }.joined() }
        return out
    }

    private func text() -> String {
        let flat = TextBrief.flattened
        var out = strings.agendaTitle.uppercased() + "\n"
        if let talk = brief.talk { out += strings.talk + ": " + flat(talk.text) + "\n" }
        if !brief.wants.isEmpty { out += "\n" + strings.wants + "\n" + brief.wants.map { "  • \(flat($0.text))\n" }.joined() }
        out += "\n" + strings.agenda + "\n"
        out += brief.agenda.isEmpty ? "  \(strings.nothing)\n" : brief.agenda.enumerated().map { "  \($0.offset + 1). \(flat($0.element.text))\n" }.joined()
        if !brief.wishes.isEmpty { out += "\n" + strings.agendaWishes + "\n" }
        for (number, wish) in brief.wishes.enumerated() {
            out += "  \(number + 1). \(flat(wish.wish.text))\n"
            for (label, point) in brief.caseRows(of: wish, strings) { out += "     \(label): \(flat(point.text))\n" }
        }
        for (title, points) in sections { out += "\n" + title + "\n" + points.map { "  • \(flat($0.text))\n" }.joined() }
        return out
    }

    private func html() -> String {
        let escape = XMLText.escaped
        let list = { (points: [Point]) in "<ul>" + points.map { "<li>\(escape($0.text))</li>" }.joined() + "</ul>\n" }
        var body = "<h1>\(escape(strings.agendaTitle))</h1>\n"
        if let talk = brief.talk { body += "<p>\(escape(strings.talk)): \(escape(talk.text))</p>\n" }
        if !brief.wants.isEmpty { body += "<h2>\(escape(strings.wants))</h2>\n" + list(brief.wants) }
        body += "<h2>\(escape(strings.agenda))</h2>\n"
        body += brief.agenda.isEmpty ? "<p>\(escape(strings.nothing))</p>\n" : "<ol>" + brief.agenda.map { "<li>\(escape($0.text))</li>" }.joined() + "</ol>\n"
        if !brief.wishes.isEmpty { body += "<h2>\(escape(strings.agendaWishes))</h2>\n" }
        for (number, wish) in brief.wishes.enumerated() {
            body += "<h3>\(number + 1). \(escape(wish.wish.text))</h3>\n<dl>"
            body += brief.caseRows(of: wish, strings).map { "<div><dt>\(escape($0.label)):</dt> <dd>\(escape($0.point.text))</dd></div>" }.joined()
            body += "</dl>\n"
        }
        for (title, points) in sections { body += "<h2>\(escape(title))</h2>\n" + list(points) }
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(brief.language)">
            <head>
            <meta charset="utf-8" />
            <title>\(escape(strings.agendaTitle))</title>
            <style>
            @page { size: A4; margin: 16mm; }
            body { font: 10pt/1.35 "Helvetica Neue", Arial, sans-serif; color: #222; max-width: 178mm; margin: 0 auto; }
            h1 { font-size: 16pt; } h2 { font-size: 12pt; border-bottom: 1px solid #ccc; } h3 { font-size: 10.5pt; margin-bottom: 2pt; }
            dt { font-weight: bold; display: inline; } dd { display: inline; margin: 0; } dl div { margin: 1pt 0; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }
}
