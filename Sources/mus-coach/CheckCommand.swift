import ArgumentParser
import CoachLibrary
import CoachScript
import Foundation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: ProgramLanguage.text(
            "Tjek dialogscripts, og vis hvert problem, og hvor det står.",
            "Check dialogue scripts and report every problem with its place."),
        discussion: ProgramLanguage.text(
            "Afslutningsstatus 0, når intet script har fejl, ellers 1. Koderne er forklaret i docs/diagnostics.md.",
            "Exit status 0 when no script has errors, 1 otherwise. Codes are explained in docs/diagnostics.md.")
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json
    }

    @Argument(help: .text(
        "Stier til scripts eller deres navne (standard: alle scripts i mappen med dialoger).",
        "Script paths or names (default: every script in the dialogues folder)."))
    var scripts: [String] = []

    @Option(help: .text("text (til mennesker) eller json (til editorer).", "text (for people) or json (for editors)."))
    var format: Format = .text

    @OptionGroup var options: DialogueOptions

    func run() throws {
        let library = try options.library()
        let urls = scripts.isEmpty ? library.scriptURLs() : scripts.map { library.scriptURL($0, language: nil) }
        guard !urls.isEmpty else { throw CLIError(ProgramLanguage.text("ingen dialoger fundet i \(library.folder.path)", "no scripts found in \(library.folder.path)")) }
        var all: [Diagnostic] = []
        var sources: [String: String] = [:]
        var summaries: [String] = []
        for url in urls {
            let (result, source) = DialogueLibrary.loadScript(at: url)
            let path = DialogueLibrary.displayPath(url)
            sources[path] = source
            all += result.diagnostics
            if let script = result.script {
                let questions = script.allQuestions.count
                let counts = [ProgramLanguage.count(script.sections.count, ("afsnit", "section"), ("afsnit", "sections")),
                              ProgramLanguage.count(questions, ("spørgsmål", "question"), ("spørgsmål", "questions")),
                              ProgramLanguage.count(script.tips.count, ("tip", "tip"), ("tips", "tips"))]
                summaries.append("\(path): ok (\(counts.joined(separator: ", ")))")
            }
        }
        // The objection banks the brief reads, checked with the scripts when no script is named.
        var bankErrors: [String] = []
        for url in scripts.isEmpty ? library.objectionBankURLs() : [] {
            let path = DialogueLibrary.displayPath(url)
            do {
                guard let data = FileManager.default.contents(atPath: url.path), let text = String(validating: data, as: UTF8.self) else {
                    throw CLIError(ProgramLanguage.text("\(path): filen kan ikke læses som UTF-8-tekst", "\(path): cannot read the file as UTF-8 text"))
                }
                let bank = try ObjectionBankLoader.load(text: text, path: path)
                summaries.append("\(path): ok (" + ProgramLanguage.count(bank.entries.count, ("indvending", "objection"), ("indvendinger", "objections")) + ")")
            } catch {
                bankErrors.append("\(error)")
            }
        }
        switch format {
        case .json:
            Console.line(DiagnosticRenderer.json(all))
        case .text:
            if !all.isEmpty { Console.error(DiagnosticRenderer(sources: sources).render(all)) }
            summaries.forEach { Console.line($0) }
        }
        bankErrors.forEach { Console.error("error: \($0)") }
        if all.hasErrors || !bankErrors.isEmpty { throw ExitCode(1) }
    }
}
