import CoachText

/// The brief as one self-contained page (well-formed XHTML, so any XML parser reads it) that prints
/// on one or two A4 pages, with an SVG diagram of the common ground and a chart of the scale answers.
struct HTMLBrief {
    let brief: Brief
    let strings: BriefStrings

    func render() -> String {
        var body = "<h1>\(escape(brief.title))</h1>\n"
        if let talk = brief.talk { body += "<p class=\"talk\">\(escape(strings.talk)): \(escape(talk.text))</p>\n" }
        if !brief.privateAnswers.isEmpty { body += "<p class=\"private-note\">\(escape(strings.privateNote))</p>\n" }
        body += section(strings.agenda, brief.agenda.isEmpty ? "<p>\(escape(strings.nothing))</p>"
                        : "<ol class=\"agenda\">" + brief.agendaPoints.map { "<li>\(shown($0))</li>" }.joined() + "</ol>")
        // On paper each wish is its judgement, its pitch (which quotes the telling sentence of each
        // part) and the objections to prepare; the Markdown and text briefs list every part in full.
        var wishes = ""
        for (number, wish) in brief.wishes.enumerated() {
            let objections = brief.objectionRows(of: wish, strings).map { row($0.label, $0.point) }.joined()
            wishes += "<div class=\"wish\"><h3>\(number + 1). \(shown(wish.wish))</h3>"
                + "<p class=\"judgement \(wish.judgement.rating.rawValue)\"><b>\(escape(strings.judgement)):</b> \(escape(strings.judgementLine(wish.judgement)))</p>"
                + "<blockquote>\(escape(brief.pitchText(of: wish)))</blockquote>" + (objections.isEmpty ? "" : "<dl>\(objections)</dl>") + "</div>\n"
        }
        body += section(strings.wishes, wishes.isEmpty ? "<p>\(escape(strings.nothing))</p>" : wishes)
        body += section(strings.questions, list(brief.questions)
                        + (brief.suggestedQuestions.isEmpty ? "" : "<h3>\(escape(strings.suggestedQuestions))</h3>" + list(brief.suggestedQuestions)))
        body += section(strings.feedback, list(brief.feedback.map { Point(text: $0.text, sources: $0.sources) }))
        // An answer the agenda, a pitch or a suggested question already quotes, or a scale answer the
        // chart draws, is not listed again on paper.
        var quoted = Set(brief.scales.map(\.source))
        quoted.formUnion(brief.agenda.flatMap(\.sources) + brief.suggestedQuestions.flatMap(\.sources))
        quoted.formUnion(brief.wishes.flatMap { $0.pitch.flatMap(\.sources) })
        for (title, points) in brief.sections(strings) {
            // Results are the case's backing and stay whole; elsewhere a long answer is cut to what carries it.
            // On paper a section with nothing to show is left out.
            let shown = points.filter { !quoted.contains($0.sources.first ?? "") }
            if !shown.isEmpty { body += section(title, list(title == strings.results ? shown : shown.map(\.keySentence))) }
            if title == strings.collaboration && !brief.scales.isEmpty { body += scaleChart() }
        }
        // The diagram and the checklist side by side: together they close the second page.
        body += "<div class=\"closing\"><div>" + section(strings.commonGround, venn()) + "</div><div>"
            + section(strings.checklist, "<ul class=\"checklist\">" + brief.checklist.map { "<li>\(escape($0.text))</li>" }.joined() + "</ul>")
            + "</div></div>\n"
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(brief.language)">
            <head>
            <meta charset="utf-8" />
            <title>\(escape(brief.title))</title>
            <style>
            @page { size: A4; margin: 14mm; }
            body { font: 9pt/1.28 "Helvetica Neue", Arial, sans-serif; color: #222; max-width: 182mm; margin: 0 auto; }
            h1 { font-size: 16pt; margin: 0 0 4pt; }
            h2 { font-size: 11pt; margin: 9pt 0 3pt; border-bottom: 1px solid #ccc; }
            h3 { font-size: 10pt; margin: 5pt 0 1pt; }
            ul { margin: 0; padding-left: 14pt; }
            dl { margin: 0 0 0 10pt; } dt { font-weight: bold; display: inline; } dd { display: inline; margin: 0; }
            dl div { margin: 1pt 0; }
            .wish { break-inside: avoid; }
            .agenda li { margin: 2pt 0; }
            blockquote { margin: 3pt 0 3pt 10pt; padding-left: 6pt; border-left: 3px solid #4a90d9; }
            .judgement { margin: 2pt 0; } .judgement.weak b { color: #b03a2e; } .judgement.strong b { color: #1e7b34; }
            .checklist { font-size: 8pt; line-height: 1.2; }
            .checklist li { list-style: "☐ "; break-inside: avoid; }
            svg { display: block; margin: 4pt 0; max-width: 100%; height: auto; }
            svg.venn { width: 80mm; }
            .private, .private-note { color: #7a4b00; font-style: italic; }
            .closing { display: flex; gap: 6mm; break-inside: avoid; } .closing > div { flex: 1; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private func section(_ title: String, _ content: String) -> String {
        "<h2>\(escape(title))</h2>\n\(content)\n"
    }

    private func list(_ points: [Point]) -> String {
        points.isEmpty ? "<p>\(escape(strings.nothing))</p>" : "<ul>" + points.map { "<li>\(shown($0))</li>" }.joined() + "</ul>"
    }

    private func row(_ label: String, _ point: Point) -> String {
        "<div><dt>\(escape(label)):</dt> <dd>\(shown(point))</dd></div>"
    }

    /// A point's text, marked when it quotes a private answer.
    private func shown(_ point: Point) -> String {
        escape(point.text) + (brief.isPrivate(point) ? " <span class=\"private\">\(escape(strings.privateMark))</span>" : "")
    }

    /// Two circles: my wishes and the company's needs; what they share in the middle. Labels wrap to
    /// their region's width (20 characters at the sides, 14 in the lens) and the circles grow to hold them.
    private func venn() -> String {
        let ground = brief.commonGround
        let regions = [(ground.wishesWithoutNeed.map(\.text), 170, 20), (ground.shared.map(\.wish.text), 300, 14),
                       (ground.needsWithoutWish.map(\.text), 430, 20)]
        let laidOut = regions.map { texts, x, width in (texts.map { wrap($0, width) }, x) }
        let lineHeight = 12
        // An item's lines, then a gap before the next.
        let tallest = laidOut.map { items, _ in items.reduce(0) { $0 + $1.count * lineHeight + 4 } }.max() ?? 0
        let radius = max(115, (92 - 15 + tallest + 20) / 2)
        let centreY = 15 + radius
        var labels = ""
        for (items, x) in laidOut {
            var y = 92
            for lines in items {
                for line in lines {
                    labels += "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"middle\" font-size=\"9\">\(escape(line))</text>"
                    y += lineHeight
                }
                y += 4
            }
        }
        let height = centreY + radius + 5
        return """
            <svg class="venn" xmlns="http://www.w3.org/2000/svg" width="600" height="\(height)" viewBox="0 0 600 \(height)" role="img" aria-label="\(escape(strings.commonGround))">\
            <circle cx="235" cy="\(centreY)" r="\(radius)" fill="#4a90d9" fill-opacity="0.18" stroke="#4a90d9" />\
            <circle cx="365" cy="\(centreY)" r="\(radius)" fill="#e8a33d" fill-opacity="0.18" stroke="#e8a33d" />\
            <text x="170" y="22" text-anchor="middle" font-size="11" font-weight="bold">\(escape(strings.ownWishes))</text>\
            <text x="430" y="22" text-anchor="middle" font-size="11" font-weight="bold">\(escape(strings.companyNeeds))</text>\
            <text x="300" y="70" text-anchor="middle" font-size="10" font-weight="bold">\(escape(strings.shared))</text>\
            \(labels)\
            </svg>
            """
    }

    /// A bar per scale answer, the whole scale drawn behind it; a long question wraps onto more lines.
    private func scaleChart() -> String {
        var rows = ""
        var y = 20
        for scale in brief.scales {
            let span = max(1, scale.max - scale.min)
            let width = 200 * (scale.value - scale.min + 1) / (span + 1)
            let lines = wrap(scale.question, 58)
            for (index, line) in lines.enumerated() {
                rows += "<text x=\"0\" y=\"\(y + 12 + index * 12)\" font-size=\"10\">\(escape(line))</text>"
            }
            rows += "<rect x=\"330\" y=\"\(y)\" width=\"200\" height=\"14\" fill=\"#eee\" />"
            rows += "<rect x=\"330\" y=\"\(y)\" width=\"\(width)\" height=\"14\" fill=\"#4a90d9\" />"
            rows += "<text x=\"540\" y=\"\(y + 12)\" font-size=\"10\">\(scale.value)/\(scale.max)</text>"
            y += max(22, lines.count * 12 + 8)
        }
        let height = y + 4
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"\(height)\" viewBox=\"0 0 600 \(height)\" role=\"img\">"
            + "<text x=\"0\" y=\"12\" font-size=\"10\" font-weight=\"bold\">\(escape(strings.scalesCaption))</text>\(rows)</svg>\n"
    }

    /// Words onto lines of at most `width` characters; a longer word stands on a line of its own, whole.
    func wrap(_ text: String, _ width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if line.isEmpty {
                line = String(word)
            } else if line.count + 1 + word.count <= width {
                line += " " + word
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private func escape(_ text: String) -> String { XMLText.escaped(text) }
}
