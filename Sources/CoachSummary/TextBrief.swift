/// The brief as plain text for the terminal.
struct TextBrief {
    let brief: Brief
    let strings: BriefStrings

    func render() -> String {
        var said = SaidOnce()
        var out = brief.title.uppercased() + "\n"
        if let talk = brief.talk { out += strings.talk + ": " + Self.flattened(talk.text) + "\n" }
        if !brief.privateAnswers.isEmpty { out += strings.privateNote + "\n" }
        out += "\n" + strings.agenda + "\n"
        out += brief.agenda.isEmpty ? "  \(strings.nothing)\n"
            : brief.agendaPoints.enumerated().map { "  \($0.offset + 1). \(shown($0.element))\n" }.joined()
        out += "\n" + strings.wishes + "\n"
        if brief.wishes.isEmpty { out += "  \(strings.nothing)\n" }
        for (number, wish) in brief.wishes.enumerated() {
            out += "  \(number + 1). \(shown(wish.wish))\n"
            out += "     \(strings.judgement): \(strings.judgementLine(wish.judgement, wish: wish.wish.text))\n"
            out += "     \(strings.pitch): \(Self.flattened(brief.pitchText(of: wish)))\n"
            for (label, point) in brief.rows(of: wish, strings) {
                if said.first(point) {
                    out += "     \(label): \(shown(point.telling))\n"
                } else if said.firstPointer(to: point) {
                    out += "     \(label): \(strings.seeAbove(Clauses.withoutHedges(point.telling.text)))\n"
                }
            }
        }
        out += "\n" + strings.questions + "\n" + list(brief.questions)
        if !brief.suggestedQuestions.isEmpty { out += "\n" + strings.suggestedQuestions + "\n" + list(brief.suggestedQuestions) }
        out += "\n" + strings.feedback + "\n" + list(brief.feedback.map { Point(text: $0.text, sources: $0.sources) })
        for (title, points) in brief.sections(strings) {
            // A point quoted with a wish is not quoted again; a section left with none is left out.
            let fresh = points.filter { said.first($0) }
            if fresh.isEmpty && !points.isEmpty { continue }
            out += "\n" + title + "\n" + list(fresh.map(\.telling))
        }
        out += "\n" + strings.checklist + "\n" + brief.checklist.map { "  [ ] \(Self.flattened($0.text))\n" }.joined()
        return out
    }

    private func list(_ points: [Point]) -> String {
        points.isEmpty ? "  \(strings.nothing)\n" : points.map { "  • \(shown($0))\n" }.joined()
    }

    private func shown(_ point: Point) -> String { Self.flattened(point.text) + (brief.isPrivate(point) ? " " + strings.privateMark : "") }

    /// An answer on one line: its line breaks become spaces.
    static func flattened(_ text: String) -> String { text.split(separator: "\n").joined(separator: " ") }
}
