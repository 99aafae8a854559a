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
        #expect(replay.stdout.contains("Det har du ændret:\n  haft-mus-foer: «Nej» → «Ja»"))

        let revisions = try runProgram(["sessions", "--revisions", "r"], home: home)
        let lines = revisions.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix("1\t") == true)
        #expect(lines.last?.hasPrefix("2\t") == true && lines.last?.hasSuffix("current") == true)

        let first = try runProgram(["summary", "r", "--revision", "1", "--format", "json"], home: home)
        #expect(first.status == 0)
        #expect(try runProgram(["summary", "r", "--revision", "3"], home: home).stderr.contains("--revision must be from 1 to 2"))
        // The log keeps both passes: the first answer and the new one.
        let session = try home.sessionText("r")
        #expect(session.contains(#""text":"nej""#) && session.contains(#""text":"ja""#) && session.contains(#""type":"revised""#))
    }

    @Test func fromStartsAtTheQuestionAndKeepsTheAnswersBeforeIt() throws {
        #expect(try runProgram(["--session", "r"], input: Data("I marts\nnej\nja\n".utf8), home: home).status == 0)
        let replay = try runProgram(["replay", "r", "--from", "skema"], input: Data("nej\n".utf8), home: home)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(!replay.stdout.contains("Hvornår skal du holde din MUS-samtale?"))
        #expect(replay.stdout.contains("[was: Ja]"))
        #expect(replay.stdout.contains("skema: «Ja» → «Nej»"))
        #expect(try runProgram(["replay", "r", "--from", "nowhere"], home: home).stderr.contains("no part or question has the id 'nowhere'"))
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
            v: ændret ordlyd projekt: «Hvad hedder projektet?» → «Hvilket projekt er du stoltest af?»

            """)

        let replay = try runProgram(["replay", "v", "--dialogues", dialogues.path], input: Data("\nnyt svar\n\n".utf8), home: home)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(replay.stdout.contains("[was: Apollo]"))
        #expect(replay.stdout.contains("ny: nyt svar «nyt svar»"))
        #expect(replay.stdout.contains("gammel: «ja tak» lagt til side"))
        #expect(try runProgram(["replay", "v", "--check", "--dialogues", dialogues.path], home: home).status == 0)
    }
}
