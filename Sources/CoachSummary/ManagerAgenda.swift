import CoachEngine
import CoachScript
import CoachText
import Foundation

/// What the person sends their manager before the talk, composed in their own voice: what they
/// want from the talk, each wish as a short case, what else to raise, their questions. Built from
/// the shared answers alone (a brief `for: .manager`), so a private answer cannot reach it; the
/// coach's remarks, the judgement of each wish and the objections to prepare for stay in the
/// person's own brief, and so does whatever is still vague.
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
    private let composed: ComposedAgenda

    public init(_ transcript: Transcript, program: ScriptProgram, knowledge: BriefKnowledge) {
        let projection = BriefBuilder.projection(transcript, program: program, knowledge: knowledge, for: .manager)
        brief = projection.brief
        composed = ComposedAgenda(brief: projection.brief, answers: projection.answers, strings: BriefStrings(program.script.language),
                                  topic: projection.topic)
        let conversation = transcript.replay(on: program).conversation
        let choices = SharingChoices(transcript.events)
        leftOut = conversation.records.filter { !$0.isSkipped && conversation.sharing(of: $0, choices: choices) == .private }.map { record in
            let answer = Answer(record: record, conversation: conversation)
            return LeftOut(id: answer.id, question: answer.question)
        }
    }

    private var strings: BriefStrings { BriefStrings(Language(rawValue: brief.language) ?? .danish) }

    /// What the agenda says about a wish (named as its list item); nil when it says nothing.
    public func paragraph(about wish: String) -> String? {
        composed.cases.first { $0.wish == wish }.map { $0.title + ". " + $0.paragraph.text }
    }

    /// `participants`: the names the agenda and the mail carry, when known. `date` and `recipient`
    /// are for the mail draft only (RFC 5322 needs a date; the draft has no recipient unless one is given).
    public func render(_ format: Format, participants: Participants = Participants(), date: Date = Date(timeIntervalSince1970: 0),
                       recipient: String? = nil) -> String {
        let heading = Heading(title: strings.agendaTitle, people: participants.both(and: strings.and), talk: composed.talk)
        switch format {
        case .markdown: return markdown(heading)
        case .text: return text(heading)
        case .html: return html(heading)
        case .eml:
            // A mail opens with a greeting and closes with a signature, in the person's words.
            let greeting = strings.greeting(participants.manager.map(Participants.firstName))
            let closing = strings.closing(participants.person)
            let plain = greeting + "\n\n" + strings.mailIntro + "\n\n" + text(heading) + "\n" + closing + "\n"
            let page = html(heading, opening: [greeting, strings.mailIntro], closing: closing)
            return MailDraft(subject: strings.agendaTitle, text: plain, html: page, date: date, recipient: recipient).render()
        }
    }

    struct Heading {
        var title: String
        var people: String?
        var talk: String?

        /// The lines under the title: who, then when and where.
        func lines(_ strings: BriefStrings) -> [(label: String, value: String)] {
            [people.map { (strings.participantsLabel, $0) }, talk.map { (strings.talk, $0) }].compactMap { $0 }
        }
    }

    /// The lists after the cases, each with its title; an empty one is left out. What the person
    /// achieved comes first: it backs the cases just above it.
    private var lists: [(title: String, points: [Point])] {
        [(strings.agendaResults, composed.results), (strings.agendaAlso, composed.alsoRaise), (strings.agendaQuestions, composed.questions)]
            .filter { !$0.points.isEmpty }
    }

    private var cases: [ComposedAgenda.Case] { composed.cases.filter { !$0.paragraph.text.isEmpty } }

    /// The wishes as a list, each as specific as the person made it — all of them, or none when the
    /// list would only repeat the titles of the cases below.
    private var wants: [Point] {
        let repeatsATitle = { (want: Point) in cases.contains { $0.title + "." == want.text } }
        return composed.wants.allSatisfy(repeatsATitle) ? [] : composed.wants
    }

    private func markdown(_ heading: Heading) -> String {
        let escape = MarkdownBrief.escaped
        var out = "# \(heading.title)\n\n"
        out += heading.lines(strings).map { "**\($0.label):** \(escape($0.value))  \n" }.joined()
        if !wants.isEmpty || !cases.isEmpty { out += "\n## \(strings.agendaWants)\n" }
        if !wants.isEmpty { out += "\n" + wants.enumerated().map { "\($0.offset + 1). \(escape($0.element.text))\n" }.joined() }
        for wishCase in cases { out += "\n**\(escape(wishCase.title)).** \(escape(wishCase.paragraph.text))\n" }
        for (title, points) in lists { out += "\n## \(title)\n\n" + points.map { "- \(escape($0.text))\n" }.joined() }
        return out
    }

    private func text(_ heading: Heading) -> String {
        let flat = TextBrief.flattened
        var out = heading.title.uppercased() + "\n"
        out += heading.lines(strings).map { "\($0.label): \(flat($0.value))\n" }.joined()
        if !wants.isEmpty || !cases.isEmpty { out += "\n" + strings.agendaWants + "\n" }
        out += wants.enumerated().map { "  \($0.offset + 1). \(flat($0.element.text))\n" }.joined()
        for wishCase in cases { out += "\n" + flat(wishCase.title) + ". " + flat(wishCase.paragraph.text) + "\n" }
        for (title, points) in lists { out += "\n" + title + "\n" + points.map { "  • \(flat($0.text))\n" }.joined() }
        return out
    }

    /// `opening` and `closing`: a mail's greeting and signature around the agenda.
    private func html(_ heading: Heading, opening: [String] = [], closing: String? = nil) -> String {
        let escape = XMLText.escaped
        let list = { (points: [Point]) in "<ul>" + points.map { "<li>\(escape($0.text))</li>" }.joined() + "</ul>\n" }
        var body = opening.map { "<p>\(escape($0))</p>\n" }.joined()
        body += "<h1>\(escape(heading.title))</h1>\n"
        body += heading.lines(strings).map { "<p>\(escape($0.label)): \(escape($0.value))</p>\n" }.joined()
        if !wants.isEmpty || !cases.isEmpty { body += "<h2>\(escape(strings.agendaWants))</h2>\n" }
        if !wants.isEmpty { body += "<ol>" + wants.map { "<li>\(escape($0.text))</li>" }.joined() + "</ol>\n" }
        for wishCase in cases { body += "<p><strong>\(escape(wishCase.title)).</strong> \(escape(wishCase.paragraph.text))</p>\n" }
        for (title, points) in lists { body += "<h2>\(escape(title))</h2>\n" + list(points) }
        if let closing { body += "<p>\(escape(closing).replacingOccurrences(of: "\n", with: "<br />"))</p>\n" }
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(brief.language)">
            <head>
            <meta charset="utf-8" />
            <title>\(escape(heading.title))</title>
            <style>
            @page { size: A4; margin: 16mm; }
            body { font: 10pt/1.35 "Helvetica Neue", Arial, sans-serif; color: #222; max-width: 178mm; margin: 0 auto; }
            h1 { font-size: 16pt; } h2 { font-size: 12pt; border-bottom: 1px solid #ccc; } p { margin: 4pt 0; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }
}
