import Foundation

/// Parts of an answer (the answer and what it added when asked again) set down as sentences: each
/// starts with a capital and ends with one mark, so that they read as written, not glued together
/// ("Kurset. Øve med sygeplejersken." rather than "kurset og så øve med sygeplejersken").
public enum Prose {
    public static func sentences(_ parts: [String]) -> String {
        parts.map { $0.trimmingWhitespace }.filter { !$0.isEmpty }.map { part -> String in
            let first = part.prefix(1).uppercased() + part.dropFirst()
            guard let last = first.last, !".!?…".contains(last) else { return first }
            return first.trimming(",;:") + "."
        }.joined(separator: " ")
    }

    /// A text of parts, one a line (an answer's `fullText`), set down as sentences; a text of one
    /// part stays as it was written.
    public static func sentences(of text: String) -> String {
        let parts = text.split(separator: "\n").map(String.init)
        return parts.count > 1 ? sentences(parts) : text
    }
}
