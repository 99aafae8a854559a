import CoachText

/// Finds the date in what a person wrote: `2027-03-01`, `1/3-2027`, `1.3.2027`, `1. marts 2027`,
/// `March 1, 2027`, `1 March`. Day before month, as Danes write it, unless the month is a word.
/// A date without a year is the next such day from `reference` on (a deadline), or with
/// `pointingBack` the last one up to it (when a talk was held).
public enum DateText {
    public static func parse(_ text: String, after reference: LocalDate) -> LocalDate? {
        parse(text, reference: reference, pointingBack: false)
    }

    public static func parse(_ text: String, before reference: LocalDate) -> LocalDate? {
        parse(text, reference: reference, pointingBack: true)
    }

    private static func parse(_ text: String, reference: LocalDate, pointingBack: Bool) -> LocalDate? {
        let words = tokens(Folding.fold(text))
        for (index, word) in words.enumerated() {
            if let date = LocalDate(iso: word) { return date }
            if let date = numeric(word, reference: reference, pointingBack: pointingBack) { return date }
            if let month = months[word] {
                // "1. marts 2027" / "1 march" (day before), "march 1, 2027" (day after).
                let before = index > 0 ? Int(words[index - 1]) : nil
                let after = index + 1 < words.count ? Int(words[index + 1]) : nil
                let day = before ?? after
                let yearIndex = before != nil ? index + 1 : index + 2
                let year = yearIndex < words.count ? Int(words[yearIndex]).flatMap { $0 >= 1000 ? $0 : nil } : nil
                if let day, let date = complete(day: day, month: month, year: year, reference: reference, pointingBack: pointingBack) {
                    return date
                }
            }
        }
        return nil
    }

    /// `1/3-2027`, `1-3-2027`, `01.03.2027`, `1/3` — day first.
    private static func numeric(_ word: String, reference: LocalDate, pointingBack: Bool) -> LocalDate? {
        let parts = word.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).compactMap { Int($0) }
        guard parts.count >= 2, parts.count <= 3, word.contains(where: { $0 == "/" || $0 == "-" || $0 == "." }) else { return nil }
        var year = parts.count == 3 ? parts[2] : nil
        if let short = year, short < 100 { year = 2000 + short }
        return complete(day: parts[0], month: parts[1], year: year, reference: reference, pointingBack: pointingBack)
    }

    /// Without a year: the next such day from `reference` on, or the last one up to it.
    private static func complete(day: Int, month: Int, year: Int?, reference: LocalDate, pointingBack: Bool) -> LocalDate? {
        if let year { return LocalDate(year: year, month: month, day: day) }
        guard let thisYear = LocalDate(year: reference.year, month: month, day: day) else { return nil }
        if pointingBack { return thisYear <= reference ? thisYear : LocalDate(year: reference.year - 1, month: month, day: day) }
        return thisYear >= reference ? thisYear : LocalDate(year: reference.year + 1, month: month, day: day)
    }

    /// Words and date-like runs ("1.", "2027-03-01", "1/3-2027"), lower-cased and folded.
    private static func tokens(_ text: String) -> [String] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber || "/-.".contains(character) {
                current.append(character)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        // "1." is a day, "marts." a month at the end of a sentence.
        return tokens.map { token in
            var token = token
            while token.hasSuffix(".") || token.hasSuffix("-") { token.removeLast() }
            return token
        }.filter { !$0.isEmpty }
    }

    private static let months: [String: Int] = {
        let danish = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"]
        let english = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        var months: [String: Int] = [:]
        for (index, name) in danish.enumerated() {
            months[name] = index + 1
            months[String(name.prefix(3))] = index + 1
        }
        for (index, name) in english.enumerated() {
            months[name] = index + 1
            months[String(name.prefix(3))] = index + 1
        }
        months["sept"] = 9
        return months
    }()
}
