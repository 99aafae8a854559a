import CoachEngine
import CoachLibrary
@testable import CoachCycle
import CoachScript
import CoachStore
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

private let dialogues = DialogueLibrary(folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("dialogues"))

private func program(_ name: String) -> ScriptProgram {
    ScriptProgram(DialogueLibrary.loadScript(at: dialogues.scriptURL(name, language: "da")).result.script!)
}

private let created = LocalDate(year: 2026, month: 11, day: 27)!

/// A session on `script` answered with `lines` (`/spring` skips, `/privat ID` keeps an answer private).
private func session(_ name: String, _ script: ScriptProgram, _ lines: [String]) -> SessionFile {
    let at = Timestamp(millisecondsSince1970: 1_795_780_000_000)
    var events: [Event] = [.started(at: at)]
    events += lines.map { line in
        if line == "/spring" { return .skipped(at: at) }
        if line.hasPrefix("/privat ") { return .sharingChanged(answer: String(line.dropFirst("/privat ".count)), to: .private, at: at) }
        return .answered(line, at: at)
    }
    return SessionFile(name: name, created: at, transcript: Transcript(script: script.script, events: events))
}

private let followUpAnswers = [
    "27. november 2026",
    "Kursus i projektledelse", "Mentorordning", "",
    "Min leder", "senest 1. marts 2027",
    "Begge", "snart", "",
    "Lede et projekt alene", "Bedre til at præsentere", "",
    "Jeg leder Apollo-projektets næste fase med Lene som sparringspartner", "2027-06-30", "Fasen leveres til tiden i juni uden hjælp fra Lene",
    "Kursus i præsentationsteknik hos Teknologisk Institut", "", "",
    "Ros for leverancen i marts", "",
    "15/2-2027",
]

/// Feedback written on two lines is set down as two sentences in the conclusion, not glued with a dash.
@Test func feedbackOfSeveralLinesIsSetDownAsSentences() {
    var answers = followUpAnswers
    answers[answers.firstIndex(of: "Ros for leverancen i marts")!] = "ros for leverancen i marts\nskal sige til tidligere, når jeg er bagud"
    let followUp = FollowUp(session("opf", program("opfoelgning"), answers), program: program("opfoelgning"), created: created)
    #expect(followUp.feedback == [Remark(text: "Ros for leverancen i marts. Skal sige til tidligere, når jeg er bagud.", isPrivate: false)])
}

@Test func theFollowUpDialogueGivesTheAgreementsWithWhoAndWhen() {
    let followUp = FollowUp(session("opf", program("opfoelgning"), followUpAnswers), program: program("opfoelgning"), created: created)
    #expect(followUp.held.description == "2026-11-27")
    #expect(followUp.agreements == [
        Agreement(what: "Kursus i projektledelse", who: "Min leder", due: LocalDate(year: 2027, month: 3, day: 1), dueText: nil),
        Agreement(what: "Mentorordning", who: "Begge", due: nil, dueText: "snart"),
    ])
    #expect(followUp.goals == [
        DevelopmentGoal(what: "Lede et projekt alene", how: "Jeg leder Apollo-projektets næste fase med Lene som sparringspartner",
                        due: LocalDate(year: 2027, month: 6, day: 30), dueText: nil, sign: "Fasen leveres til tiden i juni uden hjælp fra Lene"),
        DevelopmentGoal(what: "Bedre til at præsentere", how: "Kursus i præsentationsteknik hos Teknologisk Institut", due: nil, dueText: nil, sign: nil),
    ])
    #expect(followUp.feedback == [Remark(text: "Ros for leverancen i marts", isPrivate: false)])
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
    #expect(Agreement(what: "kursus i projektledelse", who: nil, due: nil, dueText: nil).outcome(in: conversation) == .followedUp)
    #expect(Agreement(what: "Mentorordning", who: nil, due: nil, dueText: nil).outcome(in: conversation) == .notFollowedUp)
    #expect(Agreement(what: "Noget tredje", who: nil, due: nil, dueText: nil).outcome(in: conversation) == nil)

    // One rule for status and history: a preparation begun on the talk's day, unfinished, counts.
    let held = LocalDate(year: 2026, month: 11, day: 27)!
    var followUp = FollowUp(session("opf", program("opfoelgning"), []), program: program("opfoelgning"), created: held)
    followUp.agreements = [Agreement(what: "Kursus i projektledelse", due: nil)]
    let sameDay = TalkHistory.Preparation(session: "mus", created: held, conversation: conversation)
    #expect(TalkHistory.outcome(of: followUp.agreements[0], after: followUp, in: [sameDay]) == .followedUp)
    #expect(TalkHistory(followUps: [followUp], preparations: [sameDay]).talks.first?.outcomes == [.followedUp])
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

