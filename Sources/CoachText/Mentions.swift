/// Finds whether a text mentions a word or phrase, case-, accent- and inflection-aware.
public struct MentionMatcher: Sendable {
    /// Each phrase as its sequence of stems.
    private let phrases: [[String]]
    private let language: Language

    public init(phrases: [String], language: Language) {
        self.language = language
        self.phrases = phrases.map { phrase in Tokenizer.tokens(in: phrase).map { language.stem($0.text) } }
            .filter { !$0.isEmpty }
    }

    public func matches(_ text: String) -> Bool {
        let stems = Tokenizer.tokens(in: text).map { language.stem($0.text) }
        return phrases.contains { phrase in
            guard stems.count >= phrase.count else { return false }
            return (0...(stems.count - phrase.count)).contains { start in
                zip(phrase, stems[start...]).allSatisfy { stemsMatch($0, $1) }
            }
        }
    }
}
