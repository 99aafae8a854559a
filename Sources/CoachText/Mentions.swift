/// Finds whether a text mentions a word or phrase, case-, accent- and inflection-aware.
public struct MentionMatcher: Sendable {
    /// Each phrase as its sequence of stems.
    private let phrases: [[String]]
    private let language: Language
    /// The bytes every word matching some stem begins with.
    private let prefixes: [[UInt8]]
    /// The most words in a phrase.
    private let longest: Int

    public init(phrases: [String], language: Language) {
        self.language = language
        let phrases = phrases.map { phrase in Tokenizer.tokens(in: phrase).map { language.stem($0.text) } }.filter { !$0.isEmpty }
        self.phrases = phrases
        longest = phrases.map(\.count).max() ?? 0
        prefixes = phrases.flatMap { $0 }.map { Array(String(String.UnicodeScalarView($0.unicodeScalars.prefix(4))).utf8) }
    }

    public func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { matches(utf8: $0) }
    }

    /// The same for text as valid UTF-8.
    public func matches(utf8 text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard longest > 0 else { return false }
        var found = false
        /// The stems of the last `longest` words, oldest first.
        var recent: [String] = []
        WordScanner.scan(utf8: text) { word in
            // A stem is a prefix of its word, so a word can only match a stem that shares its first
            // letters: words that do not are left unstemmed.
            let stem = prefixes.contains { word.bytes.starts(with: $0) } ? language.stem(word.text) : ""
            if longest == 1 {
                found = !stem.isEmpty && phrases.contains { stemsMatch($0[0], stem) }
            } else {
                if recent.count == longest { recent.removeFirst() }
                recent.append(stem)
                // A phrase can only end at a word that was stemmed.
                found = !stem.isEmpty && phrases.contains { phrase in
                    phrase.count <= recent.count && zip(phrase, recent.suffix(phrase.count)).allSatisfy { stemsMatch($0, $1) }
                }
            }
            return !found
        }
        return found
    }
}