@Test func theConclusionHoldsTheAgreementsThePlanTheFeedbackAndTheCheckInAndSaysWhatIsMissing() {
    let script = program("opfoelgning")
    let today = LocalDate(year: 2026, month: 12, day: 1)!
    let conclusion = MUSConclusion(FollowUp(session("opf", script, followUpAnswers), program: script, created: created), strings: CycleStrings(.danish))
    let text = conclusion.render(.markdown, copy: .own, today: today)
    #expect(text.hasPrefix("# MUS-konklusion\n\nKonklusionsskema og udviklingsplan efter samtalen den 2026-11-27\n"))
    #expect(text.contains("""
        ## Aftaler (2)

        | Aftale | Ansvarlig | Frist |
        | --- | --- | --- |
        | Kursus i projektledelse | Min leder | 2027-03-01 |
        | Mentorordning | Begge | snart |
        """))
    #expect(text.contains("""
        | Lede et projekt alene | Jeg leder Apollo-projektets næste fase med Lene som sparringspartner | 2027-06-30 | Fasen leveres til tiden i juni uden hjælp fra Lene |
        | Bedre til at præsentere | Kursus i præsentationsteknik hos Teknologisk Institut | — | — |
        """))
    #expect(text.contains("## Lederens feedback\n\n- Ros for leverancen i marts"))
    #expect(text.contains("## Næste opfølgning\n\n2027-02-15\n"))
    #expect(text.contains("""
        ## Det mangler

        - »Mentorordning« mangler en frist, der er en dato:\n    mus-coach replay opf --from aftaler
        - »Bedre til at præsentere« mangler en dato og et tegn på, at det er nået:\n    mus-coach replay opf --from udviklingsmaal
        """))
    #expect(!text.contains("ikke kommet endnu") && !text.contains("(privat)"))
    // The manager's copy has no notes on what is missing.
    #expect(!conclusion.render(.markdown, copy: .shared, today: today).contains("Det mangler"))

    var future = followUpAnswers
    future[0] = "2027-01-12"
    let ahead = FollowUp(session("opf", script, future), program: script, created: created)
    let warned = MUSConclusion(ahead, strings: CycleStrings(.danish)).render(.text, copy: .own, today: today)
    #expect(warned.contains("Samtalen står som afholdt den 2027-01-12, og den dag er ikke kommet endnu. Er det rigtigt? Ellers ret det:\n  mus-coach replay opf --from holdt-dato"))
    #expect(CycleStrings(.danish).sinceLastMUS(ahead.held, days: ahead.held.days(until: today)) == "Din seneste MUS: 2027-01-12 — om 42 dage; står datoen rigtigt?")
}

@Test func whatThePersonKeepsPrivateIsMarkedInTheirCopyAndAbsentFromTheSharedOneInEveryFormat() throws {
    let script = program("opfoelgning")
    let today = LocalDate(year: 2026, month: 12, day: 1)!
    var answers = followUpAnswers
    answers[answers.firstIndex(of: "Min leder")!] = "Min leder PRIVAT-ANSVARLIG"
    answers[answers.firstIndex(of: "Ros for leverancen i marts")!] = "Ros PRIVAT-FEEDBACK"
    answers[answers.firstIndex(of: "Bedre til at præsentere")!] = "Præsentere PRIVAT-MÅL"
    answers += ["/privat aftaler[1]/ansvarlig", "/privat leder-feedback", "/privat udviklingsmaal[2]/hvordan"]
    let followUp = FollowUp(session("opf", script, answers), program: script, created: created)
    #expect(followUp.agreements.map(\.isPrivate) == [true, false])
    #expect(followUp.goals.map(\.isPrivate) == [false, true])
    let conclusion = MUSConclusion(followUp, strings: CycleStrings(.danish))
    #expect(conclusion.privateCount == 3)
    let own = conclusion.render(.markdown, copy: .own, today: today)
    #expect(own.contains("| Kursus i projektledelse (privat) | Min leder PRIVAT-ANSVARLIG |"))
    #expect(own.contains("- Ros PRIVAT-FEEDBACK (privat)"))
    #expect(own.contains("3 punkter markeret (privat) kommer ikke med i den udgave, du deler: mus-coach conclusion --shared"))
    for format in MUSConclusion.Format.allCases {
        let shared = conclusion.render(format, copy: .shared, today: today)
        #expect(!shared.contains("PRIVAT") && !shared.contains("Kursus i projektledelse") && !shared.contains("(privat)"), "\(format)")
        #expect(shared.contains("Mentorordning") && shared.contains("Lede et projekt alene"), "\(format)")
    }
}

@Test func theConclusionsPageIsWellFormedXHTMLInEnglishToo() throws {
    let script = ScriptProgram(DialogueLibrary.loadScript(at: dialogues.scriptURL("opfoelgning", language: "en")).result.script!)
    var answers = followUpAnswers
    answers[answers.firstIndex(of: "Mentorordning")!] = "Mentor <ordning> & \"more\""
    let conclusion = MUSConclusion(FollowUp(session("opf", script, answers), program: script, created: created), strings: CycleStrings(.english))
    let html = conclusion.render(.html, copy: .shared, today: created)
    #expect(html.contains("<title>MUS conclusion — Conclusion and development plan after the talk on 2026-11-27</title>"))
    #expect(html.contains("<th>Agreement</th><th>Responsible</th><th>Due</th>"))
    #expect(html.contains("<td>Mentor &lt;ordning&gt; &amp; &quot;more&quot;</td>"))
    let parser = XMLParser(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "").utf8))
    #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
}

@Test func theHistoryPairsEachTalkWithThePreparationBeforeItAndTheOutcomesAfterIt() {
    let mus = program("mus")
    func day(_ year: Int, _ month: Int, _ day: Int) -> LocalDate { LocalDate(year: year, month: month, day: day)! }
    func talk(_ name: String, held: LocalDate, _ agreements: [String]) -> FollowUp {
        var followUp = FollowUp(session(name, program("opfoelgning"), []), program: program("opfoelgning"), created: held)
        followUp.agreements = agreements.map { Agreement(what: $0, due: day(2030, 1, 1)) }
        return followUp
    }
    func preparation(_ name: String, begun: LocalDate) -> TalkHistory.Preparation {
        TalkHistory.Preparation(session: name, created: begun, conversation: Conversation(program: mus))
    }
    let history = TalkHistory(
        followUps: [talk("opf-2026", held: day(2026, 11, 27), ["B"]), talk("opf-2025", held: day(2025, 11, 20), ["A"])],
        preparations: [preparation("mus-2027", begun: day(2027, 10, 1)), preparation("mus-2025-first", begun: day(2025, 10, 1)),
                       preparation("mus-2025", begun: day(2025, 11, 1)), preparation("mus-2026", begun: day(2026, 11, 20))])
    #expect(history.talks.map(\.followUp.session) == ["opf-2025", "opf-2026"])
    #expect(history.talks.map { $0.preparation?.session } == ["mus-2025", "mus-2026"], "the latest preparation before each talk")
    #expect(history.talks.map(\.outcomes) == [[nil], [nil]], "empty preparations say nothing about an agreement")
    #expect(history.upcoming.map(\.session) == ["mus-2027"])
    let text = history.render(CycleStrings(.danish), today: day(2031, 1, 1))
    #expect(text.hasPrefix("Næste MUS under forberedelse: mus-2027 (begyndt 2027-10-01)\n  Ønsker: ingen skrevet ned\n\nMUS den 2026-11-27 (opfølgning: opf-2026)\n"))
    #expect(text.contains("    B — · åben, fristen 2030-01-01 er overskredet\n"))
    #expect(TalkHistory(followUps: [], preparations: []).render(CycleStrings(.english), today: day(2031, 1, 1)).hasPrefix("There is no MUS in your history yet."))
}
