import ArgumentParser
import CoachLibrary
import CoachScript

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a script: sections, questions, conditional edges and probes."
    )

    @Argument(help: "A script path or name, e.g. mus.da.")
    var script: String

    @Option(help: "dot (Graphviz) or mermaid.")
    var format: GraphFormat = .dot

    @OptionGroup var options: DialogueOptions

    func run() throws {
        let url = try options.library().scriptURL(script, language: nil)
        let (result, source) = DialogueLibrary.loadScript(at: url)
        guard let loaded = result.script else {
            Console.error(DiagnosticRenderer(sources: source.map { [DialogueLibrary.displayPath(url): $0] } ?? [:]).render(result.diagnostics))
            throw ExitCode(1)
        }
        Console.out(ScriptGraph(loaded).render(format))
    }
}

extension GraphFormat: ExpressibleByArgument {}
