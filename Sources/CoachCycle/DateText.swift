import CoachText

/// The day a person's written date means (`WrittenDate` reads it). A date without a year is the
/// next such day from `reference` on (a deadline), or with `pointingBack` the last one up to it
/// (when a talk was held).
public enum DateText {
    public static func parse(_ text: String, after reference: LocalDate) -> LocalDate? {
        parse(text, reference: reference, pointingBack: false)
    }

    public static func parse(_ text: String, before reference: LocalDate) -> LocalDate? {
        parse(text, reference: reference, pointingBack: true)
    }

    private static func parse(_ text: String, reference: LocalDate, pointingBack: Bool) -> LocalDate? {
        guard let written = WrittenDate.first(in: text) else { return nil }
        if let year = written.year { return LocalDate(year: year, month: written.month, day: written.day) }
        guard let thisYear = LocalDate(year: reference.year, month: written.month, day: written.day) else { return nil }
        if pointingBack { return thisYear <= reference ? thisYear : LocalDate(year: reference.year - 1, month: written.month, day: written.day) }
        return thisYear >= reference ? thisYear : LocalDate(year: reference.year + 1, month: written.month, day: written.day)
    }
}
