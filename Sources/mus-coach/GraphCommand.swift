import ArgumentParser
import CoachScript

struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: ProgramLanguage.text(
            "Tegn et script: afsnit, spørgsmål, betingede kanter og uddybende spørgsmål.",
            "Draw a script: sections, questions, conditional edges and probes.")
    )

    @Argument(help: .text("Stien til et script eller dets navn, fx mus.da.", "A script path or name, e.g. mus.da."))
    var script: String

    @Option(help: .text("dot (Graphviz) eller mermaid.", "dot (Graphviz) or mermaid."))
    var format: GraphFormat = .dot

    @OptionGroup var options: DialogueOptions

    func run() throws {
        Console.out(ScriptGraph(try options.script(script, language: nil)).render(format))
    }
}

extension GraphFormat: ExpressibleByArgument {}
