import ArgumentParser
import CoachScript

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Draw a script: sections, questions, conditional edges and probes."
    )

    @Argument(help: "A script path or name, e.g. mus.da.")
    var script: String

    @Option(help: "dot (Graphviz) or mermaid.")
    var format: GraphFormat = .dot

    @OptionGroup var options: DialogueOptions

    func run() throws {
        Console.out(ScriptGraph(try options.script(script, language: nil)).render(format))
    }
}

extension GraphFormat: ExpressibleByArgument {}
