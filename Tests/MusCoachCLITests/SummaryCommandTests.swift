import Foundation
import Testing

/// The answers of the full Danish happy path, as one piped conversation.
func happyPathInput() throws -> String {
    let plan = try String(contentsOf: repository.appendingPathComponent("dialogues/tests/glad-vej.da.plan"), encoding: .utf8)
    return plan.split(separator: "\n", omittingEmptySubsequences: false)
        .filter { $0.hasPrefix(">") }
        .map { String($0.dropFirst()).trimmingCharacters(in: .whitespaces) }
        .joined(separator: "\n") + "\n"
}

@Test func finishingTheConversationShowsAndSavesTheBrief() throws {
    let home = TestHome()
    let result = try runProgram(["--new", "--session", "hel"], input: Data(try happyPathInput().utf8), home: home)
    #expect(result.status == 0)
    #expect(result.stdout.contains("MIN FORBEREDELSE TIL MUS"))
    #expect(result.stdout.contains("Dækker behovet: Flere arkitekter"))
    let brief = home.sessions.appendingPathComponent("hel.brief.md")
    #expect(result.stdout.contains("Dit udkast til samtalen er gemt i:\n  \(brief.path)\nAndre formater:\n  mus-coach summary hel --format html\n"))
    #expect(!result.stdout.contains("Fortsæt senere"), "a finished preparation has nothing to continue")
    #expect(try String(contentsOf: brief, encoding: .utf8).hasPrefix("# Min forberedelse til MUS"))
    let mode = try FileManager.default.attributesOfItem(atPath: brief.path)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
}

@Test(arguments: [("markdown", "## Udviklingsønsker og argumentation"), ("json", "\"format\" : \"mus-coach-brief/2\""),
                  ("html", "<svg xmlns=\"http://www.w3.org/2000/svg\""), ("text", "UDVIKLINGSØNSKER")])
func summaryOfASessionInEachFormat(format: String, expected: String) throws {
    let home = TestHome()
    _ = try runProgram(["--new", "--session", "s"], input: Data(try happyPathInput().utf8), home: home)
    let result = try runProgram(["summary", "s", "--format", format], home: home)
    #expect(result.status == 0)
    #expect(result.stdout.uppercased().contains(expected.uppercased()), "\(result.stderr)")
}

@Test func summaryOfAFileWithSourcesToAPrivateFile() throws {
    let home = TestHome()
    let answers = "i morgen\nja\nja\nAlt\n\nKurser og mentorordning for alle nye\n\n1\n5 dage om året\nja\n\nJeg leverede Apollo i marts\n"
    _ = try runProgram(["--new", "--session", "s"], input: Data(answers.utf8), home: home)
    let output = home.folder.appendingPathComponent("brief.md")
    let result = try runProgram(["summary", home.sessions.appendingPathComponent("s.json").path, "--sources", "-o", output.path], home: home)
    #expect(result.status == 0, "\(result.stderr)")
    let text = try String(contentsOf: output, encoding: .utf8)
    #expect(text.contains("- Jeg leverede Apollo i marts _(kilde: `lykkedes`)_"))
    let mode = try FileManager.default.attributesOfItem(atPath: output.path)[.posixPermissions] as? NSNumber
    #expect(mode?.intValue == 0o600)
}

@Test func summaryOfAnUnknownSessionSaysSo() throws {
    let result = try runProgram(["summary", "findes-ikke"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("der er ingen session »findes-ikke«"))
}
