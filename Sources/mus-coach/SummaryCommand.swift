import ArgumentParser
import CoachEngine
import CoachLibrary
import CoachStore
import CoachSummary
import CoachText
import Foundation

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Write the brief for a session: talking points and the case for each development wish."
    )

    @Argument(help: "A session name, or the path of a session file or transcript.")
    var session: String

    @Option(help: "markdown, json, html or text.")
    var format: BriefFormat = .markdown

    @Option(name: .shortAndLong, help: "Write to this file (readable only by you) instead of standard output.")
    var output: String?

    @Flag(help: "Show after each point the answers it came from (Markdown).")
    var sources = false

    @OptionGroup var options: DialogueOptions

    func run() throws {
        let transcript = try loadTranscript()
        let identity = transcript.script
        guard let language = Language(rawValue: identity.language) else {
            throw CLIError("the transcript's language '\(identity.language)' is not da or en")
        }
        let library = try options.library()
        let program = ScriptProgram(try options.script(identity.id, language: identity.language))
        let brief = BriefBuilder.build(transcript, program: program, synonyms: library.synonyms(language))
        let text = brief.render(format, showSources: sources)
        if let output {
            try PrivateFiles.replaceAtomically(URL(fileURLWithPath: output), with: Data(text.utf8))
        } else {
            Console.out(text)
        }
    }

    /// A file path (a session file or a bare transcript), else a session name in the store.
    private func loadTranscript() throws -> Transcript {
        guard FileManager.default.fileExists(atPath: session) else {
            let store = try SessionStore(folder: SessionStore.defaultFolder())
            ServeJournal.applyIfIdle(store: store, library: try? options.library())
            return try store.load(session).transcript
        }
        let url = URL(fileURLWithPath: session)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw CLIError("\(session): cannot read the file") }
        if let file = try? JSONDecoder().decode(SessionFile.self, from: data) { return file.transcript }
        do {
            return try JSONDecoder().decode(Transcript.self, from: data)
        } catch {
            throw CLIError("\(session): neither a session file nor a transcript (\(error))")
        }
    }
}

extension BriefFormat: ExpressibleByArgument {}
