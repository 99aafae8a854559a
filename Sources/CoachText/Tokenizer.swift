/// Splits text into word tokens: runs of letters and digits, apostrophes and inner hyphens dropped.
public enum Tokenizer {
    /// Calls `body` for each token without building an array, for the engine's hot path.
    public static func forEachToken(in text: String, _ body: (Token) -> Void) {
        var current = String.UnicodeScalarView()
        var startsCapital = false
        var hasDigit = false
        var atSentenceStart = true
        var tokenStartsSentence = true

        func flush() {
            guard !current.isEmpty else { return }
            body(Token(text: String(current),
                       isCapitalizedMidSentence: startsCapital && !tokenStartsSentence,
                       hasDigit: hasDigit))
            current = String.UnicodeScalarView()
            hasDigit = false
            atSentenceStart = false
        }

        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if current.isEmpty {
                    startsCapital = properties.isUppercase
                    tokenStartsSentence = atSentenceStart
                }
                if properties.numericType != nil { hasDigit = true }
                current.append(Folding.fold(scalar))
            } else {
                flush()
                if scalar == "." || scalar == "!" || scalar == "?" || scalar == ":" || scalar == "\n" {
                    atSentenceStart = true
                }
            }
        }
        flush()
    }

    public static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        forEachToken(in: text) { tokens.append($0) }
        return tokens
    }
}
