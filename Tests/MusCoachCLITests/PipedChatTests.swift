import Foundation
import Testing

/// With stdin not a terminal the chat reads plain lines: `printf '...' | mus-coach` works for scripting.
@Test func pipedChatAsksAnswersAndGoesBack() throws {
    let input = "12. december\nmåske\nja\n/tilbage\nnej\n/spring\n/hjælp\n/ukendt\n"
    let result = try runProgram(["--new"], input: Data(input.utf8))
    #expect(result.status == 0)
    let out = result.stdout
    #expect(out.hasPrefix("Hej! Jeg hjælper dig med at forberede din MUS-samtale"))
    #expect(out.contains("== Afsnit 1/11: Om din MUS =="))
    #expect(out.contains("! Svar ja eller nej."))
    #expect(out.components(separatedBy: "Har du haft en MUS-samtale før?").count == 4)
    #expect(out.contains("Kommandoer: /tilbage"))
    #expect(out.contains("! Ukendt kommando /ukendt"))
    #expect(!out.contains("\u{1B}["), "no escape codes when not on a terminal")
}

@Test func englishChatAndChoicesByNumber() throws {
    let result = try runProgram(["--lang", "en", "--new"], input: Data("\nno\nno\nCourses and mentoring for everyone\n9\n".utf8))
    #expect(result.stdout.contains("Have you had a MUS before?"))
    #expect(result.stdout.contains("  1) Yes, and I know them"))
    #expect(result.stdout.contains("! Choose one of the options: a number from 1 to 4, or its text."))
}

@Test func invalidUTF8IsReportedAndTheChatGoesOn() throws {
    var input = Data("12. december\n".utf8)
    input.append(contentsOf: [0x66, 0xFF, 0x0A])
    input.append(Data("ja\n".utf8))
    let result = try runProgram(["--new"], input: input)
    #expect(result.status == 0)
    #expect(result.stdout.contains("! Linjen var ikke gyldig UTF-8"))
    #expect(result.stdout.contains("Har du fået en invitation"))
}

@Test func aBrokenScriptStopsTheChatWithItsDiagnostics() throws {
    let result = try runProgram(["--script", "/nonexistent/x.yaml"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("error[S060]"))
}
