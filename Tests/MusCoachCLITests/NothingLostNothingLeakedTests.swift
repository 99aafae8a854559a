import Foundation
import Testing

/// A copied session file, control characters in answers, and deleting: what is acknowledged stays
/// where it was written, nothing typed drives the terminal, and what is deleted is gone from the disk.
@Suite(.serialized) struct NothingLostNothingLeakedTests {
    let home = TestHome()

    @Test func aCopiedSessionFileIsWrittenUnderItsOwnNameAndTheOriginalIsLeftAlone() throws {
        #expect(try runProgram(["--new", "--session", "k9"], input: Data("I marts\nja\n".utf8), home: home).status == 0)
        let original = home.sessions.appendingPathComponent("k9.json")
        let copy = home.sessions.appendingPathComponent("k9copy.json")
        try FileManager.default.copyItem(at: original, to: copy)
        let before = try Data(contentsOf: original)

        let resumed = try runProgram(["--session", "k9copy"], input: Data("nej\n".utf8), home: home)
        #expect(resumed.status == 0)
        #expect(try Data(contentsOf: original) == before, "the original's answers are untouched")
        let copied = try home.sessionText("k9copy")
        #expect(copied.contains(#""name":"k9copy""#))
        #expect(copied.contains(#""text":"nej""#))
        // The original goes on with its own answers.
        #expect(try runProgram(["--session", "k9"], input: Data("ja\n".utf8), home: home).status == 0)
        #expect(try home.sessionText("k9").contains(#""text":"ja""#))
        #expect(try !home.sessionText("k9").contains(#""text":"nej""#))
    }

    @Test func controlCharactersInAnAnswerNeverReachTheTerminalOrTheFiles() throws {
        let delivered = "Jeg leverede projekt Apollo tre uger før deadline og sparede kunden 200.000 kr."
        let hostile = "Jeg leverede\u{1B}[2J\u{1B}[31m projekt\u{07} Apollo \u{202E}tre uger\u{9B}\r"
        let input = try happyPathInput().replacingOccurrences(of: delivered, with: hostile)
        #expect(try runProgram(["--new", "--session", "esc"], input: Data(input.utf8), home: home).status == 0)
        let session = try home.sessionText("esc")
        #expect(session.contains(#""text":"Jeg leverede[2J[31m projekt Apollo tre uger""#))
        #expect(!session.contains("\\u001b") && !session.contains("\u{202E}"))

        let terminal = try PseudoTerminal(["summary", "esc", "--format", "text"], home: home)
        terminal.expect("[2J[31m projekt Apollo tre uger")
        #expect(terminal.waitForExit() == 0)
        #expect(!terminal.output.contains("\u{1B}[2J") && !terminal.output.contains("\u{1B}[31m"))
        #expect(!terminal.output.contains("\u{202E}") && !terminal.output.contains("\u{07}"))

        let html = try runProgram(["summary", "esc", "--format", "html"], home: home)
        #expect(html.stdout.contains("projekt Apollo tre uger") && !html.stdout.contains("\u{202E}"))
    }

    @Test func aNoteWithControlCharactersIsStoredAndListedClean() throws {
        #expect(try runProgram(["note", "Leverede\u{1B}]0;hacked\u{07} Apollo"], home: home).status == 0)
        let listed = try runProgram(["notes"], home: home).stdout
        #expect(listed.contains("Leverede]0;hacked Apollo"))
        #expect(!listed.contains("\u{1B}") && !listed.contains("\u{07}"))
    }

    @Test func theHistoryFileKeepsCommandsNotAnswersAndNoneWhenTurnedOff() throws {
        let history = home.folder.appendingPathComponent("state/mus-coach/history")
        // A history file from an earlier version, with an answer in it.
        try FileManager.default.createDirectory(at: history.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("/hjælp\nmin chef er umulig\n".utf8).write(to: history)

        let terminal = try PseudoTerminal(["--new", "--session", "h"], home: home)
        terminal.answer("Hvornår skal du holde din MUS-samtale?", "3. marts, hemmeligt svar om lønnen\r")
        terminal.answer("Har du haft en MUS-samtale før?", "/status\r")
        terminal.answer(nil, "\u{04}")
        #expect(terminal.waitForExit() == 0)
        let kept = try String(contentsOf: history, encoding: .utf8)
        #expect(kept.contains("/status") && kept.contains("/hjælp"))
        #expect(!kept.contains("hemmeligt") && !kept.contains("umulig"))
        #expect(try home.sessionText("h").contains("hemmeligt svar om lønnen"), "the answer is in the session")

        try FileManager.default.removeItem(at: history)
        let off = try PseudoTerminal(["--new", "--session", "h2"], home: home, extraEnvironment: ["MUS_COACH_HISTORY": "off"])
        off.answer("Hvornår skal du holde din MUS-samtale?", "/status\r")
        off.answer(nil, "\u{04}")
        #expect(off.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: history.path))
    }

    @Test func deletingASessionRemovesItsRevisionsBriefAndLockAfterConfirmation() throws {
        let answers = try happyPathInput()
        #expect(try runProgram(["--new", "--session", "gone"], input: Data(answers.utf8), home: home).status == 0)
        #expect(try runProgram(["replay", "gone"], input: Data(), home: home).status == 0)
        #expect(try runProgram(["--new", "--session", "kept"], input: Data("I marts\n".utf8), home: home).status == 0)
        let files = { try FileManager.default.contentsOfDirectory(atPath: home.sessions.path).filter { $0.hasPrefix("gone") || $0.hasPrefix(".gone") } }
        #expect(try files().contains("gone.brief.md"))

        let unconfirmed = try runProgram(["sessions", "--delete", "gone"], home: home)
        #expect(unconfirmed.status == 1)
        #expect(unconfirmed.stderr.contains("tilføj --yes for at bekræfte"))
        #expect(try files().contains("gone.json"))

        let terminal = try PseudoTerminal(["sessions", "--delete", "gone"], home: home)
        terminal.expect("[j/N] ")
        terminal.type("n\r")
        terminal.expect("intet slettet")
        #expect(terminal.waitForExit() == 0)
        #expect(try files().contains("gone.json"))

        let confirmed = try PseudoTerminal(["sessions", "--delete", "gone"], home: home)
        confirmed.expect("[j/N] ")
        confirmed.type("ja\r")
        confirmed.expect("slettede sessionen »gone«")
        #expect(confirmed.waitForExit() == 0)
        #expect(try files().isEmpty)
        #expect(try runProgram(["sessions"], home: home).stdout.hasPrefix("kept\t"))
        #expect(try runProgram(["sessions", "--delete", "kept", "--yes"], home: home).status == 0)
        #expect(try runProgram(["sessions", "--delete", "kept", "--yes"], home: home).stderr.contains("der er ingen session »kept«"))
    }
}
