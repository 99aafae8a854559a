/// How concrete an answer is: the measures behind `vague`, `has_number`, `has_example`,
/// `has_time`, `has_benefit` and `words` in conditions.
public struct AnswerQuality: Equatable, Sendable {
    public var words: Int
    public var hasNumber: Bool
    public var hasExample: Bool
    public var hasTime: Bool
    public var hasBenefit: Bool

    /// The guide asks for concreteness: an answer with no number, example, time frame or benefit is vague.
    public var isVague: Bool { !(hasNumber || hasExample || hasTime || hasBenefit) }

    public init(words: Int, hasNumber: Bool, hasExample: Bool, hasTime: Bool, hasBenefit: Bool) {
        self.words = words
        self.hasNumber = hasNumber
        self.hasExample = hasExample
        self.hasTime = hasTime
        self.hasBenefit = hasBenefit
    }

    public init(of text: String) {
        var found: CueKinds = []
        var words = 0
        var pendingPhrases: [(second: String, kinds: CueKinds)]?
        Tokenizer.forEachToken(in: text) { token in
            words += 1
            if token.hasDigit { found.insert(.number) }
            if token.isCapitalizedMidSentence && token.text != "i" { found.insert(.example) }
            if let pending = pendingPhrases {
                for phrase in pending where phrase.second == token.text { found.formUnion(phrase.kinds) }
                pendingPhrases = nil
            }
            guard let kinds = AnswerCues.lexicon[token.text] else { return }
            found.formUnion(kinds.subtracting(.phraseStart))
            if kinds.contains(.phraseStart) { pendingPhrases = AnswerCues.phrases[token.text] }
        }
        self.init(words: words, hasNumber: found.contains(.number), hasExample: found.contains(.example),
                  hasTime: found.contains(.time), hasBenefit: found.contains(.benefit))
    }
}
