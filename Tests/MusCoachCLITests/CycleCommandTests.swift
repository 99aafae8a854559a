import Foundation
import Testing

@Suite(.serialized) struct CycleCommandTests {
    let home = TestHome()

    private var notesFile: URL { home.folder.appendingPathComponent("data/mus-coach/notes.jsonl") }

    @Test func notesAreAddedListedEditedAndDeletedInAPrivateJournal() throws {
        #expect(try runProgram(["note", "Leverede", "Apollo", "3", "uger", "før", "tid", "--tag", "resultat"], home: home).stdout.hasPrefix("noteret #1"))
        #expect(try runProgram(["note", "Kursus i Kubernetes", "--tag", "oenske"], home: home).stdout.hasPrefix("noteret #2"))
        let listed = try runProgram(["notes"], home: home).stdout.split(separator: "\n")
        #expect(listed.count == 2)
        #expect(listed[0].hasPrefix("#1\t") && listed[0].hasSuffix("Leverede Apollo 3 uger før tid [resultat]"))
        #expect(try runProgram(["notes", "--tag", "oenske"], home: home).stdout.contains("#2"))
        #expect(try runProgram(["notes", "--since", "2999-01-01"], home: home).stdout.isEmpty)
        #expect(try runProgram(["notes", "--edit", "2", "Kursus i Kubernetes og Terraform"], home: home).status == 0)
        #expect(try runProgram(["notes", "--delete", "1"], home: home).status == 0)
        #expect(try runProgram(["notes"], home: home).stdout.hasSuffix("Kursus i Kubernetes og Terraform [ønske]\n"))
        #expect(try runProgram(["notes", "--delete", "1"], home: home).stderr.contains("Fejl: der er ingen note 1"))
        #expect(try runProgram(["note", "x", "--tag", "ferie"], home: home).status != 0)
        let mode = try FileManager.default.attributesOfItem(atPath: notesFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        // The edit and the deletion rewrote the file: the deleted note and the edited note's old text are gone from the disk.
        let raw = try String(contentsOf: notesFile, encoding: .utf8)
        #expect(raw.split(separator: "\n").count == 1)
        #expect(!raw.contains("Leverede") && !raw.contains(#""Kursus i Kubernetes""#))
        #expect(raw.contains("Kursus i Kubernetes og Terraform"))
    }

    @Test func aDamagedNotesJournalIsReportedByLineAndLeftAlone() throws {
        _ = try runProgram(["note", "Første"], home: home)
        let handle = try FileHandle(forWritingTo: notesFile)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{not json\n".utf8))
        try handle.close()
        let before = try Data(contentsOf: notesFile)
        let listed = try runProgram(["notes"], home: home)
        #expect(listed.status == 1)
        #expect(listed.stderr.contains("notes.jsonl:2: denne linje i dine noter kan ikke læses"))
        #expect(try Data(contentsOf: notesFile) == before)
    }

    static let followUpAnswers = [
        "27. november 2026",
        "Kursus i projektledelse", "Mentorordning", "",
        "Min leder", "senest 1. marts 2027",
        "Begge", "snart", "",
        "Lede et projekt alene", "",
        "Jeg leder Apollo-projektets næste fase med Lene som sparringspartner", "2027-06-30", "Fasen leveres til tiden i juni uden hjælp fra Lene",
        "Ros for leverancen", "",
        "15/2-2027",
    ]

    @Test func theFollowUpGivesStatusOpenAgreementsAndACalendarARealParserReads() throws {
        let none = try runProgram(["agreements"], home: home)
        #expect(none.status == 0, "no follow-up yet is no failure")
        #expect(none.stdout.contains("Der er ingen opfølgning efter en MUS endnu"))

        let followUp = try runProgram(["followup"], input: Data((Self.followUpAnswers.joined(separator: "\n") + "\n").utf8), home: home)
        #expect(followUp.status == 0, "\(followUp.stderr)")
        // It ends with the MUS conclusion, not a preparation's brief.
        #expect(followUp.stdout.contains("MUS-KONKLUSION\n\nKonklusionsskema og udviklingsplan efter samtalen den 2026-11-27"))
        #expect(followUp.stdout.contains("1. Kursus i projektledelse\n   Ansvarlig: Min leder\n   Frist: 2027-03-01"))
        #expect(followUp.stdout.contains("UDVIKLINGSPLAN\n\n1. Lede et projekt alene\n   Sådan: Jeg leder Apollo-projektets"))
        #expect(followUp.stdout.contains("»Mentorordning« mangler en frist, der er en dato:\n  mus-coach replay "))
        #expect(followUp.stdout.contains("- Ros for leverancen"))
        #expect(followUp.stdout.contains("NÆSTE OPFØLGNING\n\n2027-02-15\n"))
        #expect(followUp.stdout.contains("--shared --format html -o konklusion.html"))
        #expect(!followUp.stdout.contains("Intet endnu") && !followUp.stdout.contains("Fortsæt senere"))
        #expect(followUp.stdout.contains("Opfølgningen er gemt i:\n  "))
        let status = try runProgram(["status"], home: home).stdout
        #expect(status.contains("Din seneste MUS: 2026-11-27"))
        #expect(status.contains("Åbne aftaler (2):\n  1. Kursus i projektledelse — Min leder — frist 2027-03-01"))
        #expect(status.contains("  2. Mentorordning — Begge — frist: snart"))
        #expect(status.contains("Næste opfølgning: 2027-02-15."))

        let calendar = home.folder.appendingPathComponent("aftaler.ics")
        let written = try runProgram(["agreements", "--ics", calendar.path], home: home)
        #expect(written.status == 0)
        #expect(written.stdout.contains("Skrev 2 datoer til \(calendar.path)."))
        #expect(written.stdout.contains("»Mentorordning« — frist: »snart«, ikke en dato"))
        #expect(written.stdout.contains("mus-coach replay "), "it says how to give the deadline a date")
        let mode = try FileManager.default.attributesOfItem(atPath: calendar.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let (parsed, read) = try runPython("Tests/Calendar/read_ics.py", [calendar.path])
        #expect(parsed == 0, "Python's icalendar (which .ci/run installs) could not read it:\n\(read)")
        #expect(read == "2027-03-01\tMUS-aftale: Kursus i projektledelse\t-3 days, 0:00:00 DISPLAY: Om 3 dage: MUS-aftale: Kursus i projektledelse\n"
                + "2027-02-15\tOpfølgning på MUS-aftalerne\t-3 days, 0:00:00 DISPLAY: Om 3 dage: Opfølgning på MUS-aftalerne\n")
    }

    @Test func theConclusionForTheManagerHoldsOnlyWhatIsSharedAndPrintsToAPrivateFile() throws {
        #expect(try runProgram(["history"], home: home).stdout.hasPrefix("Der er ingen MUS i din historik endnu."))
        // The feedback is kept private in the chat with /privat right after it is given.
        var answers = Self.followUpAnswers
        answers.insert("/privat", at: answers.firstIndex(of: "Ros for leverancen")! + 1)
        let followUp = try runProgram(["followup", "--session", "opf"], input: Data((answers.joined(separator: "\n") + "\n").utf8), home: home)
        #expect(followUp.status == 0, "\(followUp.stderr)")
        #expect(followUp.stdout.contains("- Ros for leverancen (privat)"))
        let page = home.folder.appendingPathComponent("konklusion.html")
        let shared = try runProgram(["conclusion", "--shared", "--format", "html", "-o", page.path], home: home)
        #expect(shared.status == 0, "\(shared.stderr)")
        #expect(shared.stderr.contains("skrev konklusionen til \(page.path) — uden ét privat punkt"))
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<td>Kursus i projektledelse</td><td>Min leder</td><td>2027-03-01</td>"))
        #expect(!html.contains("Ros for leverancen") && !html.contains("Det mangler"))
        #expect(try FileManager.default.attributesOfItem(atPath: page.path)[.posixPermissions] as? Int == 0o600)
        let own = try runProgram(["conclusion", "opf"], home: home).stdout
        #expect(own.hasPrefix("# MUS-konklusion\n") && own.contains("- Ros for leverancen (privat)"))
        let wrong = try runProgram(["conclusion", "nowhere"], home: home)
        #expect(wrong.status == 1 && wrong.stderr.contains("»nowhere« er ikke en opfølgning"))
    }

    @Test func theNextPreparationCarriesTheAgreementsAndOffersTheNotes() throws {
        _ = try runProgram(["note", "Leverede Apollo 3 uger før tid", "--tag", "resultat"], home: home)
        _ = try runProgram(["followup"], input: Data((Self.followUpAnswers.joined(separator: "\n") + "\n").utf8), home: home)
        // The date, keep "yes" to an earlier MUS, no form, skip the framework, skip the minutes,
        // keep both agreements, then: the course was followed up, the mentor only partly.
        let answers = ["I januar", "", "nej", "/spring", "/spring", "/spring", "", "", "", "ja", "delvist", "Der mangler en mentor", "", "/noter", "", "/afslut"]
        let preparation = try runProgram(["--new", "--session", "p"], input: Data((answers.joined(separator: "\n") + "\n").utf8), home: home)
        #expect(preparation.status == 0, "\(preparation.stderr)")
        #expect(preparation.stdout.contains("[forslag: Ja]"))
        #expect(preparation.stdout.contains("[forslag: Kursus i projektledelse]"))
        #expect(preparation.stdout.contains("[forslag: Mentorordning]"))
        #expect(preparation.stdout.contains("Dine noter fra året:\n     1. Leverede Apollo 3 uger før tid"))
        let session = try home.sessionText("p")
        #expect(preparation.stdout.contains("[forslag: Leverede Apollo 3 uger før tid]"), "/noter put the note on the line")
        #expect(session.contains(#""text":"Leverede Apollo 3 uger før tid""#), "Enter sent it as the answer")
        let open = try runProgram(["agreements"], home: home).stdout
        #expect(open.contains("Åbne aftaler (1):\n  1. Mentorordning"))
        let history = try runProgram(["history"], home: home)
        #expect(history.status == 0, "\(history.stderr)")
        #expect(history.stdout.hasPrefix("Næste MUS under forberedelse: p (begyndt "))
        #expect(history.stdout.contains("MUS den 2026-11-27 (opfølgning: "))
        #expect(history.stdout.contains("    Kursus i projektledelse — ✓ fulgt op\n    Mentorordning — ◐ delvist fulgt op\n"))
        #expect(history.stdout.contains("  Udviklingsmål: Lede et projekt alene (2027-06-30)"))
        // Next year's follow-up starts with an empty list of agreements.
        let nextFollowUp = try runProgram(["followup"], input: Data("1. december 2027\n".utf8), home: home)
        #expect(!nextFollowUp.stdout.contains("[forslag:"))
        #expect(try runProgram(["summary", "p"], home: home).stdout.contains("Mentorordning"))
    }
}
