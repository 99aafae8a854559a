import ArgumentParser
import CoachEngine
import CoachStore
import CoachSummary
import CoachTerminal
import CoachText
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chat",
        abstract: ProgramLanguage.text(
            "Forbered din MUS som en chat, gemt efter hvert svar (standardkommandoen).",
            "Prepare your MUS as a chat, saved after every answer (the default command).")
    )

    @Option(help: .text("Stien til et script eller et navn i mappen med dialoger.", "A script path, or a name in the dialogues folder."))
    var script: String = "mus"

    @Option(help: .text("Sproget: da (dansk) eller en (engelsk).", "The language: da (Danish) or en (English)."))
    var lang: String = "da"

    @Option(help: .text("Åbn eller opret sessionen med dette navn.", "Open or create the session with this name."))
    var session: String?

    @Flag(help: .text(
        "Start en ny session i stedet for at tilbyde at fortsætte den seneste ufærdige.",
        "Start a new session instead of offering to resume the latest unfinished one."))
    var new = false

    @OptionGroup var options: DialogueOptions

    func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError(ProgramLanguage.text("--lang skal være »da« eller »en«, ikke »\(lang)«", "--lang must be 'da' or 'en', not '\(lang)'")) }
        if let session { try SessionStore.validate(name: session) }
    }

    func run() throws {
        Signals.install()
        let (loaded, text) = try options.scriptAndText(script, language: lang)
        let program = ScriptProgram(loaded)
        let environment = ProcessInfo.processInfo.environment
        let store = try SessionStore(folder: SessionStore.defaultFolder(environment: environment))
        try ScriptArchive(store: store).keep(text, as: Transcript.ScriptIdentity(loaded))
        ServeJournal.applyIfIdle(store: store, library: try? options.library())
        let terminal = isatty(0) == 1 && isatty(1) == 1
        let renderer = ChatRenderer(language: program.script.language, style: TerminalStyle.detect(environment: environment),
                                    sharedCopy: YearCycle.sharedCopy(of: program.script))
        if terminal {
            try talk(program, store, renderer, ReadlineSource(historyPath: ChatHistory.path(environment)))
        } else {
            let label = program.script.language == .danish ? "forslag:" : "suggested:"
            try talk(program, store, renderer, PlainLineSource(write: Console.out, prefillLabel: label))
        }
    }

    private func talk<Source: LineSource>(_ program: ScriptProgram, _ store: SessionStore, _ renderer: ChatRenderer,
                                          _ source: Source) throws {
        var source = source
        let opened = try SessionPicker(store: store, program: program, renderer: renderer)
            .open(named: session, fresh: new, source: &source)
        let strings = SessionStrings(renderer)
        let library = try options.library()
        // From last year: the agreements to ask about and the notes written since.
        var cycle = YearCycle(store: store, library: library)
        let carried = cycle.carried(into: program)
        let chat = SavedChat(store: store, program: program, renderer: renderer, library: library)
        switch try chat.talk(opened, replaying: carried.suggestions, notes: carried.notes, source: source, write: Console.out) {
        case .finished(let conclusion, let savedURL, let name, _):
            Console.out("\n" + renderer.style.wrapHanging(conclusion))
            Console.message(strings.finished(name))
            Console.message(strings.conclusionSaved(savedURL.path, session: name, isFollowUp: chat.isFollowUp))
        case .stopped(let name, _, let saved):
            Console.message(saved ? strings.saved(name, script: program.script.id) : strings.nothingSaved)
        }
    }
}

extension Timestamp {
    static var now: Timestamp {
        Timestamp(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded()))
    }
}
