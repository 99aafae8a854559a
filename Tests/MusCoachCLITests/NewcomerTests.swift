import Foundation
import Testing

/// What a newcomer met in their first hour with the chat, replay and follow-up, as they met it.
@Suite(.serialized) struct NewcomerTests {
    let home = TestHome()

    private var today: String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }

    @Test func leavingBeforeTheFirstAnswerSavesNothingAndASessionIsNamedByItsScriptAndDay() throws {
        let left = try runProgram(["--new"], input: Data("/afslut\n".utf8), home: home)
        #expect(left.status == 0)
        #expect(left.stdout.contains("Ingen svar endnu, så der er intet gemt."))
        let saved = (try? FileManager.default.contentsOfDirectory(atPath: home.sessions.path)) ?? []
        #expect(!saved.contains { $0.hasSuffix(".json") }, "\(saved)")
        #expect(try runProgram(["summary"], home: home).stderr.contains("der er ingen forberedelse endnu"))

        let answered = try runProgram(["--new"], input: Data("I marts\n/afslut\n".utf8), home: home)
        #expect(answered.stdout.contains("Dine svar er gemt i sessionen »mus-\(today)«"), "\(answered.stdout)")
        #expect(FileManager.default.fileExists(atPath: home.sessions.appendingPathComponent("mus-\(today).json").path))
        // Without a name, summary and agenda take the latest preparation and say which.
        let summary = try runProgram(["summary", "--format", "text"], home: home)
        #expect(summary.status == 0)
        #expect(summary.stderr.contains("din seneste forberedelse: »mus-\(today)«"))
        #expect(summary.stdout.contains("I marts"))
        #expect(try runProgram(["agenda", "--yes"], home: home).stderr.contains("din seneste forberedelse: »mus-\(today)«"))
    }

    @Test func aCommandTypedAfterTheEarlierAnswerOnTheLineIsACommand() throws {
        #expect(try runProgram(["--session", "r"], input: Data("I marts\nnej\nja\n".utf8), home: home).status == 0)
        let terminal = try PseudoTerminal(["replay", "r"], home: home)
        terminal.expect("Hvornår skal du holde din MUS-samtale?")
        terminal.expect("I marts")
        // The cursor stands after the earlier answer: a command typed there is a command.
        terminal.type("/gå-til skema\r")
        terminal.expect("Har du fået en invitation med et skema")
        terminal.type("/afslut\r")
        #expect(terminal.waitForExit() == 0)
        #expect(try !home.sessionText("r").contains("/gå-til"), "the command is not saved as part of an answer")
    }

    @Test func aPrivateAnswerInTheFollowUpStaysOutOfTheManagersCopyOfTheConclusion() throws {
        let followUp = try runProgram(["followup", "--session", "f"], input: Data("12. januar 2027\n/privat\n/afslut\n".utf8), home: home)
        #expect(followUp.stdout.contains("er privat: det står kun i din egen kopi af konklusionen"), "\(followUp.stdout)")
        #expect(!followUp.stdout.contains("det bliver i din egen forberedelse"))
    }

    @Test func theOverviewShowsEachQuestionAsItWasAsked() throws {
        let followUp = try runProgram(["followup", "--session", "o"], input: Data("12. januar 2027\nKursus i Excel\n\nMig\n/opsummering\n/afslut\n".utf8), home: home)
        #expect(followUp.stdout.contains("• Hvem står for »Kursus i Excel«? (dig, din leder, begge …) [aftaler[1]/ansvarlig]"), "\(followUp.stdout)")
        #expect(!followUp.stdout.contains("{item}"))
    }

    @Test func aJumpLandsWhereItWasAskedPassingProbesThatHaveNoEarlierReply() throws {
        // The probe of udviklingsmuligheder is skipped.
        #expect(try runProgram(["--session", "n"], input: Data("I marts\nnej\nnej\nved ikke\n/spring\n1\n/afslut\n".utf8), home: home).status == 0)
        let from = try runProgram(["replay", "n", "--from", "politikker"], input: Data("\n/afslut\n".utf8), home: home)
        #expect(!from.stdout.contains("Hvem kan du spørge"), "not stopped at the skipped probe: \(from.stdout)")
        #expect(from.stdout.contains("[was: Ja, og jeg kender dem]"))

        // A list item's step is a place to go to; the skipped probes on the way are passed by.
        #expect(try runProgram(["--new", "--session", "w"], input: Data(try happyPathInput().utf8), home: home).status == 0)
        let jumped = try runProgram(["replay", "w"], input: Data("/gå-til oensker[1]/gavn\n/afslut\n".utf8), home: home)
        let afterJump = jumped.stdout.components(separatedBy: "/gå-til").last ?? jumped.stdout
        #expect(jumped.stdout.contains("Hvordan gavner »Kursus i softwarearkitektur« arbejdspladsen?"), "\(jumped.stdout.suffix(600))")
        #expect(!jumped.stdout.contains("intet afsnit eller spørgsmål"))
        #expect(!afterJump.contains("har intet tidligere svar"))
    }

    @Test func theAgendaSaysItsSuspectedSlipsBeforeItGoesAndChangesNothing() throws {
        let input = try happyPathInput().replacingOccurrences(of: "Kursus i softwarearkitektur", with: "Kursus i softwarearkitektur for kolegaer")
        #expect(try runProgram(["--new", "--session", "s"], input: Data(input.utf8), home: home).status == 0)
        let agenda = try runProgram(["agenda", "s", "--yes"], home: home)
        let said = agenda.stderr.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        #expect(said.contains("Mulige stavefejl — ret dem i dine svar, hvis de er det: »kolegaer« (kollegaer?)"), "\(said)")
        #expect(!said.contains("»tech«") && !said.contains("»lead«"), "an English loan in a Danish text is no slip")
        #expect(agenda.stdout.contains("kolegaer"), "nothing is corrected")
    }

    @Test func theDocumentsCarryTheNamesGivenOnceAndKept() throws {
        #expect(try runProgram(["--new", "--session", "p"], input: Data(try happyPathInput().utf8), home: home).status == 0)
        let agenda = try runProgram(["agenda", "p", "--yes", "--format", "text", "--name", "Mette Hansen", "--manager", "Birgit Sørensen"], home: home)
        #expect(agenda.stdout.contains("Deltagere: Mette Hansen og Birgit Sørensen\nSamtalen: Torsdag den 12. december kl. 10"), "\(agenda.stdout.prefix(300))")
        let profile = home.data.appendingPathComponent("mus-coach/profile.json")
        let mode = try FileManager.default.attributesOfItem(atPath: profile.path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        // Kept: the mail draft opens and closes with them without being told again.
        let draft = home.folder.appendingPathComponent("agenda.eml")
        #expect(try runProgram(["agenda", "p", "--yes", "--format", "eml", "-o", draft.path], home: home).status == 0)
        let (status, read) = try runPython("Tests/Mail/read_eml.py", [draft.path])
        #expect(status == 0, "\(read)")
        #expect(read.contains("Hej Birgit,") && read.contains("Venlig hilsen\nMette Hansen"), "\(read.prefix(600))")

        // The conclusion: lines to sign with both names, and "mig" is the person by name in the manager's copy.
        let answers = CycleCommandTests.followUpAnswers.map { $0 == "Min leder" ? "mig" : $0 }
        #expect(try runProgram(["followup", "--session", "opf"], input: Data((answers.joined(separator: "\n") + "\n").utf8), home: home).status == 0)
        let shared = try runProgram(["conclusion", "opf", "--shared", "--format", "text"], home: home)
        #expect(shared.stdout.contains("Medarbejder: Mette Hansen\nDato og underskrift: ______________________\nLeder: Birgit Sørensen"), "\(shared.stdout)")
        #expect(shared.stdout.contains("Ansvarlig: Mette Hansen"))
    }
}
