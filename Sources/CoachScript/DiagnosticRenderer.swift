import Foundation

/// The one place diagnostics become text: `path:line:col: error[CODE]: message`, the source line, a caret.
public struct DiagnosticRenderer: Sendable {
    /// Source text by path, for quoting the offending line.
    public var sources: [String: String]

    public init(sources: [String: String] = [:]) {
        self.sources = sources
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        var text = "\(location): \(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]: \(diagnostic.message)"
        if let line = sourceLine(location) {
            let visible = line.replacingOccurrences(of: "\t", with: " ")
            let caretColumn = max(1, min(location.column, visible.unicodeScalars.count + 1))
            text += "\n" + visible + "\n" + String(repeating: " ", count: caretColumn - 1) + "^"
        }
        return text
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    /// One object per diagnostic, for editors: `[{"path":…,"line":…,"column":…,"severity":…,"code":…,"message":…}]`.
    public static func json(_ diagnostics: [Diagnostic]) -> String {
        struct Row: Encodable {
            var path: String, line: Int, column: Int, severity: String, code: String, message: String
        }
        let rows = diagnostics.map {
            Row(path: $0.location.path, line: $0.location.line, column: $0.location.column,
                severity: $0.severity.rawValue, code: $0.code.rawValue, message: $0.message)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(rows)) ?? Data("[]".utf8), as: UTF8.self)
    }

    private func sourceLine(_ location: SourceLocation) -> String? {
        guard let source = sources[location.path], location.line >= 1 else { return nil }
        var lineNumber = 1
        for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
            if lineNumber == location.line { return String(line.hasSuffix("\r") ? line.dropLast() : line) }
            lineNumber += 1
        }
        return nil
    }
}
