/// The brief as Markdown; with `showSources`, each point is followed by the answers it came from.
struct MarkdownBrief {
    let brief: Brief
    let strings: BriefStrings
    let showSources: Bool

    func render() -> String {
        var said = SaidOnce()
        var out = "# \(brief.title)\n"
        if let talk = brief.talk { out += "\n**\(strings.talk):** \(line(talk))\n" }
        if !brief.privateAnswers.isEmpty { out += "\n_\(escape(strings.privateNote))_\n" }
        out += "\n## \(strings.agenda)\n\n"
        out += brief.agenda.isEmpty ? "\(strings.nothing)\n"
            : brief.agendaPoints.enumerated().map { "\($0.offset + 1). \(line($0.element))\n" }.joined()
        out += "\n## \(strings.wishes)\n"
        if brief.wishes.isEmpty { out += "\n\(strings.nothing)\n" }
        for (number, wish) in brief.wishes.enumerated() {
            out += "\n### \(number + 1). \(line(wish.wish))\n\n"
            out += "**\(strings.judgement):** \(escape(strings.judgementLine(wish.judgement, wish: wish.wish.text)))\n\n"
            out += "> **\(strings.pitch):** \(escape(brief.pitchText(of: wish)))\n\n"
            for (label, point) in brief.rows(of: wish, strings) {
                if said.first(point) {
                    out += "- **\(label):** \(line(point.telling))\n"
                } else if said.firstPointer(to: point) {
                    out += "- **\(label):** \(escape(strings.seeAbove(Clauses.withoutHedges(point.telling.text))))\n"
                }
            }
        }
        out += "\n## \(strings.questions)\n\n" + list(brief.questions)
        if !brief.suggestedQuestions.isEmpty {
            out += "\n### \(strings.suggestedQuestions)\n\n" + list(brief.suggestedQuestions)
        }
        out += "\n## \(strings.feedback)\n\n"
        out += brief.feedback.isEmpty ? "\(strings.nothing)\n"
            : brief.feedback.map { "- \(escape($0.text))\(sourceList($0.sources))\n" }.joined()
        for (title, points) in brief.sections(strings) {
            // A point quoted with a wish is not quoted again; a section left with none is left out.
            let fresh = points.filter { said.first($0) }
            if fresh.isEmpty && !points.isEmpty { continue }
            out += "\n## \(title)\n\n" + list(fresh.map(\.telling))
        }
        out += "\n## \(strings.commonGround)\n\n"
        for shared in brief.commonGround.shared {
            out += "- \(escape(shared.wish.text)) ↔ \(shared.needs.map { escape($0.text) }.joined(separator: ", "))\n"
        }
        for wish in brief.commonGround.wishesWithoutNeed { out += "- \(strings.noNeedFor): \(escape(wish.text))\n" }
        for need in brief.commonGround.needsWithoutWish { out += "- \(strings.needNoWish): \(escape(need.text))\n" }
        if brief.commonGround.shared.isEmpty && brief.commonGround.wishesWithoutNeed.isEmpty && brief.commonGround.needsWithoutWish.isEmpty {
            out += "\(strings.nothing)\n"
        }
        out += "\n## \(strings.checklist)\n\n" + brief.checklist.map { "- [ ] \(escape($0.text))\n" }.joined()
        return out
    }

    private func list(_ points: [Point]) -> String {
        points.isEmpty ? "\(strings.nothing)\n" : points.map { "- \(line($0))\n" }.joined()
    }

    private func line(_ point: Point) -> String {
        escape(point.text) + (brief.isPrivate(point) ? " _\(strings.privateMark)_" : "") + sources(point)
    }

    private func sources(_ point: Point) -> String { sourceList(point.sources) }

    private func sourceList(_ ids: [String]) -> String {
        showSources && !ids.isEmpty ? " _(\(strings.sources): \(ids.map { "`\($0)`" }.joined(separator: ", ")))_" : ""
    }

    /// Answers are text, not Markdown: line breaks become spaces and markup characters are escaped.
    private func escape(_ text: String) -> String { Self.escaped(text) }

    /// Byte by byte: every character it changes is ASCII, and a UTF-8 byte below 0x80 is always one.
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\n"): out.append(UInt8(ascii: " "))
            case UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"):
                out.append(UInt8(ascii: "\\"))
                out.append(byte)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
