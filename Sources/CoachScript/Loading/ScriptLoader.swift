import CoachText
import Yams

/// What loading a script gives: the script when it has no errors, and every diagnostic found.
public struct LoadResult: Sendable {
    public var script: Script?
    public var diagnostics: [Diagnostic]

    public init(script: Script?, diagnostics: [Diagnostic]) {
        self.script = script
        self.diagnostics = diagnostics
    }
}

/// Turns script text into a checked `Script`. Pure: the caller reads the file.
public enum ScriptLoader {
    public static func load(text: String, path: String) -> LoadResult {
        var reader = NodeReader(path: path)
        let root: Node
        do {
            // The basic resolver skips libyaml-side regex typing of every scalar: the builder reads
            // numbers and booleans from the text itself, with positions for its errors.
            guard let composed = try Yams.compose(yaml: text, .basic) else {
                reader.report(.error(.noSections, "the script is empty", at: SourceLocation(path: path, line: 1, column: 1)))
                return LoadResult(script: nil, diagnostics: reader.diagnostics)
            }
            root = composed
        } catch {
            reader.report(yamlDiagnostic(error, path: path))
            return LoadResult(script: nil, diagnostics: reader.diagnostics)
        }
        var builder = ScriptBuilder(reader: reader)
        let draft = builder.script(root, contentHash: ContentHash.of(text))
        var binder = ConditionBinder(reader: builder.reader)
        let script = draft.map { binder.bind($0) }
        let diagnostics = binder.reader.diagnostics.sortedByLocation()
        return LoadResult(script: diagnostics.hasErrors ? nil : script, diagnostics: diagnostics)
    }

    private static func yamlDiagnostic(_ error: any Error, path: String) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(path: path, line: mark.line, column: mark.column) }
        switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text) at \($0.mark.line):\($0.mark.column))" } ?? ""
            return .error(.yamlSyntax, "YAML syntax: \(problem)\(detail)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(.duplicateID, "the key \(duplicates.map { "'\($0)'" }.joined(separator: ", ")) appears twice in one mapping",
                          at: at(context.mark))
        case .reader(let problem, _, _, _):
            return .error(.yamlSyntax, "cannot read the text: \(problem)", at: SourceLocation(path: path, line: 1, column: 1))
        default:
            return .error(.yamlSyntax, "YAML: \(error)", at: SourceLocation(path: path, line: 1, column: 1))
        }
    }
}

/// A stable fingerprint of a script's text (FNV-1a, 64 bit): enough to notice an edit, not a security measure.
public enum ContentHash {
    public static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "fnv1a64:" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}
