/// Finds whether a text mentions a word or phrase, case-, accent- and inflection-aware.
public struct MentionMatcher: Sendable {
    /// Each phrase as its sequence of stems.
    private let phrases: [[String]]
    private let language: Language
    /// The bytes every word matching some stem begins with.
    private let prefixes: [[UInt8]]

    public init(phrases: [String], language: Language) {
        self.language = language
        let phrases = phrases.map { phrase in Tokenizer.tokens(in: phrase).map { language.stem($0.text) } }.filter { !$0.isEmpty }
        self.phrases = phrases
        prefixes = phrases.flatMap { $0 }.map { Array(String(String.UnicodeScalarView($0.unicodeScalars.prefix(4))).utf8) }
    }

    public func matches(_ text: String) -> Bool {
        // A stem is a prefix of its word, so a word can only match a stem that shares its first
        // letters: words that do not are left unstemmed.
        var stems: [String] = []
        WordScanner.scan(text) { word in
            stems.append(prefixes.contains { word.bytes.starts(with: $0) } ? language.stem(word.text) : "")
        }
        return phrases.contains { phrase in
            guard stems.count >= phrase.count else { return false }
            return (0...(stems.count - phrase.count)).contains { start in
                zip(phrase, stems[start...]).allSatisfy { stemsMatch($0, $1) }
            }
        }
    }
}
