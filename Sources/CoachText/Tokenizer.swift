/// Splits text into word tokens: runs of letters and digits, folded for matching.
public enum Tokenizer {
    public static func tokens(in text: String) -> [Token] {
        var tokens: [Token] = []
        WordScanner.scan(text) { word in
            tokens.append(Token(text: word.text, isCapitalizedMidSentence: word.startsCapital && !word.startsSentence,
                                hasDigit: word.hasDigit))
            return true
        }
        return tokens
    }

    /// Each word, folded (cut at `WordScanner.maxWordBytes`), for as long as `body` returns true:
    /// reading "ja, det har jeg" as yes takes two words.
    public static func words(in text: String, while body: (String) -> Bool) {
        WordScanner.scan(text) { body($0.text) }
    }
}
