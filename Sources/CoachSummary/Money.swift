import CoachText

/// Sums of money in an answer, as written ("4.800 kr.", "£1,950", "2.500 euro"): what a wish costs
/// and what a budget allows, to compare the two.
struct Money: Equatable {
    var amount: Int
    /// As the person wrote it.
    var written: String
    /// The currency as written: kr, £, €, $ …
    var unit: String

    enum Currency { case krone, euro, pound, dollar }

    /// The currency whichever way it is written ("€", "euro", "EUR" are one), to compare sums in.
    var currency: Currency {
        switch unit.lowercased().trimming(".") {
        case "€", "euro", "euros", "eur": .euro
        case "£": .pound
        case "$", "dollars": .dollar
        default: .krone
        }
    }

    /// The sums in `text`, in the order written: a number followed by a currency word ("4.800 kr",
    /// "4800 kroner", "2.500 euro", "1.240,50 kr") or preceded by a sign ("£1,950", "€ 2.500", "$300").
    /// Read by hand: a regex is not `Sendable`, so it would be compiled on every call, which was most
    /// of the time a brief took to find its budgets (docs/performance.md).
    static func amounts(in text: String) -> [Money] {
        let characters = Array(text)
        var found: [Money] = []
        var index = 0
        func written(_ range: Range<Int>) -> String { String(characters[range]) }
        while index < characters.count {
            let character = characters[index]
            if Self.signs.contains(character) {
                var start = index + 1
                while start < characters.count, characters[start].isWhitespace { start += 1 }
                if let number = Self.number(in: characters, at: start) {
                    found.append(Money(amount: number.amount, written: written(index..<number.end), unit: String(character)))
                    index = number.end
                    continue
                }
            } else if character.isASCII, character.isNumber, index == 0 || !characters[index - 1].isNumber,
                      let number = Self.number(in: characters, at: index) {
                var unitStart = number.end
                while unitStart < characters.count, characters[unitStart].isWhitespace { unitStart += 1 }
                if let unitEnd = Self.unitEnd(in: characters, at: unitStart) {
                    found.append(Money(amount: number.amount, written: written(index..<unitEnd), unit: written(unitStart..<unitEnd)))
                    index = unitEnd
                    continue
                }
                index = number.end
                continue
            }
            index += 1
        }
        return found
    }

    private static let signs: Set<Character> = ["£", "€", "$"]

    /// Currency words after a number, each before any word it begins ("kroner" before "kr"); those marked whole end at a word's end
    /// ("kr" not in "krone…" read as another word, "eur" not in "europe").
    private static let units: [(word: [Character], whole: Bool)] = [
        ("kroner", false), ("kr", true), ("dkk", false), ("euros", false), ("euro", true), ("eur", true), ("€", false), ("dollars", false),
    ].map { (Array($0.0), $0.1) }

    /// A whole amount at `start`: digits with their thousands marked by "." or "," or unmarked, and
    /// øre or pence after it read past and left out.
    private static func number(in characters: [Character], at start: Int) -> (amount: Int, end: Int)? {
        func digits(from index: Int) -> Int {
            var end = index
            while end < characters.count, characters[end].isASCII, characters[end].isNumber { end += 1 }
            return end - index
        }
        let lead = digits(from: start)
        guard lead > 0 else { return nil }
        var end = start + lead
        var whole = String(characters[start..<end])
        func isMark(_ index: Int) -> Bool { index < characters.count && (characters[index] == "." || characters[index] == ",") }
        if lead <= 3 {
            while isMark(end), digits(from: end + 1) == 3 {
                whole += String(characters[end + 1..<end + 4])
                end += 4
            }
        }
        if isMark(end), (1...2).contains(digits(from: end + 1)) { end += 1 + digits(from: end + 1) }
        return Int(whole).map { ($0, end) }
    }

    /// Where the currency word at `start` ends, with a »kr.« taken whole.
    private static func unitEnd(in characters: [Character], at start: Int) -> Int? {
        for unit in units {
            let end = start + unit.word.count
            guard end <= characters.count,
                  zip(characters[start..<end], unit.word).allSatisfy({ $0.lowercased() == String($1) }) else { continue }
            if unit.whole, end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "_" { continue }
            return unit.word == ["k", "r"] && end < characters.count && characters[end] == "." ? end + 1 : end
        }
        return nil
    }

    /// The amount written as the person writes money: thousands marked as in their language.
    static func written(_ amount: Int, unit: String, danish: Bool) -> String {
        let digits = String(amount)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += danish ? "." : "," }
            grouped.append(digit)
        }
        return ["£", "€", "$"].contains(unit) ? unit + grouped : grouped + " " + unit
    }
}
