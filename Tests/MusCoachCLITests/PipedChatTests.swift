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

/// `/privat` keeps the last answer out of what goes to the manager, `/del` puts it back, and
/// `mus-coach agenda` writes the mail draft from the shared answers only.
@Test func privateAnswersStayOutOfTheAgendaMailDraft() throws {
    let home = TestHome()
    let input = "Torsdag zqxdato kl. 10\n/privat\n/opsummering\nja\n/privat haft-mus-foer\n/del haft-mus-foer\n/privat ukendt\n"
    let chat = try runProgram(["--new", "--session", "p"], input: Data(input.utf8), home: home)
    #expect(chat.status == 0)
    #expect(chat.stdout.contains("🔒 mus-dato er privat"))
    #expect(chat.stdout.contains("[mus-dato] 🔒 privat"))
    #expect(chat.stdout.contains("✉ haft-mus-foer deles"))
    #expect(chat.stdout.contains("! ukendt er ikke et af dine svar"))

    let mail = home.folder.appendingPathComponent("agenda.eml")
    let agenda = try runProgram(["agenda", "p", "--format", "eml", "--to", "leder@example.dk", "-o", mail.path], home: home)
    #expect(agenda.status == 0, "\(agenda.stderr)")
    let written = try String(contentsOf: mail, encoding: .utf8)
    #expect(written.hasPrefix("MIME-Version: 1.0\r\n") && written.contains("\r\nTo: leder@example.dk\r\n"))
    #expect(decodedMailParts(written).count == 2)
    // A real mail parser reads it without a defect: both parts, the subject decoded, the recipient.
    let (parsed, read) = try runPython("Tests/Mail/read_eml.py", [mail.path])
    #expect(parsed == 0, "\(read)")
    #expect(read.contains("subject: Mine punkter til MUS-samtalen") && read.contains("to: leder@example.dk"))
    #expect(read.contains("part: text/plain utf-8") && read.contains("part: text/html utf-8") && !read.contains("zqxdato"))
    for part in decodedMailParts(written) {
        #expect(part.lowercased().contains("mine punkter til mus-samtalen") && !part.contains("zqxdato"))
    }
    #expect(try FileManager.default.attributesOfItem(atPath: mail.path)[.posixPermissions] as? Int == 0o600)
    // The brief, the person's own, keeps it and says it is private.
    let brief = try runProgram(["summary", "p", "--format", "text"], home: home)
    #expect(brief.stdout.contains("zqxdato") && brief.stdout.contains("(privat)"))
    #expect(try runProgram(["agenda", "p", "--to", "a@b.dk"], home: home).status != 0)
}

/// The text and HTML parts of a mail draft, decoded from base64.
func decodedMailParts(_ mail: String) -> [String] {
    mail.components(separatedBy: "\r\n\r\n").dropFirst(2).map { part in
        let base64 = part.components(separatedBy: "\r\n--").first!.replacingOccurrences(of: "\r\n", with: "")
        return String(decoding: Data(base64Encoded: base64) ?? Data(), as: UTF8.self)
    }
}
