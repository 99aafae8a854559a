import ArgumentParser
import CoachEngine
import CoachLibrary
import CoachJSON
import CoachStore
import CoachSummary
import CoachText
import Foundation

struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: ProgramLanguage.text(
            "Skriv udkastet til samtalen for en session: talepunkter og argumenterne for hvert udviklingsønske.",
            "Write the brief for a session: talking points and the case for each development wish.")
    )

    @Argument(help: .text(
        "Navnet på en session eller stien til en sessionsfil eller en udskrift (standard: din seneste forberedelse).",
        "A session name, or the path of a session file or transcript (default: your latest preparation)."))
    var session: String?

    @Option(help: .text("markdown, json, html eller text.", "markdown, json, html or text."))
    var format: BriefFormat = .markdown

    @Option(name: .shortAndLong, help: .text(
        "Skriv til denne fil (som kun du kan læse) i stedet for til skærmen.",
        "Write to this file (readable only by you) instead of standard output."))
    var output: String?

    @Flag(help: .text("Vis efter hvert punkt de svar, det bygger på (Markdown).", "Show after each point the answers it came from (Markdown)."))
    var sources = false

    @Option(help: .text(
        "Udkastet fra denne gennemgang (se `mus-coach sessions --revisions NAVN`; standard: den seneste).",
        "The brief for this revision (see `mus-coach sessions --revisions NAME`; default: the latest)."))
    var revision: Int?

    @OptionGroup var options: DialogueOptions

    func run() throws {
        let saved = try SavedBriefInput(session: session, revision: revision, options: options)
        let brief = BriefBuilder.build(saved.transcript, program: saved.program, knowledge: saved.knowledge)
        let text = brief.render(format, showSources: sources)
        if let output {
            try PrivateFiles.replaceAtomically(URL(fileURLWithPath: output), with: Data(text.utf8))
        } else {
            Console.out(text)
        }
    }
}

/// What a brief or an agenda is built from: a session's transcript (or one revision of it), the
/// script version it ran on, and the brief's knowledge for its language.
struct SavedBriefInput {
    /// The session as named (or the file as given, or the latest preparation found).
    let session: String
    let transcript: Transcript
    let program: ScriptProgram
    let knowledge: BriefKnowledge

    init(session: String?, revision: Int?, options: DialogueOptions) throws {
        let session = try session ?? Self.latestPreparation(options: options)
        var transcript = try Self.loadTranscript(session, options: options)
        let library = try options.library()
        var versions = ScriptVersions(library: library, archive: ScriptArchive(store: try SessionStore(folder: SessionStore.defaultFolder())))
        if let revision {
            let revisions = transcript.revisions
            guard revisions.indices.contains(revision - 1) else {
                throw CLIError(ProgramLanguage.text("--revision skal være fra 1 til \(revisions.count) for denne session", "--revision must be from 1 to \(revisions.count) for this session"))
            }
            transcript = revisions[revision - 1].transcript
        }
        let identity = transcript.script
        guard let language = Language(rawValue: identity.language) else {
            throw CLIError(ProgramLanguage.text("udskriftens sprog »\(identity.language)« er hverken da eller en", "the transcript's language '\(identity.language)' is not da or en"))
        }
        guard let program = versions.program(for: identity) ?? versions.current(identity) else {
            throw CLIError(ProgramLanguage.text("ingen dialog »\(identity.id)« på »\(identity.language)« i \(library.folder.path)", "no script '\(identity.id)' in '\(identity.language)' in \(library.folder.path)"))
        }
        self.session = session
        self.transcript = transcript
        self.program = program
        knowledge = try library.knowledgeForBriefs(language)
    }

    /// The person's latest preparation (not a follow-up, not a gateway user's), said on stderr.
    private static func latestPreparation(options: DialogueOptions) throws -> String {
        let store = try SessionStore(folder: SessionStore.defaultFolder())
        ServeJournal.applyIfIdle(store: store, library: try? options.library())
        let latest = store.list(including: { !SessionStore.isGatewayName($0) }).lazy.compactMap { listing -> SessionFile? in
            guard case .session(let file) = listing, file.gateway == nil, file.transcript.script.id != YearCycle.followUpScript else { return nil }
            return file
        }.first
        guard let latest else {
            throw CLIError(ProgramLanguage.text("der er ingen forberedelse endnu; start en med: mus-coach", "there is no preparation yet; start one with: mus-coach"))
        }
        Console.error(ProgramLanguage.text("din seneste forberedelse: »\(latest.name)« (ændret \(SessionStrings.format(latest.updated)))",
                                           "your latest preparation: '\(latest.name)' (changed \(SessionStrings.format(latest.updated)))"))
        return latest.name
    }

    /// A file path (a session file or a bare transcript), else a session name in the store (also
    /// when a folder of that name is where the command runs).
    private static func loadTranscript(_ session: String, options: DialogueOptions) throws -> Transcript {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: session, isDirectory: &isFolder), !isFolder.boolValue else {
            let store = try SessionStore(folder: SessionStore.defaultFolder())
            ServeJournal.applyIfIdle(store: store, library: try? options.library())
            return try store.load(session).transcript
        }
        let url = URL(fileURLWithPath: session)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw CLIError(ProgramLanguage.text("\(session): filen kan ikke læses", "\(session): cannot read the file")) }
        let bytes = [UInt8](data)
        do {
            let value = try JSONParser.parse(bytes)
            // A session file says its format; a bare transcript has none.
            if value["format"] != nil { return try SessionFile(json: bytes).transcript }
            return try Transcript(json: try JSONObjectReader(value))
        } catch {
            throw CLIError(ProgramLanguage.text("\(session): hverken en sessionsfil eller en udskrift (\(error))", "\(session): neither a session file nor a transcript (\(error))"))
        }
    }
}

extension BriefFormat: ExpressibleByArgument {}
