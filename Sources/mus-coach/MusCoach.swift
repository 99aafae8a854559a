import ArgumentParser
import CoachLibrary
import CoachScript
import CoachSummary
import CoachStore
import CoachText
import Foundation

@main
struct MusCoach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mus-coach",
        abstract: ProgramLanguage.text(
            "Forbered din MUS (den årlige udviklingssamtale med din leder) som en chat.",
            "Prepare your MUS (the yearly development talk with your manager) as a chat."),
        subcommands: [Chat.self, Replay.self, NoteCommand.self, NotesCommand.self, Followup.self, Status.self, Agreements.self, ConclusionCommand.self, History.self, Serve.self, Analyse.self,
                      Sessions.self, Summary.self, AgendaCommand.self, Check.self, Graph.self, Test.self, Install.self],
        defaultSubcommand: Chat.self
    )

    /// As ArgumentParser's own `main`, with its help, its usage errors and the store's errors in the program's language.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                let help = ParserMessages.help(fullMessage(for: error))
                if !help.isEmpty { Console.line(help) }
                Foundation.exit(code.rawValue)
            }
            let message = if ProgramLanguage.current == .danish, let stored = error as? StoreError { "Fejl: " + stored.danish } else { ParserMessages.error(fullMessage(for: error)) }
            if !message.isEmpty { Console.error(message) }
            Foundation.exit(code.rawValue)
        }
    }
}

/// Options every command that reads dialogues shares.
struct DialogueOptions: ParsableArguments {
    @Option(help: .text(
        "Mappen med dialogerne (standard: $MUS_COACH_DIALOGUES, ./dialogues eller mappen ved siden af programmet).",
        "The folder with the dialogue scripts (default: $MUS_COACH_DIALOGUES, ./dialogues, or the one beside the program)."))
    var dialogues: String?

    func library() throws -> DialogueLibrary {
        guard let library = DialogueLibrary.locate(explicit: dialogues) else {
            throw CLIError(ProgramLanguage.text("kan ikke finde mappen med dialoger; angiv --dialogues MAPPE eller sæt MUS_COACH_DIALOGUES", "cannot find the dialogues folder; pass --dialogues DIR or set MUS_COACH_DIALOGUES"))
        }
        return library
    }

    /// The checked script, or its diagnostics on stderr and exit status 1.
    func script(_ nameOrPath: String, language: String?) throws -> Script {
        try scriptAndText(nameOrPath, language: language).script
    }

    /// The checked script and its text (for the archive sessions keep of the scripts they ran on).
    func scriptAndText(_ nameOrPath: String, language: String?) throws -> (script: Script, text: String) {
        let url = try library().scriptURL(nameOrPath, language: language)
        let (result, source) = DialogueLibrary.loadScript(at: url)
        guard let script = result.script, let source else {
            Console.error(DiagnosticRenderer(sources: source.map { [DialogueLibrary.displayPath(url): $0] } ?? [:]).render(result.diagnostics))
            throw ExitCode(1)
        }
        return (script, source)
    }
}

/// A failure of the command itself, printed once as `mus-coach: error: …`.
extension DialogueLibrary {
    /// The brief's synonyms and objections, or an error naming the damaged file and its place.
    func knowledgeForBriefs(_ language: Language) throws(CLIError) -> BriefKnowledge {
        do {
            return try briefKnowledge(language)
        } catch {
            throw CLIError("\(error)")
        }
    }
}

struct CLIError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
