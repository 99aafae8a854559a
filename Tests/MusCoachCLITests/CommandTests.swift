import Foundation
import Testing

@Test func checkPassesTheBundledScripts() throws {
    let result = try runProgram(["check"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("mus.da.yaml: ok (11 afsnit, 56 spørgsmål, 13 tips)"))
    #expect(result.stdout.contains("mus.en.yaml: ok"))
}

@Test func checkReportsProblemsWithPlaceAndCaretAndFails() throws {
    let broken = FileManager.default.temporaryDirectory.appendingPathComponent("mus-coach-broken-\(UUID()).yaml")
    try """
    script: t
    version: 1
    language: da
    title: T
    sections:
      - id: a
        title: A
        questions:
          - id: q
            ask: Hvad?
            whne: x
    """.write(to: broken, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: broken) }
    let result = try runProgram(["check", broken.path])
    #expect(result.status == 1)
    #expect(result.stderr.contains(":11:9: error[S004]: unknown key 'whne' in a question (did you mean 'when'?)\n        whne: x\n        ^"))

    let json = try runProgram(["check", broken.path, "--format", "json"])
    #expect(json.status == 1)
    let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
    #expect(rows?.first?["code"] as? String == "S004")
    #expect(rows?.first?["line"] as? Int == 11)
}

@Test func checkNamesAMissingFile() throws {
    let result = try runProgram(["check", "/nonexistent/script.yaml"])
    #expect(result.status == 1)
    #expect(result.stderr.contains("/nonexistent/script.yaml:1:1: error[S060]: no such file"))
}

@Test func testCommandRunsEveryPlanAndEndsWithACount() throws {
    let result = try runProgram(["test"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("PASS glad-vej.da"))
    #expect(result.stdout.hasSuffix("dialogtest: 10 bestået, 0 fejlet\n"))
    let folder = try runProgram(["test", "dialogues/tests"])
    #expect(folder.status == 0, "\(folder.stderr)")
    #expect(folder.stdout.hasSuffix("dialogtest: 10 bestået, 0 fejlet\n"))
    let empty = try runProgram(["test", "docs"])
    #expect(empty.status == 1 && empty.stderr.contains("ingen dialogtest fundet i docs"))
}

@Test(arguments: [("dot", "digraph script {"), ("mermaid", "flowchart TD")])
func graphDraws(format: String, firstLine: String) throws {
    let result = try runProgram(["graph", "mus.da", "--format", format])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix(firstLine))
    #expect(result.stdout.contains("when: haft-mus-foer == yes"))
}

@Test func unknownLanguageIsAUsageError() throws {
    let result = try runProgram(["chat", "--lang", "sv"])
    #expect(result.status == 64)
    #expect(result.stderr.contains("Fejl: --lang skal være »da« eller »en«, ikke »sv«"))
}

@Test func analyseShowsTheCuesFoundAndTheVerdict() throws {
    let vague = try runProgram(["analyse", "Jeg har været her i 9 år, og det gavner alle"])
    #expect(vague.status == 0)
    #expect(vague.stdout.contains("tal, der måler arbejdet: ingen"))
    #expect(vague.stdout.contains("gevinst (has_benefit; gør ikke svaret konkret): »gavner«"))
    #expect(vague.stdout.contains("vurdering: vag"))
    let concrete = try runProgram(["analyse", "--lang", "en", "We", "moved", "to", "Dynamics", "in", "March"])
    #expect(concrete.stdout.contains("name or example: “to Dynamics”"))
    #expect(concrete.stdout.contains("time frame: “March”"))
    #expect(concrete.stdout.contains("verdict: concrete"))
}

@Test func installedUnderAPrefixOrReachedThroughASymlinkTheProgramFindsItsDialogues() throws {
    let home = TestHome()
    let prefix = home.folder.appendingPathComponent("prefix")
    let installed = try runProgram(["install", "--prefix", prefix.path], home: home)
    #expect(installed.status == 0, "\(installed.stderr)")
    #expect(installed.stdout.contains("installeret: \(prefix.path)/bin/mus-coach"))
    #expect(installed.stdout.contains("er ikke i din PATH"))

    // Started by its bare name from `/`, with no dialogues variable: found beside the program.
    var environment = home.environment
    environment["MUS_COACH_DIALOGUES"] = nil
    environment["PATH"] = prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"
    let root = URL(fileURLWithPath: "/")
    let check = try runProgram(["check"], home: home, directory: root, executable: prefix.appendingPathComponent("bin/mus-coach"),
                               environment: environment)
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.contains("\(prefix.path)/share/mus-coach/dialogues/mus.da.yaml: ok"))
    let chat = try runProgram(["--new"], input: Data("/afslut\n".utf8), home: home, directory: root,
                              executable: prefix.appendingPathComponent("bin/mus-coach"), environment: environment)
    #expect(chat.status == 0, "\(chat.stderr)")
    #expect(chat.stdout.contains("Hvornår skal du holde din MUS-samtale?"))

    // Through a symlink on PATH, started by its bare name: the real program's folder leads to the checkout's dialogues.
    let links = home.folder.appendingPathComponent("links")
    try FileManager.default.createDirectory(at: links, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(at: links.appendingPathComponent("mus-coach"), withDestinationURL: programURL)
    environment["PATH"] = links.path + ":/usr/bin:/bin"
    let linked = try runProgram(["mus-coach", "check"], home: home, directory: root, executable: URL(fileURLWithPath: "/usr/bin/env"),
                                environment: environment)
    #expect(linked.status == 0, "\(linked.stderr)")
    #expect(linked.stdout.contains("\(repository.path)/dialogues/mus.da.yaml: ok"))
}

