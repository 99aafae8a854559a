/// A date as people write it: `2027-03-01`, `1/3-2027`, `1.3.2027`, `1-3`, `1. marts 2027`,
/// `March 1, 2027`, `1 March`. Day before month, as Danes write it, unless the month is a word.
/// The one reader of dates: `has_date` in conditions, and the deadlines `status` and the calendar read.
public struct WrittenDate: Equatable, Sendable {
    public var day: Int
    public var month: Int
    /// Nil when the text gives none: the reader of a deadline or of a talk's date completes it.
    public var year: Int?

    /// The first date in `text` whose day can be in its month.
    public static func first(in text: String) -> WrittenDate? {
        let words = tokens(Folding.fold(text))
        for (index, word) in words.enumerated() {
            if let date = iso(word) ?? numeric(word) { return date }
            if let month = months[word] {
                // "1. marts 2027" / "1 march" (day before), "march 1, 2027" (day after).
                let before = index > 0 ? Int(words[index - 1]) : nil
                let after = index + 1 < words.count ? Int(words[index + 1]) : nil
                let yearIndex = before != nil ? index + 1 : index + 2
                let year = yearIndex < words.count ? Int(words[yearIndex]).flatMap { $0 >= 1000 ? $0 : nil } : nil
                if let day = before ?? after, let date = WrittenDate(day: day, month: month, year: year) { return date }
            }
        }
        return nil
    }

    /// Nil for a day no such month has (31 April, 30 February).
    init?(day: Int, month: Int, year: Int?) {
        let longest = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...longest[month - 1]).contains(day) else { return nil }
        if let year, !(1...9999).contains(year) { return nil }
        self.day = day
        self.month = month
        self.year = year
    }

    /// `2027-03-01`.
    private static func iso(_ word: String) -> WrittenDate? {
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else {
            return nil
        }
        return WrittenDate(day: day, month: month, year: year)
    }

    /// `1/3-2027`, `1-3-2027`, `01.03.2027`, `1/3`, `1.3` — day first.
    private static func numeric(_ word: String) -> WrittenDate? {
        let parts = word.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).compactMap { Int($0) }
        guard parts.count >= 2, parts.count <= 3, word.contains(where: { $0 == "/" || $0 == "-" || $0 == "." }) else { return nil }
        var year = parts.count == 3 ? parts[2] : nil
        if let short = year, short < 100 { year = 2000 + short }
        return WrittenDate(day: parts[0], month: parts[1], year: year)
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
        for names in [danish, english] {
            for (index, name) in names.enumerated() {
                months[name] = index + 1
                months[String(name.prefix(3))] = index + 1
            }
        }
        months["sept"] = 9
        return months
    }()
}
