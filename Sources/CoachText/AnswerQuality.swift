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
        let table = AnswerCues.table
        /// The cue word just read, whose phrases the next word may complete.
        var previous: Int?
        WordScanner.scan(text) { word in
            words += 1
            if word.hasDigit { found.insert(.number) }
            // A capital inside a sentence marks a name: a project, a customer, a system. English "I" is no name.
            if word.startsCapital && !word.startsSentence && !(word.bytes.count == 1 && word.bytes.first == UInt8(ascii: "i")) {
                found.insert(.example)
            }
            let bytes = word.bytes
            if let previous {
                for second in table.seconds[previous] where table.matches(second, bytes) {
                    found.formUnion(table.kinds[second])
                }
            }
            previous = table.lookup(hash: word.hash, bytes: bytes)
            if let previous { found.formUnion(table.kinds[previous]) }
        }
        self.init(words: words, hasNumber: found.contains(.number), hasExample: found.contains(.example),
                  hasTime: found.contains(.time), hasBenefit: found.contains(.benefit))
    }
}
