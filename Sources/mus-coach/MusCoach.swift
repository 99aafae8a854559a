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
        discussion: ProgramLanguage.text(
            "Uden kommando starter chatten: mus-coach [--lang da|en] [--session NAVN] [--new] [--script NAVN]. Se mus-coach chat --help.",
            "Without a command the chat starts: mus-coach [--lang da|en] [--session NAME] [--new] [--script NAME]. See mus-coach chat --help."),
        subcommands: [Chat.self, Replay.self, NoteCommand.self, NotesCommand.self, Followup.self, Status.self, Agreements.self, ConclusionCommand.self, History.self, Serve.self, Analyse.self,
                      Sessions.self, Summary.self, AgendaCommand.self, Check.self, Graph.self, Test.self, Install.self],
        defaultSubcommand: Chat.self
    )

    /// As ArgumentParser's own `main`, with its help, its usage errors and the store's errors in the program's language.
    static func main() {
        do {
            // The chat takes no words of its own: a first word that is no command is a misspelt one.
            if let word = CommandLine.arguments.dropFirst().first, !word.hasPrefix("-"), !commandNames.contains(word) {
                throw CLIError(unknownCommand(word))
            }
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

extension MusCoach {
    static var commandNames: [String] { configuration.subcommands.map { $0._commandName } + ["help"] }

    /// »sumary« is no command; the nearest one (by letters to change) is suggested when it is close.
    static func unknownCommand(_ word: String) -> String {
        let nearest = commandNames.map { ($0, editDistance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        let suggestion = nearest.flatMap { $0.1 <= max(2, word.count / 3) ? $0.0 : nil }
        return ProgramLanguage.text(
            "»\(word)« er ikke en kommando" + (suggestion.map { "; mente du »\($0)«?" } ?? "") + " (mus-coach --help viser dem alle)",
            "'\(word)' is not a command" + (suggestion.map { "; did you mean '\($0)'?" } ?? "") + " (mus-coach --help lists them)")
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var diagonal = row[0]
            row[0] = i + 1
            for (j, y) in b.enumerated() {
                let above = row[j + 1]
                row[j + 1] = min(above + 1, row[j] + 1, diagonal + (x == y ? 0 : 1))
                diagonal = above
            }
        }
        return row[b.count]
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
