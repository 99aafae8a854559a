/// How concrete an answer is: the measures behind `vague`, `has_number`, `has_example`,
/// `has_time`, `has_benefit` and `words` in conditions.
public struct AnswerQuality: Equatable, Sendable {
    public var words: Int
    public var hasNumber: Bool
    public var hasExample: Bool
    public var hasTime: Bool
    public var hasBenefit: Bool

    /// The guide asks for concreteness (råd 5): an answer with no number that measures the work, no
    /// name or example and no time frame is vague. A benefit alone is not concrete: "det gavner alle".
    public var isVague: Bool { !(hasNumber || hasExample || hasTime) }

    public init(words: Int, hasNumber: Bool, hasExample: Bool, hasTime: Bool, hasBenefit: Bool) {
        self.words = words
        self.hasNumber = hasNumber
        self.hasExample = hasExample
        self.hasTime = hasTime
        self.hasBenefit = hasBenefit
    }

    /// Everything measured, unless `needs` says which measures will be read: then the scan stops
    /// as soon as they are settled, and the others may be incomplete.
    public init(of text: String, needs: QualityNeeds = .everything) {
        var text = text
        self = text.withUTF8 { AnswerQuality(utf8: $0, needs: needs) }
    }

    /// The same for text as valid UTF-8.
    public init(utf8 text: UnsafeBufferPointer<UInt8>, needs: QualityNeeds = .everything) {
        var found: CueKinds = []
        var words = 0
        let table = AnswerCues.table
        let wanted = needs.cues.kinds
        /// The cue word just read, whose phrases the next word may complete.
        var previous: Int?
        /// Where the words still to be counted begin, once the cues are settled before the word limit.
        var countFrom: Int?
        /// A number just read, which the next word may show to measure nothing.
        var pendingNumber: PendingNumber?
        /// The number after "ud af" is a scale's end.
        var skipsNextNumber = false
        /// The word before was a preposition of place.
        var afterPlace = false
        /// The word before was "noget" / "something".
        var afterSomething = false
        /// What this word is, is named loosely: after "noget med", "something like", and the fillers after them.
        var loose = false
        /// The word before was named loosely: a two-word role it starts ("team lead") is too.
        var previousWasLoose = false
        WordScanner.scan(utf8: text) { word in
            words += 1
            let bytes = word.bytes
            if let previous {
                for second in table.seconds[previous] where table.matches(second, bytes) {
                    found.formUnion(previousWasLoose ? table.kinds[second].subtracting(.example) : table.kinds[second])
                }
            }
            previous = table.lookup(hash: word.hash, bytes: bytes)
            let kinds = previous.map { table.kinds[$0] } ?? []
            if let pending = pendingNumber {
                let measures = switch pending {
                case .plain: !kinds.contains(.notAMeasureAfter)
                case .round: kinds.contains(.unit)
                // "8/10", "4/5" and "24/7" rate or exaggerate; "3/4" and a date ("12/5") measure.
                case .overSlash(let numerator): !PendingNumber.isRating(numerator, over: bytes)
                }
                if case .overSlash = pending, !measures { skipsNextNumber = true }
                if measures { found.insert(.number) }
                if kinds.contains(.outOf) { skipsNextNumber = true }
                pendingNumber = nil
            }
            // A written date ("2027-03-01", "1/3-2027", "1.3.2027") says when, as "i marts" does.
            if word.hasDigit && CalendarDate.starts(in: text, word: bytes.count, endingBefore: word.next) { found.insert(.time) }
            if word.hasDigit || kinds.contains(.number) {
                if skipsNextNumber {
                    skipsNextNumber = false
                } else if word.next >= 1 && text[word.next - 1] == UInt8(ascii: "/") {
                    pendingNumber = .overSlash(numerator: PendingNumber.value(bytes))
                } else {
                    pendingNumber = PendingNumber.isRound(bytes) ? .round : .plain
                }
            }
            // A capital inside a sentence marks a name: a project, a customer, a system. English "I"
            // and the generic abbreviations (HR, IT, MUS) are no name.
            if word.startsCapital && !word.startsSentence && !GenericCapitals.contains(bytes) {
                found.insert(.example)
            }
            let isLoose = loose
            previousWasLoose = isLoose
            loose = (afterSomething && kinds.contains(.loosely)) || (isLoose && kinds.contains(.filler))
            afterSomething = kinds.contains(.something)
            if afterPlace && !isLoose && !kinds.contains(.everyWorkplace) && Self.isLongDefiniteNoun(bytes) { found.insert(.example) }
            // English "I" folds to Danish »i«: a capital "I" is no place ("I determine …").
            afterPlace = kinds.contains(.place) && !(word.startsCapital && bytes.count == 1)
            found.formUnion(kinds.subtracting(isLoose ? CueKinds.context.union([.number, .example]) : CueKinds.context.union(.number)))
            let settled = wanted.isEmpty || (needs.anyCueSettles ? !found.isDisjoint(with: wanted) : found.isSuperset(of: wanted))
            guard settled else { return true }
            if words < needs.wordLimit { countFrom = word.next }
            return false
        }
        switch pendingNumber {
        case .plain?, .overSlash?: found.insert(.number)
        case .round?, nil: break
        }
        if let countFrom { words += WordScanner.countWords(utf8: text, from: countFrom, limit: needs.wordLimit - words) }
        self.init(words: words, hasNumber: found.contains(.number), hasExample: found.contains(.example),
                  hasTime: found.contains(.time), hasBenefit: found.contains(.benefit))
    }
}

