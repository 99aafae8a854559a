import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The chat on a real pseudo-terminal: readline editing, completion, Ctrl-C, Ctrl-D, signals.
/// Each step waits for the question and its prompt before typing, as a person would.
@Suite(.serialized) struct TerminalChatTests {
    let home = TestHome()

    static let first = "Hvornår skal du holde din MUS-samtale?"
    static let hadMUS = "Har du haft en MUS-samtale før?"
    static let form = "Har du fået en invitation"
    static let opportunities = "Hvilke udviklingsmuligheder"

    @Test func answersTabCompletionAndGoingBack() throws {
        let terminal = try PseudoTerminal(["--new", "--session", "t"], home: home)
        terminal.answer(Self.first, "12. december\r")
        terminal.answer(Self.hadMUS, "n\t\r")
        terminal.answer(Self.form, "/til\t\r")
        terminal.answer(Self.hadMUS, "ja\r")
        terminal.answer(Self.form, "\u{04}")
        terminal.expect("Dine svar er gemt i sessionen »t«")
        #expect(terminal.waitForExit() == 0)
        let session = try home.sessionText("t")
        #expect(session.contains(#""text":"nej""#), "Tab completed 'n' to 'nej'")
        #expect(session.contains(#""type":"wentBack""#), "Tab completed '/til' to '/tilbage'")
        #expect(session.contains(#""text":"ja""#))
    }

    @Test func aReplayPutsEachEarlierAnswerOnTheLineForEditing() throws {
        #expect(try runProgram(["--session", "r"], input: Data("I marts\nnej\n".utf8), home: home).status == 0)
        let terminal = try PseudoTerminal(["replay", "r"], home: home)
        terminal.answer(Self.first, "")
        terminal.expect("I marts")
        terminal.type("\r")
        // A yes/no stands beside the prompt, not on the line: what is typed replaces it ("ja", not "Nejja").
        terminal.expect(Self.hadMUS)
        terminal.expect("[Nej] > ")
        terminal.type("ja\r")
        terminal.answer(Self.form, "\u{04}")
        terminal.expect("haft-mus-foer: »Nej« → »Ja«")
        #expect(terminal.waitForExit() == 0)
        #expect(!terminal.output.contains("mus-dato:"), "the kept answer is not reported as changed")

        let jumped = try PseudoTerminal(["replay", "r", "--from", "haft-mus-foer"], home: home)
        jumped.expect(Self.hadMUS)
        jumped.expect("[Ja] > ")
        // A command typed there is a command; then Enter keeps the standing answer.
        jumped.type("/hjælp\r")
        jumped.expect("Kommandoer")
        jumped.expect("[Ja] > ")
        jumped.type("\r")
        jumped.answer(Self.form, "\u{04}")
        jumped.expect("Ingen svar er ændret.")
        #expect(jumped.waitForExit() == 0)
        #expect(!jumped.output.contains(Self.first), "--from starts at the question asked for")
    }

    @Test func ctrlCCancelsTheLineAndAtAnEmptyPromptAsksToStop() throws {
        let terminal = try PseudoTerminal(["--new", "--session", "t"], home: home)
        terminal.answer(Self.first, "halvfærdigt svar")
        terminal.expect("halvfærdigt svar")
        terminal.type("\u{03}")
        terminal.expect("^C")
        terminal.expect("> ")
        terminal.type("\u{03}")
        terminal.expect("Vil du stoppe? Dine svar er gemt. (j/N)")
        terminal.type("n\r")
        terminal.answer(nil, "i morgen\r")
        terminal.answer(Self.hadMUS, "\u{03}")
        terminal.expect("Vil du stoppe?")
        terminal.type("j\r")
        terminal.expect("gemt i sessionen »t«")
        #expect(terminal.waitForExit() == 0)
        let session = try home.sessionText("t")
        #expect(!session.contains("halvfærdigt"), "a cancelled line is not an answer")
        #expect(session.contains(#""text":"i morgen""#))
    }

