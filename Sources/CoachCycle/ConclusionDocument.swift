import CoachText

/// The conclusion as headed sections of paragraphs, lists and tables, which each format lays out
/// its own way: the content is decided once, in `MUSConclusion`.
struct ConclusionDocument {
    struct Section {
        enum Content {
            case paragraph(String)
            case list([String])
            case table(header: [String], rows: [[String]])
        }

        var title: String
        var content: Content
    }

    var title: String
    var subtitle: String
    /// Said under the title: a date to check, what stays out of the shared copy.
    var notes: [String] = []
    var sections: [Section] = []
}

enum ConclusionMarkdown {
    static func render(_ document: ConclusionDocument) -> String {
        var blocks = ["# \(document.title)", document.subtitle] + document.notes.map { "> " + $0.replacingOccurrences(of: "\n", with: "\n> ") }
        for section in document.sections {
            blocks.append("## \(section.title)")
            switch section.content {
            case .paragraph(let text): blocks.append(text.replacingOccurrences(of: "\n", with: "  \n"))
            case .list(let items): blocks.append(items.map { "- " + $0.replacingOccurrences(of: "\n", with: "\n  ") }.joined(separator: "\n"))
            case .table(let header, let rows):
                let line = { (cells: [String]) in "| " + cells.map(cell).joined(separator: " | ") + " |" }
                blocks.append(([line(header), "|" + String(repeating: " --- |", count: header.count)] + rows.map(line)).joined(separator: "\n"))
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    /// A table cell is one line, and its pipes are text.
    private static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

enum ConclusionText {
    static func render(_ document: ConclusionDocument) -> String {
        var blocks = [document.title.uppercased(), document.subtitle] + document.notes
        for section in document.sections {
            blocks.append(section.title.uppercased())
            switch section.content {
            case .paragraph(let text): blocks.append(text)
            case .list(let items): blocks.append(items.map { "- " + $0 }.joined(separator: "\n"))
            case .table(let header, let rows):
                // A row is its first cell, numbered, and the others labelled by their column.
                blocks.append(rows.enumerated().map { number, row in
                    (["\(number + 1). \(row[0])"] + zip(header, row).dropFirst().map { "   \($0): \($1)" }).joined(separator: "\n")
                }.joined(separator: "\n"))
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}

/// One self-contained page (well-formed XHTML) that prints on one A4 page.
enum ConclusionHTML {
    static func render(_ document: ConclusionDocument, language: String) -> String {
        var body = "<h1>\(escape(document.title))</h1>\n<p class=\"subtitle\">\(escape(document.subtitle))</p>\n"
        body += document.notes.map { "<p class=\"note\">\(lines($0))</p>\n" }.joined()
        for section in document.sections {
            body += "<h2>\(escape(section.title))</h2>\n"
            switch section.content {
            case .paragraph(let text): body += "<p>\(lines(text))</p>\n"
            case .list(let items): body += "<ul>" + items.map { "<li>\(lines($0))</li>" }.joined() + "</ul>\n"
            case .table(let header, let rows):
                body += "<table><thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead><tbody>"
                    + rows.map { "<tr>" + $0.map { "<td>\(escape($0))</td>" }.joined() + "</tr>" }.joined() + "</tbody></table>\n"
            }
        }
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="\(language)">
            <head>
            <meta charset="utf-8" />
            <title>\(escape(document.title)) — \(escape(document.subtitle))</title>
            <style>
            @page { size: A4; margin: 16mm; }
            body { font: 10pt/1.35 "Helvetica Neue", Arial, sans-serif; color: #222; max-width: 178mm; margin: 0 auto; }
            h1 { font-size: 17pt; margin: 0; }
            .subtitle { margin: 2pt 0 8pt; color: #555; }
            h2 { font-size: 11.5pt; margin: 11pt 0 4pt; border-bottom: 1px solid #ccc; }
            table { width: 100%; border-collapse: collapse; }
            th, td { text-align: left; vertical-align: top; padding: 3pt 5pt; border-bottom: 1px solid #e3e3e3; }
            th { font-size: 9pt; color: #555; }
            tr { break-inside: avoid; }
            ul { margin: 0; padding-left: 14pt; }
            .note { color: #7a4b00; font-style: italic; }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// Escaped, its line breaks kept.
    private static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br />")
    }

    private static func escape(_ text: String) -> String { XMLText.escaped(text) }
}
