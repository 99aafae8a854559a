/// A word or number from an answer, folded for matching.
public struct Token: Equatable, Sendable {
    /// The folded text (lower case, accents folded, æøå kept).
    public var text: String
    /// Began with a capital letter somewhere other than the start of a sentence: likely a name.
    public var isCapitalizedMidSentence: Bool
    public var hasDigit: Bool

    public init(text: String, isCapitalizedMidSentence: Bool = false, hasDigit: Bool = false) {
        self.text = text
        self.isCapitalizedMidSentence = isCapitalizedMidSentence
        self.hasDigit = hasDigit
    }
}
