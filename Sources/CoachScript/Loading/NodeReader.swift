import Yams

/// Reads a composed YAML tree into typed values, recording a positioned diagnostic for every
/// mismatch instead of stopping at the first, so one `check` run reports them all.
struct NodeReader {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    func location(_ node: Node) -> SourceLocation {
        let mark = node.mark
        return SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    mutating func report(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, at node: Node) {
        diagnostics.append(.error(code, message, at: location(node)))
    }

    // MARK: - Mappings

    /// A mapping's entries by key, reporting unknown and missing keys against the allowed set.
    mutating func mapping(_ node: Node, what: String, allowed: [String], required: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            error(.wrongType, "expected \(what) as a mapping of keys to values, found \(describe(node))", at: node)
            return nil
        }
        var fields = Fields(node: node)
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                error(.wrongType, "expected a plain key in \(what)", at: keyNode)
                continue
            }
            guard allowed.contains(key) else {
                error(.unknownKey, "unknown key '\(key)' in \(what)\(suggestion(key, among: allowed))", at: keyNode)
                continue
            }
            fields.values[key] = value
            fields.keyNodes[key] = keyNode
        }
        for key in required where fields.values[key] == nil {
            error(.missingKey, "\(what) needs '\(key)'", at: node)
        }
        return fields
    }

    struct Fields {
        var node: Node
        var values: [String: Node] = [:]
        var keyNodes: [String: Node] = [:]

        subscript(key: String) -> Node? { values[key] }
    }

    // MARK: - Scalars

    mutating func string(_ node: Node?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node else {
            error(.wrongType, "expected \(what) as text, found \(describe(node))", at: node)
            return nil
        }
        return scalar.string
    }

    mutating func nonEmptyString(_ node: Node?, _ what: String) -> String? {
        guard let node, let text = string(node, what) else { return nil }
        if text.trimmingCharactersInWhitespace().isEmpty {
            error(.invalidValue, "\(what) is empty", at: node)
            return nil
        }
        return text
    }

    mutating func int(_ node: Node?, _ what: String) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.string) else {
            error(.wrongType, "expected \(what) as a whole number, found \(describe(node))", at: node)
            return nil
        }
        return value
    }

    mutating func bool(_ node: Node?, _ what: String) -> Bool? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain,
              let value = ["true": true, "false": false, "yes": true, "no": false][scalar.string] else {
            error(.wrongType, "expected \(what) as true or false, found \(describe(node))", at: node)
            return nil
        }
        return value
    }

    mutating func sequence(_ node: Node?, _ what: String) -> [Node]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            error(.wrongType, "expected \(what) as a list, found \(describe(node))", at: node)
            return nil
        }
        return Array(sequence)
    }

    /// A list of ids, e.g. `tags: [resultat, oenske]`.
    mutating func idList(_ node: Node?, _ what: String) -> [(id: String, node: Node)] {
        (sequence(node, what) ?? []).compactMap { item in
            guard let id = self.id(item, what) else { return nil }
            return (id, item)
        }
    }

    /// Where the text of a scalar starts: after the opening quote of a quoted scalar.
    func textLocation(_ node: Node) -> SourceLocation {
        let base = location(node)
        switch node.scalar?.style {
        case .singleQuoted?, .doubleQuoted?: return base.movedRight(by: 1)
        default: return base
        }
    }

    // MARK: - Ids

    /// Lower-case letters, digits and hyphens, starting with a letter: safe in conditions, paths and URLs.
    mutating func id(_ node: Node?, _ what: String) -> String? {
        guard let node, let text = string(node, what) else { return nil }
        guard Self.isValidID(text) else {
            error(.invalidID, "'\(text)' is not a valid id: use lower-case letters, digits and '-', starting with a letter", at: node)
            return nil
        }
        return text
    }

    static func isValidID(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isLowercase else { return false }
        return text.unicodeScalars.allSatisfy { $0.properties.isLowercase || ("0"..."9").contains($0) || $0 == "-" }
            && !text.hasSuffix("-")
    }

    private func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
