import CoachEngine
import CoachLibrary
@testable import CoachCycle
import CoachScript
import CoachStore
import Foundation
import Testing

private let dialogues = DialogueLibrary(folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("dialogues"))

private func program(_ name: String) -> ScriptProgram {
    ScriptProgram(DialogueLibrary.loadScript(at: dialogues.scriptURL(name, language: "da")).result.script!)
}

private let created = LocalDate(year: 2026, month: 11, day: 27)!

/// A session on `script` answered with `lines` (`/spring` skips).
private func session(_ name: String, _ script: ScriptProgram, _ lines: [String]) -> SessionFile {
    let at = Timestamp(millisecondsSince1970: 1_795_780_000_000)
    var events: [Event] = [.started(at: at)]
    events += lines.map { $0 == "/spring" ? Event.skipped(at: at) : .answered($0, at: at) }
    return SessionFile(name: name, created: at, transcript: Transcript(script: script.script, events: events))
}

private let followUpAnswers = [
    "27. november 2026",
    "Kursus i projektledelse", "Mentorordning", "",
    "Min leder", "senest 1. marts 2027",
    "Begge", "snart", "",
    "Ros for leverancen i marts", "",
    "15/2-2027",
]

@Test func theFollowUpDialogueGivesTheAgreementsWithWhoAndWhen() {
    let followUp = FollowUp(session("opf", program("opfoelgning"), followUpAnswers), program: program("opfoelgning"), created: created)
    #expect(followUp.held.description == "2026-11-27")
    #expect(followUp.agreements == [
        Agreement(what: "Kursus i projektledelse", who: "Min leder", due: LocalDate(year: 2027, month: 3, day: 1), dueText: nil),
        Agreement(what: "Mentorordning", who: "Begge", due: nil, dueText: "snart"),
    ])
    #expect(followUp.nextCheckIn?.description == "2027-02-15")
}

@Test func aPreparationSaysWhichAgreementsWereFollowedUp() {
    let mus = program("mus")
    // Up to the agreements: the date, yes to an earlier MUS, no form, then the list and its follow-ups.
    var conversation = Conversation(program: mus)
    _ = conversation.start(at: Timestamp(millisecondsSince1970: 0))
    func reach(_ id: String) {
        while let step = conversation.currentStep, step.question != id { _ = conversation.skip(at: Timestamp(millisecondsSince1970: 0)) }
    }
    reach("haft-mus-foer")
    _ = conversation.answer("ja", at: Timestamp(millisecondsSince1970: 0))
    reach("aftaler")
    for line in ["Kursus i projektledelse", "Mentorordning", "", "ja", "nej", "Der er ikke fundet en mentor"] {
        _ = conversation.answer(line, at: Timestamp(millisecondsSince1970: 0))
    }
    #expect(Agreement(what: "kursus i projektledelse", who: nil, due: nil, dueText: nil).isFollowedUp(in: conversation))
    #expect(!Agreement(what: "Mentorordning", who: nil, due: nil, dueText: nil).isFollowedUp(in: conversation))
    #expect(!Agreement(what: "Noget tredje", who: nil, due: nil, dueText: nil).isFollowedUp(in: conversation))
}

@Test func theCalendarHasAnAllDayEventPerDeadlineAndTheCheckIn() {
    let followUp = FollowUp(session("opf", program("opfoelgning"), followUpAnswers), program: program("opfoelgning"), created: created)
    let calendar = AgreementCalendar(followUp: followUp, strings: CycleStrings(.danish)).render(stamp: Timestamp(millisecondsSince1970: 1_795_922_400_000))
    let lines = calendar.components(separatedBy: "\r\n")
    #expect(lines.first == "BEGIN:VCALENDAR")
    #expect(lines.filter { $0 == "BEGIN:VEVENT" }.count == 2)
    #expect(lines.contains("DTSTART;VALUE=DATE:20270301"))
    #expect(lines.contains("DTEND;VALUE=DATE:20270302"))
    #expect(lines.contains("SUMMARY:MUS-aftale: Kursus i projektledelse"))
    #expect(lines.contains("DTSTAMP:20261129T032000Z"))
    #expect(lines.contains("DTSTART;VALUE=DATE:20270215"))
    #expect(calendar.hasSuffix("END:VCALENDAR\r\n"))
}

@Test func calendarTextIsEscapedAndFoldedAt75Octets() {
    #expect(AgreementCalendar.escape("a, b; c\\d\ne") == "a\\, b\\; c\\\\d\\ne")
    let long = "SUMMARY:" + String(repeating: "æ", count: 60)
    let folded = AgreementCalendar.fold(long)
    #expect(folded.components(separatedBy: "\r\n ").allSatisfy { $0.utf8.count <= 75 })
    #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == long)
}

@Test func theFollowUpsSummaryGivesTheAgreementsFeedbackAndCheckInAndQuestionsADateToCome() {
    let script = program("opfoelgning")
    let today = LocalDate(year: 2026, month: 12, day: 1)!
    let strings = CycleStrings(.danish)
    let held = FollowUp(session("opf", script, followUpAnswers), program: script, created: created)
    let text = FollowUpSummary(held, strings: strings).render(markdown: true, today: today)
    #expect(text.hasPrefix("# Opfølgning efter MUS den 2026-11-27\n"))
    #expect(text.contains("## Aftaler (2)\n\n1. Kursus i projektledelse — Min leder — frist 2027-03-01 (om 90 dage)\n2. Mentorordning — Begge — frist: snart"))
    #expect(text.contains("Én frist uden dato kommer ikke med i kalenderen. Skriv en dato (fx 2027-03-01):\n  mus-coach replay opf --from aftaler"))
    #expect(text.contains("## Lederens feedback\n\n- Ros for leverancen i marts"))
    #expect(text.contains("## Næste opfølgning\n\n2027-02-15\n"))
    #expect(!text.contains("ikke kommet endnu"))

    var future = followUpAnswers
    future[0] = "2027-01-12"
    let ahead = FollowUp(session("opf", script, future), program: script, created: created)
    let warned = FollowUpSummary(ahead, strings: strings).render(markdown: false, today: today)
    #expect(warned.contains("Samtalen står som afholdt den 2027-01-12, og den dag er ikke kommet endnu. Er det rigtigt? Ellers ret det:\n  mus-coach replay opf --from holdt-dato"))
    #expect(strings.sinceLastMUS(ahead.held, days: ahead.held.days(until: today)) == "Din seneste MUS: 2027-01-12 — om 42 dage; står datoen rigtigt?")
}
