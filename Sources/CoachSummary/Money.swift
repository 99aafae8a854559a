import Foundation

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
        switch unit.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ".")) {
        case "€", "euro", "euros", "eur": .euro
        case "£": .pound
        case "$", "dollars": .dollar
        default: .krone
        }
    }

    static func amounts(in text: String) -> [Money] {
        var found: [Money] = []
        for match in text.matches(of: after) {
            guard let amount = value(String(match.output.1)) else { continue }
            found.append(Money(amount: amount, written: String(match.output.0), unit: String(match.output.2)))
        }
        for match in text.matches(of: before) {
            guard let amount = value(String(match.output.2)) else { continue }
            found.append(Money(amount: amount, written: String(match.output.0), unit: String(match.output.1)))
        }
        return found
    }

    /// "4.800 kr", "4800 kroner", "2.500 euro", "1.240,50 kr". Made where used: a regex is not `Sendable`.
    private static var after: Regex<(Substring, Substring, Substring)> {
        #/(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]\d{1,2}(?!\d))?\s*(kr\b\.?|kroner|dkk|euro\b|euros|eur\b|€|dollars)/#.ignoresCase()
    }

    /// "£1,950", "€ 2.500", "$300", "£1,950.50".
    private static var before: Regex<(Substring, Substring, Substring)> {
        #/(£|€|\$)\s*(\d{1,3}(?:[.,]\d{3})+|\d+)(?:[.,]\d{1,2}(?!\d))?/#
    }

    /// A whole amount with its thousands marked by "." or ",", or none (øre and pence left out).
    private static func value(_ digits: String) -> Int? {
        Int(digits.filter(\.isNumber))
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
