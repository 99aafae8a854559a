import ArgumentParser
import CoachEngine
import CoachProtocol
import CoachStore
import CoachTerminal
import CoachText
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: ProgramLanguage.text(
            "Kør samtalerne bag en chat-gateway over stdin/stdout (JSON-RPC 2.0, ét objekt pr. linje).",
            "Serve conversations to a chat gateway over stdin/stdout (JSON-RPC 2.0, one object per line)."),
        discussion: ProgramLanguage.text(
            "Protokollen er beskrevet i docs/protocol.md. Med --plain: én samtale, én linje pr. besked.",
            "The protocol is described in docs/protocol.md. With --plain: one conversation, one line per message.")
    )

    @Flag(help: .text(
        "Én samtale pr. proces: hver linje ind er brugerens besked, hver linje ud én besked fra coachen.",
        "One conversation per process: each input line is the user's message, each output line one bot message."))
    var plain = false

    @Option(help: .text(
        "Mappen med sessioner (standard: $XDG_DATA_HOME/mus-coach/sessions, den samme som terminalchatten bruger).",
        "The session folder (default: $XDG_DATA_HOME/mus-coach/sessions, shared with the terminal chat)."))
    var store: String?

    @Option(help: .text("Scriptet for samtaler, der ikke selv nævner et.", "The script for conversations that name none."))
    var script: String = "mus"

    @Option(help: .text("Sproget for samtaler, der ikke selv nævner et: da eller en.", "The language for conversations that name none: da or en."))
    var lang: String = "da"

    @Option(help: .text(
        "Med --plain: åbn eller opret sessionen med dette navn (standard: en ny).",
        "--plain: open or create the session with this name (default: a new one)."))
    var session: String?

    @Option(help: .text("Den længste linje, der tages imod, i bytes.", "The longest input line accepted, in bytes."))
    var maxLineBytes: Int = 1 << 20

    @Option(help: .text(
        "Så mange sessioner holdes i hukommelsen ad gangen; flere afvises, indtil nogle har ligget stille.",
        "Sessions held in memory at once; more are refused until some fall idle."))
    var maxSessions: Int = 10_000

    @Option(help: .text(
        "Sekunder, hvorefter en uberørt session skrives ud og fjernes fra hukommelsen.",
        "Seconds after which an untouched session is written out and dropped from memory."))
    var idleTimeout: Int = 600

    @Option(help: .text(
        "Så mange MiB svar må vente på, at gatewayen læser dem; derefter læses der ikke mere, før den gør.",
        "MiB of replies that may wait for the gateway to read them; past this, reading stops until it does."))
    var maxUnreadMib: Int = 256

    /// Measuring only: replies go out before the journal is synced.
    @Flag(help: .hidden)
    var unsafeNoSync = false

    /// The journal size that triggers its first compaction (tests make it small).
    @Option(help: .hidden)
    var journalCompactionBytes: Int = 64 << 20

    @OptionGroup var options: DialogueOptions

    func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError(ProgramLanguage.text("--lang skal være »da« eller »en«, ikke »\(lang)«", "--lang must be 'da' or 'en', not '\(lang)'")) }
        guard maxLineBytes >= 1024 else { throw ValidationError(ProgramLanguage.text("--max-line-bytes skal være mindst 1024", "--max-line-bytes must be at least 1024")) }
        guard maxSessions >= 1 else { throw ValidationError(ProgramLanguage.text("--max-sessions skal være mindst 1", "--max-sessions must be at least 1")) }
        guard idleTimeout >= 1 else { throw ValidationError(ProgramLanguage.text("--idle-timeout skal være mindst 1 sekund", "--idle-timeout must be at least 1 second")) }
        guard maxUnreadMib >= 1 else { throw ValidationError(ProgramLanguage.text("--max-unread-mib skal være mindst 1", "--max-unread-mib must be at least 1")) }
        if let session { try SessionStore.validate(name: session) }
    }

    func run() throws {
        Signals.install()
        // A gateway that goes away closes our stdout: the write fails and the loop ends, quietly.
        signal(SIGPIPE, SIG_IGN)
        let folder = store.map { URL(fileURLWithPath: $0) } ?? SessionStore.defaultFolder()
        let sessionStore = try SessionStore(folder: folder)
        let library = try options.library()
        if plain {
            let (loaded, text) = try options.scriptAndText(script, language: lang)
            try ScriptArchive(store: sessionStore).keep(text, as: Transcript.ScriptIdentity(loaded))
            try PlainServer(store: sessionStore, library: library, program: ScriptProgram(loaded), sessionName: session).run()
            return
        }
        // With the 64 KiB default, a busy gateway and the server wait on each other every few
        // replies. F_SETPIPE_SZ (1031) is declared only under _GNU_SOURCE, which the Glibc module
        // leaves out; on anything but a pipe the call fails and changes nothing.
        for descriptor: Int32 in [0, 1] { _ = fcntl(descriptor, 1031, 1 << 20) }
        let serverLock = try waitForServerLock(sessionStore)
        defer { withExtendedLifetime(serverLock) {} }
        let journal = try Journal(path: ServeJournal.url(in: sessionStore).path)
        let replayStart = ContinuousClock.now
        let applied = try ServeJournal.applyPending(journal, store: sessionStore, library: library)
        for problem in applied.problems { Console.error("mus-coach serve: \(problem)") }
        if applied.records > 0 {
            let milliseconds = Int(((ContinuousClock.now - replayStart) / .milliseconds(1)).rounded())
            Console.error("mus-coach serve: journal applied: \(applied.records) records, \(applied.sessions) sessions, \(milliseconds) ms")
        }
        // The operator's log: limits, refused lines by number and code, the end. Never an answer's text.
        Console.error("mus-coach serve: ready: store \(sessionStore.folder.path), script \(script) (\(lang)), at most \(maxSessions) sessions in memory, idle after \(idleTimeout) s, lines up to \(maxLineBytes) bytes, up to \(maxUnreadMib) MiB of unread replies\(unsafeNoSync ? ", replies before the journal is synced" : "")")
        let configuration = HostConfiguration(maxLineBytes: maxLineBytes, maxSessions: maxSessions,
                                              idleMilliseconds: Int64(idleTimeout) * 1000, defaultScript: script, defaultLanguage: lang)
        var server = ProtocolServer(host: SessionHost(configuration: configuration, backend: ServeBackend(store: sessionStore, library: library)),
                                    store: sessionStore, journal: journal, syncJournal: !unsafeNoSync,
                                    compactionBytes: journalCompactionBytes, minimumCompactionBytes: journalCompactionBytes,
                                    unreadReplyLimitBytes: maxUnreadMib << 20)
        try server.run()
        Console.error("mus-coach serve: stopped after \(server.host.linesHandled) lines")
        // Everything is written. Freeing thousands of sessions one by one would take longer than
        // the 100 ms a gateway gives a process to go: the operating system takes the memory back.
        Glibc.exit(0)
    }

    /// A gateway that restarts us may start the new process while the old one is still finishing:
    /// give it two seconds before refusing.
    private func waitForServerLock(_ store: SessionStore) throws -> SessionLock {
        for _ in 0..<100 {
            do {
                return try store.lockServer()
            } catch {
                // Held by another: wait; anything else (a symlinked lock file) is said as it is.
                guard case .locked = error else { throw error }
            }
            usleep(20_000)
        }
        if try store.servedNow() {
            let pid = store.serverPID.map { " (pid \($0))" } ?? ""
            throw CLIError(ProgramLanguage.text("en anden mus-coach serve\(pid) bruger allerede \(store.folder.path)",
                                                "another mus-coach serve\(pid) is using \(store.folder.path)"))
        }
        throw CLIError(ProgramLanguage.text(
            "en terminal har en gateway-brugers session i \(store.folder.path) åben; luk den først",
            "a terminal has a gateway user's session in \(store.folder.path) open; close it first"))
    }
}