extension AnswerQuality {
    /// A Danish noun of nine bytes or more, folded (»køkkenet« is eight letters and nine bytes), in its
    /// definite form (-en, -et, -ne: »vuggestuen«, »diabetesområdet«, »ugeplanerne«): after a
    /// preposition of place it names where or what.
    static func isLongDefiniteNoun(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 9, !bytes.contains(where: { $0 &- 0x30 < 10 }) else { return false }
        let last = bytes[bytes.count - 1], before = bytes[bytes.count - 2]
        return (before == UInt8(ascii: "e") && (last == UInt8(ascii: "n") || last == UInt8(ascii: "t")))
            || (before == UInt8(ascii: "n") && last == UInt8(ascii: "e"))
    }
}

/// Which measures of an answer a condition reads: `AnswerQuality(of:needs:)` stops scanning once
/// they are known. Most answers name a number or a project early on, and `vague` is then settled.
public struct QualityNeeds: Hashable, Sendable {
    public struct Cues: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let number = Cues(rawValue: 1 << 0)
        public static let example = Cues(rawValue: 1 << 1)
        public static let time = Cues(rawValue: 1 << 2)
        public static let benefit = Cues(rawValue: 1 << 3)
        public static let all: Cues = [.number, .example, .time, .benefit]

        var kinds: CueKinds { CueKinds(rawValue: UInt16(rawValue)) }
    }

    /// Counting words can stop here: no comparison read tells a larger count from this one.
    public var wordLimit: Int
    /// The cues read.
    public var cues: Cues
    /// Only `vague` reads the cues: the first one found settles it.
    public var anyCueSettles: Bool

    public init(wordLimit: Int, cues: Cues, anyCueSettles: Bool) {
        self.wordLimit = wordLimit
        self.cues = cues
        self.anyCueSettles = anyCueSettles
    }

    /// What two conditions read together.
    public func union(_ other: QualityNeeds) -> QualityNeeds {
        QualityNeeds(wordLimit: max(wordLimit, other.wordLimit), cues: cues.union(other.cues),
                     anyCueSettles: (cues.isEmpty || anyCueSettles) && (other.cues.isEmpty || other.anyCueSettles))
    }

    public static let everything = QualityNeeds(wordLimit: .max, cues: .all, anyCueSettles: false)
}

/// A number whose meaning the next word settles.
private enum PendingNumber: Equatable {
    /// Measures the work unless the next word says otherwise ("9 år", "7 ud af 10").
    case plain
    /// 100, 1000 …: a figure of speech ("1000 ting") unless a unit follows ("1000 kr.").
    case round
    /// Right before a "/": a rating ("8/10", "4/5"), "24/7", or a fraction or a date ("3/4", "12/5") that measures.
    case overSlash(numerator: Int?)

    static func isRating(_ numerator: Int?, over denominator: UnsafeRawBufferPointer) -> Bool {
        guard let numerator, let denominator = value(denominator) else { return false }
        return isRating(numerator, over: denominator)
    }

    /// A score out of 5 or 10 ("4/5", "8/10" — read so even where it could be a date), or "24/7".
    static func isRating(_ numerator: Int, over denominator: Int) -> Bool {
        ((denominator == 10 || denominator == 5) && numerator <= denominator) || (numerator == 24 && denominator == 7)
    }

