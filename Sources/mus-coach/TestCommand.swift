import ArgumentParser
import CoachLibrary
import Foundation

struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run golden dialogue tests (dialogues/tests/*.plan) and print a line per test."
    )

    @Argument(help: "Plan files (default: every plan in the dialogues folder's tests/).")
    var plans: [String] = []

    @OptionGroup var options: DialogueOptions

    func run() throws {
        let library = try options.library()
        let urls = plans.isEmpty ? library.planURLs() : plans.map { URL(fileURLWithPath: $0) }
        guard !urls.isEmpty else { throw CLIError("no dialogue tests found in \(library.folder.path)/tests") }
        var passed = 0
        var failed = 0
        for url in urls {
            switch library.runPlan(at: url) {
            case .ran(let result) where result.passed:
                passed += 1
                Console.line("PASS \(result.plan.name) (\(result.stepsRun) steps)")
            case .ran(let result):
                failed += 1
                Console.line("FAIL \(result.plan.name)\n  \(result.failure!)")
            case .broken(let problem):
                failed += 1
                Console.line("FAIL \(url.lastPathComponent)\n  \(problem)")
            }
        }
        Console.line("dialogue tests: \(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}
