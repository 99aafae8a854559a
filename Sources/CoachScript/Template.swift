/// Prompt text with `{answer:question-id}` and `{item}` placeholders, parsed once at load time.
public struct Template: Sendable, Equatable {
    public enum Part: Sendable, Equatable {
        case text(String)
        case answer(questionID: String)
        case item
    }

    public var parts: [Part]
    public var source: String
    /// Where the text starts in the script, for diagnostics about its placeholders.
    public var location: SourceLocation?

    public init(parts: [Part], source: String, location: SourceLocation? = nil) {
        self.parts = parts
        self.source = source
        self.location = location
    }

    /// A placeholder that is not one of the two forms, with its offset in the source.
    public struct ParseIssue: Error, Equatable {
        public var placeholder: String
        public var offset: Int
    }

    public static func parse(_ source: String) -> (Template, [ParseIssue]) {
        guard source.utf8.contains(UInt8(ascii: "{")) else { return (Template(parts: [.text(source)], source: source), []) }
        var parts: [Part] = []
        var issues: [ParseIssue] = []
        var literal = ""
        var scalars = source.unicodeScalars[...]
        var offset = 0
        while let scalar = scalars.popFirst() {
            guard scalar == "{", let close = scalars.firstIndex(of: "}") else {
                literal.unicodeScalars.append(scalar)
                offset += 1
                continue
            }
            let inner = String(String.UnicodeScalarView(scalars[..<close]))
            let innerLength = inner.unicodeScalars.count
            if !literal.isEmpty { parts.append(.text(literal)); literal = "" }
            if inner == "item" {
                parts.append(.item)
            } else if inner.hasPrefix("answer:"), inner.count > "answer:".count {
                parts.append(.answer(questionID: String(inner.dropFirst("answer:".count))))
            } else {
                issues.append(ParseIssue(placeholder: "{\(inner)}", offset: offset))
                literal += "{\(inner)}"
            }
            scalars = scalars[scalars.index(after: close)...]
            offset += innerLength + 2
        }
        if !literal.isEmpty { parts.append(.text(literal)) }
        return (Template(parts: parts, source: source), issues)
    }

    public var referencedQuestions: [String] {
        parts.compactMap { if case .answer(let id) = $0 { id } else { nil } }
    }

    public var usesItem: Bool { parts.contains(.item) }

    /// The text itself when it has no placeholders: most prompts, shown without any look-up.
    public var plainText: String? {
        if parts.count == 1, case .text(let text) = parts[0] { text } else { nil }
    }

    /// The text with placeholders filled by `lookup` (answers) and `item`.
    public func render(item: String? = nil, answer lookup: (String) -> String?) -> String {
        if let plainText { return plainText }
        var out = ""
        out.reserveCapacity(parts.reduce(0) { length, part in
            if case .text(let text) = part { length + text.utf8.count } else { length + 48 }
        })
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .item: out += item ?? ""
            case .answer(let id): out += lookup(id) ?? "…"
            }
        }
        return out
    }
}