@Test func theProgramSpeaksDanishUnlessTheLocaleIsEnglish() throws {
    let home = TestHome()
    let danish = try runProgram(["note", "Kursus i Kubernetes", "--tag", "ønske"], home: home)
    #expect(danish.stdout.hasPrefix("noteret #1"), "\(danish.stderr)")
    #expect(try runProgram(["notes", "--tag", "oenske"], home: home).stdout.contains("[ønske]"), "ønske and oenske are the same tag, said »ønske«")
    var english = home.environment
    english["LANG"] = "en_GB.UTF-8"
    let noted = try runProgram(["note", "Led the sprint review", "--tag", "result"], home: home, environment: english)
    #expect(noted.stdout.hasPrefix("noted #2"))
    let missing = try runProgram(["summary", "nowhere"], home: home, environment: english)
    #expect(missing.stderr.hasPrefix("Error: no session 'nowhere'"))
    let check = try runProgram(["check"], home: home, environment: english)
    #expect(check.stdout.contains("mus.da.yaml: ok (11 sections, 56 questions, 13 tips)"))
    #expect(check.stdout.contains("objections.da.yaml: ok (6 objections)"))
    #expect(try runProgram(["summary", "nowhere"], home: home).stderr.hasPrefix("Fejl: der er ingen session »nowhere«"))
}

@Test func helpPagesAndUsageErrorsAreDanishUnlessTheLocaleIsEnglish() throws {
    let commands = ["chat", "replay", "note", "notes", "followup", "status", "agreements", "conclusion", "history", "serve", "analyse", "sessions", "summary",
                    "agenda", "check", "graph", "test", "install"]
    let englishWords = ["OVERVIEW", "USAGE", "OPTIONS", "ARGUMENTS", "SUBCOMMANDS", "Show help", "default", "values:", " the ", " or ", "See '"]
    for arguments in [["--help"]] + commands.map({ [$0, "--help"] }) {
        let help = try runProgram(arguments)
        #expect(help.status == 0, "\(arguments)")
        #expect(help.stdout.contains("OVERSIGT: ") && help.stdout.contains("TILVALG:"), "\(arguments)")
        for word in englishWords {
            #expect(!help.stdout.contains(word), "\(arguments) says \(word):\n\(help.stdout)")
        }
    }
    let overview = try runProgram(["--help"]).stdout
    #expect(overview.contains("\n  chat (standard)         Forbered din MUS som en chat"), "the column stays lined up")
    #expect(overview.contains("Se »mus-coach help <kommando>« for hjælp til en kommando."))

    let missing = try runProgram(["replay"])
    #expect(missing.status == 64)
    #expect(missing.stderr.hasPrefix("Fejl: Mangler argumentet »<session>«\nHjælp: <session>  Navnet på en session"))
    #expect(missing.stderr.contains("\nBrug:  mus-coach replay <session>"))
    #expect(missing.stderr.hasSuffix("  Se »mus-coach replay --help« for mere hjælp.\n"))
    // A misspelt command is named as one, with the nearest; the chat's own options are in the overview.
    let misspelt = try runProgram(["sumary", "x"])
    #expect(misspelt.status == 1)
    #expect(misspelt.stderr == "Fejl: »sumary« er ikke en kommando; mente du »summary«? (mus-coach --help viser dem alle)\n")
    #expect(overview.contains("Uden kommando starter chatten: mus-coach [--lang da|en] [--session NAVN]"))
    #expect(try runProgram(["summary", "x", "--format", "y"]).stderr
        .hasPrefix("Fejl: Værdien »y« passer ikke til »--format <format>«. Vælg en af »markdown«, »json«, »html« eller »text«."))
    #expect(try runProgram(["sessions", "--delet"]).stderr.hasPrefix("Fejl: Ukendt tilvalg »--delet«. Mente du »--delete«?"))
    #expect(try runProgram(["chat", "--new=3"]).stderr.hasPrefix("Fejl: Tilvalget »--new« tager ingen værdi, men fik »3«."))
    #expect(try runProgram(["sessions", "a", "b"]).stderr.hasPrefix("Fejl: 2 uventede argumenter: »a«, »b«"))
    #expect(try runProgram(["notes", "--since"]).stderr.hasPrefix("Fejl: Mangler en værdi til »--since <since>«"))

    let home = TestHome()
    var english = home.environment
    english["LANG"] = "en_GB.UTF-8"
    let englishHelp = try runProgram(["summary", "--help"], home: home, environment: english).stdout
    #expect(englishHelp.hasPrefix("OVERVIEW: Write the brief for a session"))
    #expect(englishHelp.contains("(values: markdown,"))
    let englishError = try runProgram(["replay"], home: home, environment: english).stderr
    #expect(englishError.hasPrefix("Error: Missing expected argument '<session>'\nHelp:  <session>  A session name"))
    #expect(englishError.hasSuffix("  See 'mus-coach replay --help' for more information.\n"))
    #expect(try runProgram(["sumary"], home: home, environment: english).stderr.contains("'sumary' is not a command; did you mean 'summary'?"))
}
