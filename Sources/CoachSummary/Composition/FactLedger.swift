import CoachText

/// The facts an agenda has said, so that each is said once.
struct FactLedger {
    private var said: [[String]] = []
    /// The content stems and every number said, when the ledger reads topics: a clause whose numbers
    /// are all said, and nearly all its content, tells the same fact in other words ("Jeg har været
    /// kontaktperson for 6 borgere i år" after "jeg er kontaktperson for 6 borgere"). Without its
    /// numbers, words a workplace uses all the time ("rute", "besøg") would make new facts look old.
    private var stems: Set<String> = []
    private var allNumbers: Set<String> = []
    private let topic: ((String) -> Topic)?

    init(topic: ((String) -> Topic)? = nil) {
        self.topic = topic
    }

    /// A clause with at least this many content stems, this share of them said, is said.
    private static let restatedStems = 2
    private static let restatedShare = 0.8
    /// The long numbers said ("41,000", "1.950"): a clause whose every long number was said already
    /// tells the same fact again in other words.
    private var numbers: Set<String> = []

    /// Whether the clause says something not yet said: its words are not a run of what was said,
    /// nor what was said a run of its words, nor are its long numbers all said already.
    func isFresh(_ clause: String) -> Bool {
        let key = Self.key(clause)
        let long = Self.longNumbers(clause)
        if !long.isEmpty, long.isSubset(of: numbers) { return false }
        let numbersInIt = Self.numbers(clause)
        if !numbersInIt.isEmpty, numbersInIt.isSubset(of: allNumbers),
           let content = topic.map({ Set($0(clause).stems.keys) }), content.count >= Self.restatedStems,
           Double(content.intersection(stems).count) >= Self.restatedShare * Double(content.count) { return false }
        return !key.isEmpty && !said.contains { Self.holds($0, key) || Self.holds(key, $0) }
    }

    func fresh(_ clauses: [String]) -> [String] {
        var seen = self
        return clauses.filter { clause in
            guard seen.isFresh(clause) else { return false }
            seen.record([clause])
            return true
        }
    }

    mutating func record(_ clauses: some Sequence<String>) {
        // A clause of marks alone ("👍 👍") has no words: as a run it would be in every clause.
        for clause in clauses where !Self.key(clause).isEmpty {
            said.append(Self.key(clause))
            numbers.formUnion(Self.longNumbers(clause))
            allNumbers.formUnion(Self.numbers(clause))
            if let topic { stems.formUnion(topic(clause).stems.keys) }
        }
    }

    /// Numbers of four digits or more, without their separators ("£26,500" and "26.500 kr" are
    /// one): smaller numbers recur in different facts ("2 elever", "340 rør" and "340 lysstofrør
    /// til LED"), long ones seldom do — years and times of day do, so they are none ("i 2026",
    /// "kl. 10.30").
    private static func longNumbers(_ clause: String) -> Set<String> {
        Set(clause.split(whereSeparator: \.isWhitespace).compactMap { word in
            var groups = Array(word.split { !$0.isNumber })
            guard word.contains(where: \.isNumber), !groups.isEmpty else { return nil }
            // Øre, pence and minutes come in a last group of two.
            if groups.count >= 2, groups.last?.count == 2 { groups.removeLast() }
            let digits = groups.joined()
            if groups.count == 1, digits.count == 4, let year = Int(digits), (1900...2099).contains(year) { return nil }
            return digits.count >= 4 ? String(digits) : nil
        })
    }

    /// Every number a clause holds, as its digits ("41,000" is one number, not 41 and 000).
    private static func numbers(_ clause: String) -> Set<String> {
        Set(clause.split(whereSeparator: \.isWhitespace).map { String($0.filter(\.isNumber)) }.filter { !$0.isEmpty })
    }

    /// The clause's words, folded, without their marks.
    private static func key(_ clause: String) -> [String] {
        Folding.fold(clause).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    /// Whether `words` holds `run` as consecutive words.
    private static func holds(_ words: [String], _ run: [String]) -> Bool {
        guard !run.isEmpty, run.count <= words.count else { return false }
        return (0...(words.count - run.count)).contains { start in words[start..<(start + run.count)].elementsEqual(run) }
    }
}
