/// The brief as one self-contained page (well-formed XHTML, so any XML parser reads it) that prints
/// on one or two A4 pages, with an SVG diagram of the common ground and a chart of the scale answers.
struct HTMLBrief {
    let brief: Brief
    let strings: BriefStrings

    func render() -> String {
        var body = "<h1>\(escape(brief.title))</h1>\n"
        body += section(strings.agenda, brief.agenda.isEmpty ? "<p>\(escape(strings.nothing))</p>"
                        : "<ol class=\"agenda\">" + brief.agenda.map { "<li>\(escape($0.text))</li>" }.joined() + "</ol>")
        var wishes = ""
        for (number, wish) in brief.wishes.enumerated() {
            let rows = brief.rows(of: wish, strings).map { row($0.label, $0.point) }.joined()
            wishes += "<div class=\"wish\"><h3>\(number + 1). \(escape(wish.wish.text))</h3>"
                + "<p class=\"judgement \(wish.judgement.rating.rawValue)\"><b>\(escape(strings.judgement)):</b> \(escape(strings.judgementLine(wish.judgement)))</p>"
                + "<blockquote><b>\(escape(strings.pitch)):</b> \(escape(brief.pitchText(of: wish)))</blockquote><dl>\(rows)</dl></div>\n"
        }
        body += section(strings.wishes, wishes.isEmpty ? "<p>\(escape(strings.nothing))</p>" : wishes)
        body += section(strings.questions, list(brief.questions)
                        + (brief.suggestedQuestions.isEmpty ? "" : "<h3>\(escape(strings.suggestedQuestions))</h3>" + list(brief.suggestedQuestions)))
        body += section(strings.feedback, list(brief.feedback.map { Point(text: $0.text, sources: $0.sources) }))
        for (title, points) in brief.sections(strings) {
            body += section(title, list(points))
            if title == strings.collaboration && !brief.scales.isEmpty { body += scaleChart() }
        }
        body += section(strings.commonGround, venn())
        body += section(strings.checklist, "<ul class=\"checklist\">" + brief.checklist.map { "<li>\(escape($0.text))</li>" }.joined() + "</ul>")
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(brief.language)">
            <head>
            <meta charset="utf-8" />
            <title>\(escape(brief.title))</title>
            <style>
            @page { size: A4; margin: 16mm; }
            body { font: 10.5pt/1.35 "Helvetica Neue", Arial, sans-serif; color: #222; max-width: 180mm; margin: 0 auto; }
            h1 { font-size: 17pt; margin: 0 0 6pt; }
            h2 { font-size: 12pt; margin: 12pt 0 4pt; border-bottom: 1px solid #ccc; }
            h3 { font-size: 10.5pt; margin: 6pt 0 2pt; }
            ul { margin: 0; padding-left: 14pt; }
            dl { margin: 0 0 0 10pt; } dt { font-weight: bold; display: inline; } dd { display: inline; margin: 0; }
            dl div { margin: 1pt 0; }
            .wish { break-inside: avoid; }
            .agenda li { margin: 2pt 0; }
            blockquote { margin: 3pt 0 3pt 10pt; padding-left: 6pt; border-left: 3px solid #4a90d9; }
            .judgement { margin: 2pt 0; } .judgement.weak b { color: #b03a2e; } .judgement.strong b { color: #1e7b34; }
            .checklist li { list-style: "☐ "; }
            svg { display: block; margin: 4pt 0; }
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
        points.isEmpty ? "<p>\(escape(strings.nothing))</p>" : "<ul>" + points.map { "<li>\(escape($0.text))</li>" }.joined() + "</ul>"
    }

    private func row(_ label: String, _ point: Point) -> String {
        "<div><dt>\(escape(label)):</dt> <dd>\(escape(point.text))</dd></div>"
    }

    /// Two circles: my wishes and the company's needs; what they share in the middle.
    private func venn() -> String {
        let ground = brief.commonGround
        // Each region's labels are cut to what fits its width: 20 characters at the sides, 14 in the lens.
        func lines(_ texts: [String], x: Int, limit: Int) -> String {
            texts.prefix(7).enumerated().map { index, text in
                "<text x=\"\(x)\" y=\"\(92 + index * 15)\" text-anchor=\"middle\" font-size=\"9\">\(escape(short(text, limit)))</text>"
            }.joined()
        }
        return """
            <svg xmlns="http://www.w3.org/2000/svg" width="600" height="250" viewBox="0 0 600 250" role="img" aria-label="\(escape(strings.commonGround))">\
            <circle cx="235" cy="130" r="115" fill="#4a90d9" fill-opacity="0.18" stroke="#4a90d9" />\
            <circle cx="365" cy="130" r="115" fill="#e8a33d" fill-opacity="0.18" stroke="#e8a33d" />\
            <text x="170" y="22" text-anchor="middle" font-size="11" font-weight="bold">\(escape(strings.ownWishes))</text>\
            <text x="430" y="22" text-anchor="middle" font-size="11" font-weight="bold">\(escape(strings.companyNeeds))</text>\
            <text x="300" y="70" text-anchor="middle" font-size="10" font-weight="bold">\(escape(strings.shared))</text>\
            \(lines(ground.wishesWithoutNeed.map(\.text), x: 170, limit: 20))\
            \(lines(ground.shared.map(\.wish.text), x: 300, limit: 14))\
            \(lines(ground.needsWithoutWish.map(\.text), x: 430, limit: 20))\
            </svg>
            """
    }

    /// A bar per scale answer, the whole scale drawn behind it.
    private func scaleChart() -> String {
        let rowHeight = 22
        let height = brief.scales.count * rowHeight + 24
        var rows = ""
        for (index, scale) in brief.scales.enumerated() {
            let y = 20 + index * rowHeight
            let span = max(1, scale.max - scale.min)
            let width = 200 * (scale.value - scale.min + 1) / (span + 1)
            rows += "<text x=\"0\" y=\"\(y + 12)\" font-size=\"10\">\(escape(short(scale.question, 52)))</text>"
            rows += "<rect x=\"330\" y=\"\(y)\" width=\"200\" height=\"14\" fill=\"#eee\" />"
            rows += "<rect x=\"330\" y=\"\(y)\" width=\"\(width)\" height=\"14\" fill=\"#4a90d9\" />"
            rows += "<text x=\"540\" y=\"\(y + 12)\" font-size=\"10\">\(scale.value)/\(scale.max)</text>"
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"\(height)\" viewBox=\"0 0 600 \(height)\" role=\"img\">"
            + "<text x=\"0\" y=\"12\" font-size=\"10\" font-weight=\"bold\">\(escape(strings.scalesCaption))</text>\(rows)</svg>\n"
    }

    private func short(_ text: String, _ limit: Int = 30) -> String {
        let flat = text.split(separator: "\n").joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }

    private func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
