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

    /// The first word, folded (cut at `WordScanner.maxWordBytes`): enough to read "ja, det har jeg" as yes.
    public static func firstWord(in text: String) -> String {
        var first = ""
        WordScanner.scan(text) { word in
            first = word.text
            return false
        }
        return first
    }
}