    /// The value of a word of up to four digits.
    static func value(_ bytes: UnsafeRawBufferPointer) -> Int? {
        guard (1...4).contains(bytes.count), bytes.allSatisfy({ $0 &- 0x30 < 10 }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    static func isRound(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count >= 3, bytes.first == UInt8(ascii: "1") else { return false }
        return bytes.dropFirst().allSatisfy { $0 == UInt8(ascii: "0") }
    }
}

/// A written date, as `status` reads deadlines: `2027-03-01`, `1/3-2027`, `01.03.2027`, `1-3-27`, `1/3`.
/// A score out of 5 or 10 ("4/5") is a rating, not the fourth of May.
enum CalendarDate {
    /// Whether the digits of a word (`length` bytes, the scan's next word starting at `next`) begin a date in `text`.
    static func starts(in text: UnsafeBufferPointer<UInt8>, word length: Int, endingBefore next: Int) -> Bool {
        let end = next > 0 && next <= text.count && !WordScanner.isASCIIWordByte(text[next - 1]) ? next - 1 : next
        let start = end - length
        guard start >= 0, start == 0 || !isDatePart(text[start - 1]) else { return false }
        var stop = start
        while stop < text.count && isDatePart(text[stop]) { stop += 1 }
        while stop > start && !(text[stop - 1] &- 0x30 < 10) { stop -= 1 }
        return matches(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: text[start..<stop])))
            && !(isFraction(text[start..<stop]) && isFollowedByOf(text, at: stop))
    }

    /// "3/4 af teamet", "3/4 of the team": a share, not the third of April.
    private static func isFraction(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        bytes.lazy.filter { !($0 &- 0x30 < 10) }.count == 1
    }

    private static func isFollowedByOf(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 3 <= text.count, text[index] == 0x20 else { return false }
        let word = (text[index + 1] | 0x20, text[index + 2] | 0x20)
        let ends = index + 3 == text.count || !WordScanner.isASCIIWordByte(text[index + 3])
        return ends && (word == (UInt8(ascii: "a"), UInt8(ascii: "f")) || word == (UInt8(ascii: "o"), UInt8(ascii: "f")))
    }

    private static func isDatePart(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".")
    }

    /// Two or three groups of digits: read on every number an answer holds, so without allocating.
    static func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var groups = (0, 0, 0), lengths = (0, 0, 0)
        var count = 0, value = 0, length = 0, hasSlash = false
        func close() {
            switch count {
            case 0: (groups.0, lengths.0) = (value, length)
            case 1: (groups.1, lengths.1) = (value, length)
            default: (groups.2, lengths.2) = (value, length)
            }
            count += 1
        }
        for byte in bytes {
            if byte &- 0x30 < 10 {
                value = value * 10 + Int(byte - 0x30)
                length += 1
                guard length <= 4 else { return false }
            } else if isDatePart(byte), length > 0, count < 2 {
                hasSlash = hasSlash || byte == UInt8(ascii: "/")
                close()
                value = 0
                length = 0
            } else {
                return false
            }
        }
        guard length > 0, count > 0 else { return false }
        close()
        func isDayAndMonth(_ day: Int, _ month: Int) -> Bool { (1...31).contains(day) && (1...12).contains(month) }
        // "1/3", as a deadline is written; not a score ("4/5", "24/7") nor a decimal ("1.5").
        if count == 2 {
            return hasSlash && lengths.0 <= 2 && lengths.1 <= 2 && !PendingNumber.isRating(groups.0, over: groups.1)
                && isDayAndMonth(groups.0, groups.1)
        }
        if lengths.0 == 4 { return lengths.1 <= 2 && lengths.2 <= 2 && isDayAndMonth(groups.2, groups.1) }
        return lengths.0 <= 2 && lengths.1 <= 2 && (lengths.2 == 2 || lengths.2 == 4) && isDayAndMonth(groups.0, groups.1)
    }
}

/// Capitalised words that name nothing in particular.
private enum GenericCapitals {
    static func contains(_ bytes: UnsafeRawBufferPointer) -> Bool {
        switch bytes.count {
        case 1: bytes[0] == UInt8(ascii: "i")
        case 2: matches(bytes, "hr") || matches(bytes, "it") || matches(bytes, "ok")
        case 3: matches(bytes, "mus") || matches(bytes, "ceo")
        default: false
        }
    }

    private static func matches(_ bytes: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
        word.withUTF8Buffer { $0.elementsEqual(bytes) }
    }
}