    @Test func continuationLinesBracketedPasteAndDanishLettersWhateverTheLocale() throws {
        let terminal = try PseudoTerminal(["--new", "--session", "t"], home: home, extraEnvironment: ["LANG": "C", "LC_ALL": "C"])
        terminal.answer(Self.first, "3. marts, første linje \\\r")
        terminal.expect("… ")
        terminal.type("anden linje\r")
        terminal.answer(Self.hadMUS, "ja\r")
        terminal.answer(Self.form, "ja\r")
        terminal.answer("Hvilke punkter står der på skemaet?", "\u{1B}[200~punkt ét\npunkt to\u{1B}[201~\r")
        terminal.answer("Hvilke punkter står der konkret?", "\r")
        // Two backspaces remove "r" and a whole "æ", not half of it.
        terminal.answer(Self.opportunities, "blåbær\u{7F}\u{7F}ærtur og mentorordning til alle nye kolleger\r")
        terminal.answer("Hvem kan du spørge", "\r")
        terminal.answer("Har din arbejdsplads en personalehåndbog", "\u{04}")
        #expect(terminal.waitForExit() == 0)
        let session = try home.sessionText("t")
        #expect(session.contains(#""text":"3. marts, første linje \nanden linje""#))
        #expect(session.contains(#""text":"punkt ét\npunkt to""#))
        #expect(session.contains(#""text":"blåbærtur og mentorordning til alle nye kolleger""#))
    }

    @Test func killedMidDialogueResumesWithEveryAcknowledgedAnswer() throws {
        let terminal = try PseudoTerminal(["--new", "--session", "t"], home: home)
        terminal.answer(Self.first, "12. december\r")
        terminal.answer(Self.hadMUS, "ja\r")
        terminal.answer(Self.form, "nej\r")
        terminal.expect(Self.opportunities)
        terminal.signal(SIGKILL)
        #expect(terminal.waitForExit() == 128 + SIGKILL)

        let resumed = try PseudoTerminal(["--session", "t"], home: home)
        resumed.answer(Self.opportunities, "/opsummering\r")
        let overview = resumed.expect("    Nej")
        #expect(overview.contains("12. december"))
        #expect(overview.contains(Self.form))
        resumed.answer(nil, "/afslut\r")
        #expect(resumed.waitForExit() == 0)
    }

    @Test func sigtermAndSighupLeaveTheSessionSavedAndExitCleanly() throws {
        for signal in [SIGTERM, SIGHUP] {
            let terminal = try PseudoTerminal(["--new", "--session", "s\(signal)"], home: home)
            terminal.answer(Self.first, "i morgen\r")
            terminal.expect(Self.hadMUS)
            terminal.expect("> ")
            terminal.signal(signal)
            terminal.expect("gemt i sessionen »s\(signal)«")
            #expect(terminal.waitForExit() == 0)
            #expect(try home.sessionText("s\(signal)").contains(#""text":"i morgen""#))
        }
    }

    @Test func offersToResumeTheLatestUnfinishedSession() throws {
        let first = try PseudoTerminal(["--new", "--session", "t"], home: home)
        first.answer(Self.first, "i morgen\r")
        first.answer(Self.hadMUS, "/afslut\r")
        #expect(first.waitForExit() == 0)

        let again = try PseudoTerminal([], home: home)
        again.expect("Fortsæt forberedelsen »t«")
        again.type("\r")
        again.answer(Self.hadMUS, "/afslut\r")
        #expect(again.waitForExit() == 0)
    }

    @Test func aSecondProcessOnTheSameSessionIsRefused() throws {
        let terminal = try PseudoTerminal(["--new", "--session", "t"], home: home)
        terminal.expect(Self.first)
        terminal.expect("> ")
        let second = try runProgram(["--session", "t"], home: home)
        #expect(second.status == 1)
        #expect(second.stderr.contains("sessionen »t« er åben i en anden mus-coach"))
        terminal.type("/afslut\r")
        #expect(terminal.waitForExit() == 0)
    }
}
