@testable import CoachCycle
import Testing

private let reference = LocalDate(year: 2026, month: 11, day: 29)!

@Test(arguments: [
    ("2027-03-01", "2027-03-01"),
    ("senest 1/3-2027", "2027-03-01"),
    ("1.3.2027", "2027-03-01"),
    ("01-03-27", "2027-03-01"),
    ("1. marts 2027", "2027-03-01"),
    ("inden 15. januar", "2027-01-15"),
    ("30 november", "2026-11-30"),
    ("March 1, 2027", "2027-03-01"),
    ("by 1 Mar 2027.", "2027-03-01"),
    ("1/12", "2026-12-01"),
    ("1-3", "2027-03-01"),
    ("1.3", "2027-03-01"),
    ("4/5", "2027-05-04"),
])
func deadlinesAreReadFromWhatPeopleWrite(text: String, date: String) {
    #expect(DateText.parse(text, after: reference)?.description == date)
}

@Test(arguments: ["snart", "i løbet af foråret", "31/4-2027", "2027-13-01", "", "uge 7"])
func noDateIsMadeUp(text: String) {
    #expect(DateText.parse(text, after: reference) == nil)
}

@Test func daysAreCountedAcrossMonthsYearsAndLeapDays() {
    let start = LocalDate(year: 2027, month: 12, day: 30)!
    #expect(start.adding(days: 3).description == "2028-01-02")
    #expect(LocalDate(year: 2028, month: 2, day: 28)!.days(until: LocalDate(year: 2028, month: 3, day: 1)!) == 2)
    #expect(LocalDate(year: 2027, month: 2, day: 29) == nil)
    #expect(LocalDate(daysSince1970: 0).description == "1970-01-01")
    #expect(LocalDate(daysSince1970: 20_786).description == "2026-11-29")
}

@Test func aDayWithoutAYearPointsBackForWhenATalkWasHeld() {
    #expect(DateText.parse("28. november", before: reference)?.description == "2026-11-28")
    #expect(DateText.parse("29/11", before: reference)?.description == "2026-11-29")
    #expect(DateText.parse("2. december", before: reference)?.description == "2025-12-02")
    #expect(DateText.parse("2. december 2026", before: reference)?.description == "2026-12-02")
}
