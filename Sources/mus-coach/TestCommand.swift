import ArgumentParser
import CoachLibrary
import Foundation

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: ProgramLanguage.text(
            "Kør dialogernes testplaner (dialogues/tests/*.plan) og skriv en linje pr. test.",
            "Run golden dialogue tests (dialogues/tests/*.plan) and print a line per test.")
    )

    @Argument(help: .text(
        "Planfiler eller mapper, hvis .plan-filer alle køres (standard: alle planer i dialogmappens tests/).",
        "Plan files, or folders whose .plan files are all run (default: every plan in the dialogues folder's tests/)."))
    var plans: [String] = []

    @OptionGroup var options: DialogueOptions

    func run() throws {
        let library = try options.library()
        let urls = plans.isEmpty ? library.planURLs() : plans.flatMap(Self.planURLs)
        guard !urls.isEmpty else {
            throw CLIError(ProgramLanguage.text("ingen dialogtest fundet i \(plans.isEmpty ? library.folder.path + "/tests" : plans.joined(separator: ", "))", "no dialogue tests found in \(plans.isEmpty ? library.folder.path + "/tests" : plans.joined(separator: ", "))"))
        }
        var passed = 0
        var failed = 0
        for url in urls {
            switch library.runPlan(at: url) {
            case .ran(let result) where result.passed:
                passed += 1
                Console.line("PASS \(result.plan.name) (" + ProgramLanguage.count(result.stepsRun, ("trin", "step"), ("trin", "steps")) + ")")
            case .ran(let result):
                failed += 1
                Console.line("FAIL \(result.plan.name)\n  \(result.failure!)")
            case .broken(let problem):
                failed += 1
                Console.line("FAIL \(url.lastPathComponent)\n  \(problem)")
            }
        }
        Console.line(ProgramLanguage.text("dialogtest: \(passed) bestået, \(failed) fejlet", "dialogue tests: \(passed) passed, \(failed) failed"))
        if failed > 0 { throw ExitCode(1) }
    }

    /// A plan file as it is; a folder as its `.plan` files in name order.
    private static func planURLs(_ path: String) -> [URL] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [URL(fileURLWithPath: path)] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".plan") }.sorted().map { URL(fileURLWithPath: path).appendingPathComponent($0) }
    }
}
