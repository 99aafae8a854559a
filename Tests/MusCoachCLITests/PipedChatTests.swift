import Foundation
#if canImport(Glibc)
import Glibc
#endif
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
    let result = try runProgram(["--lang", "en", "--new"], input: Data("\nno\nno\nCourses and mentoring for everyone\n\n9\n".utf8))
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

/// A gateway may keep stdin open: SIGTERM must still end the chat, with the answers saved.
@Test func sigtermEndsAPipedChatWaitingForInput() throws {
    let home = TestHome()
    let process = Process()
    process.executableURL = programURL
    process.arguments = ["--new", "--session", "p"]
    process.currentDirectoryURL = repository
    process.environment = home.environment
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    try process.run()
    stdin.fileHandleForWriting.write(Data("i morgen\n".utf8))
    var output = ""
    let deadline = Date().addingTimeInterval(10)
    while !output.contains("Har du haft en MUS-samtale før?") && Date() < deadline {
        output += String(decoding: stdout.fileHandleForReading.availableData, as: UTF8.self)
    }
    // Let it block on reading the next line, as it would behind a quiet gateway.
    usleep(300_000)
    process.terminate()
    let stopBy = Date().addingTimeInterval(5)
    while process.isRunning && Date() < stopBy { usleep(20_000) }
    if process.isRunning {
        kill(process.processIdentifier, SIGKILL)
        Issue.record("SIGTERM did not end the chat within 5 s")
    }
    process.waitUntilExit()
    output += String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    #expect(output.contains("Dine svar er gemt i sessionen »p«"))
    #expect(try home.sessionText("p").contains(#""text":"i morgen""#))
}
