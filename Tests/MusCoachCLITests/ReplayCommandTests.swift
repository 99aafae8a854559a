import Foundation
import Testing

@Suite(.serialized) struct ReplayCommandTests {
    let home = TestHome()

    @Test func aPipedReplayShowsEarlierAnswersKeepsThemOnAnEmptyLineAndMakesARevision() throws {
        #expect(try runProgram(["--session", "r"], input: Data("I marts\nnej\n".utf8), home: home).status == 0)
        let replay = try runProgram(["replay", "r"], input: Data("\nja\n".utf8), home: home)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("[was: I marts]"))
        #expect(replay.stdout.contains("[was: Nej]"))
        #expect(replay.stdout.contains("Det har du ændret:\n  haft-mus-foer: »Nej« → »Ja«"))

        let revisions = try runProgram(["sessions", "--revisions", "r"], home: home)
        let lines = revisions.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("1\t") == true)
        #expect(lines.last?.hasPrefix("2\t") == true && lines.last?.hasSuffix("nuværende") == true)

        let first = try runProgram(["summary", "r", "--revision", "1", "--format", "json"], home: home)
        #expect(first.status == 0)
        #expect(try runProgram(["summary", "r", "--revision", "3"], home: home).stderr.contains("--revision skal være fra 1 til 2"))
        // The log keeps both passes: the first answer and the new one.
        let session = try home.sessionText("r")
        #expect(session.contains(#""text":"nej""#) && session.contains(#""text":"ja""#) && session.contains(#""type":"revised""#))
    }

    @Test func aSkippedAnswerStaysSkippedOnEnterAndGoingBackSaysWhatItTookBack() throws {
        let first = try runProgram(["--session", "r"], input: Data("I marts\n/spring\nja\n/tilbage\n/afslut\n".utf8), home: home)
        #expect(first.stdout.contains("↩ Fortrudt: »Ja«"), "\(first.stdout)")
        let replay = try runProgram(["replay", "r"], input: Data("\n\n".utf8), home: home)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("[sprunget over] > "))
        #expect(!replay.stdout.contains("Skriv venligst et svar"), "Enter kept the skip rather than sending an empty answer")
        #expect(replay.stdout.contains("Ingen svar er ændret."))
        // Opened again, the question stands with where it is in the dialogue.
        let resumed = try runProgram(["--session", "r"], input: Data("/afslut\n".utf8), home: home)
        #expect(resumed.stdout.contains("Afsnit 1/11 · spørgsmål 3/4"), "\(resumed.stdout)")
    }

    @Test func fromStartsAtTheQuestionAndKeepsTheAnswersBeforeIt() throws {
        #expect(try runProgram(["--session", "r"], input: Data("I marts\nnej\nja\n".utf8), home: home).status == 0)
        let replay = try runProgram(["replay", "r", "--from", "skema"], input: Data("nej\n".utf8), home: home)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(!replay.stdout.contains("Hvornår skal du holde din MUS-samtale?"))
        #expect(replay.stdout.contains("[was: Ja]"))
        #expect(replay.stdout.contains("skema: »Ja« → »Nej«"))
        #expect(try runProgram(["replay", "r", "--from", "nowhere"], home: home).stderr.contains("intet afsnit eller spørgsmål har id'et »nowhere«"))
    }

    @Test func goToJumpsAheadThroughEarlierAnswersAndBackToAnsweredOnes() throws {
        #expect(try runProgram(["--session", "r"], input: Data("I marts\nnej\nja\n".utf8), home: home).status == 0)
        let replay = try runProgram(["replay", "r"], input: Data("/gå-til skema\n/gå-til mus-dato\nI april\n/gå-til nowhere\n/gå-til skema-punkter\n/gå-til trivsel\n".utf8),
                                    home: home)
        #expect(replay.status == 0, "\(replay.stderr)")
        let afterJumps = replay.stdout.components(separatedBy: "[was: Ja]").dropFirst().joined()
        #expect(afterJumps.contains("Hvornår skal du holde din MUS-samtale?"), "back to the first question")
        #expect(replay.stdout.contains("! Der er intet afsnit eller spørgsmål med id'et nowhere."))
        #expect(replay.stdout.contains("Hvilke punkter står der på skemaet?"), "ahead to a question with no earlier answer")
        #expect(replay.stdout.contains("! skema-punkter har intet tidligere svar (det er nyt, eller det blev ikke stillet sidst), så vi stopper her før trivsel."))
        #expect(replay.stdout.contains("mus-dato: »I marts« → »I april«"))
        let chat = try runProgram(["--session", "r"], input: Data("/gå-til trivsel\n".utf8), home: home)
        #expect(chat.stdout.contains("! trivsel er ikke besvaret endnu"))
    }

    /// `Tests/Fixtures/script-versions/t.vN.yaml`: a script and its next version.
    static func version(_ number: Int) throws -> String {
        try String(contentsOf: repository.appendingPathComponent("Tests/Fixtures/script-versions/t.v\(number).yaml"), encoding: .utf8)
    }

    @Test func checkReportsWhatANewerScriptChangesAndTheReplayFollowsRenames() throws {
        let dialogues = home.folder.appendingPathComponent("dialogues")
        try FileManager.default.createDirectory(at: dialogues, withIntermediateDirectories: true)
        let script = dialogues.appendingPathComponent("t.da.yaml")
        try Self.version(1).write(to: script, atomically: true, encoding: .utf8)
        let made = try runProgram(["--dialogues", dialogues.path, "--script", "t", "--session", "v"], input: Data("Apollo\nja tak\nja\n".utf8), home: home)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(try runProgram(["replay", "v", "--check", "--dialogues", dialogues.path], home: home).status == 0)

        try Self.version(2).write(to: script, atomically: true, encoding: .utf8)
        let check = try runProgram(["replay", "v", "--check", "--dialogues", dialogues.path], home: home)
        #expect(check.status == 1)
        #expect(check.stdout == """
            v: nyt spørgsmål ny
            v: fjernet gammel
            v: ændret ordlyd projekt: »Hvad hedder projektet?« → »Hvilket projekt er du stoltest af?«

            """)

        let replay = try runProgram(["replay", "v", "--dialogues", dialogues.path], input: Data("\nnyt svar\n\n".utf8), home: home)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("[was: Apollo]"))
        #expect(replay.stdout.contains("ny: nyt svar »nyt svar«"))
        #expect(replay.stdout.contains("gammel: »ja tak« lagt til side"))
        #expect(try runProgram(["replay", "v", "--check", "--dialogues", dialogues.path], home: home).status == 0)
    }
}
