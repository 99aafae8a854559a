import ArgumentParser
import CoachEngine
import CoachLibrary
import CoachScript
import CoachStore
import CoachTerminal
import CoachText
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct Replay: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: ProgramLanguage.text(
            "Gå en gemt session igennem igen og skærp dine svar: hvert tidligere svar står på linjen, klar til at blive rettet.",
            "Walk a saved session again to refine its answers: each earlier answer is on the line for editing."),
        discussion: ProgramLanguage.text("""
            Enter beholder et svar, og det, du skriver, erstatter det; spørgsmål, der nu bliver aktuelle, stilles, og svar på \
            spørgsmål, der ikke længere nås, lægges til side. Resultatet er en ny gennemgang af sessionen \
            (se `mus-coach sessions --revisions NAVN`). Med --check spørges der ikke om noget: sessionen køres mod \
            det nuværende script, og det, der er ændret, vises (afslutningsstatus 1).
            """, """
            Enter keeps an answer, editing changes it; questions that become reachable are asked, answers whose \
            question is no longer reached are set aside. The result is a new revision of the session \
            (see `mus-coach sessions --revisions NAME`). With --check nothing is asked: the session is run against \
            the current script and any drift is reported (exit status 1).
            """)
    )

    @Argument(help: .text("Navnet på en session eller stien til en sessionsfil.", "A session name, or the path of a session file."))
    var session: String

    @Option(help: .text(
        "Begynd ved dette afsnit eller spørgsmål (id); svarene før det beholdes, som de er.",
        "Start at this part or question (by id); the answers before it are kept as they are."))
    var from: String?

    @Flag(help: .text(
        "Vis, hvad det nuværende script ændrer for sessionen (nye, fjernede eller uopnåelige spørgsmål, ændrede formuleringer); afslutningsstatus 1 ved ændringer.",
        "Report what the current script changes for this session (new, removed or unreachable questions, changed prompts); exit 1 on drift."))
    var check = false

    @OptionGroup var options: DialogueOptions

    func run() throws {
        Signals.install()
        let store = try SessionStore(folder: SessionStore.defaultFolder())
        let library = try options.library()
        ServeJournal.applyIfIdle(store: store, library: library)
        if !check, (try? SessionStore.validate(name: session)) != nil { try store.checkNotServed(session) }
        let file = try load(store)
        let identity = file.transcript.script
        let (current, text) = try options.scriptAndText(identity.id, language: identity.language)
        let archive = ScriptArchive(store: store)
        try archive.keep(text, as: Transcript.ScriptIdentity(current))
        let program = ScriptProgram(current)
        let renderer = ChatRenderer(language: current.language, style: TerminalStyle.detect(environment: ProcessInfo.processInfo.environment),
                                    sharedCopy: YearCycle.sharedCopy(of: current))
        let strings = SessionStrings(renderer)

        // The earlier answers, read with the script they were given on.
        var versions = ScriptVersions(library: library, archive: archive)
        let kept = versions.program(for: identity)
        if kept == nil { Console.error(strings.earlierScriptMissing) }
        let earlierProgram = kept ?? program
        let earlier = file.transcript.replay(on: earlierProgram).conversation
        let previous = PreviousAnswers(records: earlier.records, program: earlierProgram)

        if check {
            let drift = Drift.of(previous, endedAt: earlier.status == .ended ? nil : earlier.currentStep, on: program)
            Console.out(strings.report(drift, session: file.name))
            if !drift.isEmpty { throw ExitCode(1) }
            return
        }
        guard store.exists(file.name), (try? store.load(file.name)) == file else {
            throw CLIError(ProgramLanguage.text("\(session) er ikke en session i \(store.folder.path): kun --check læser filer andre steder", "\(session) is not a session in \(store.folder.path): only --check reads files elsewhere"))
        }
        try store.checkNotServed(file.name)
        try talk(file, program: program, previous: previous, store: store, library: library, renderer: renderer)
    }

    private func talk(_ file: SessionFile, program: ScriptProgram, previous: PreviousAnswers, store: SessionStore,
                      library: DialogueLibrary, renderer: ChatRenderer) throws {
        let strings = SessionStrings(renderer)
        var file = file
        let revised = Event.revised(at: .now, previous: file.transcript.script)
        file.transcript.script = Transcript.ScriptIdentity(program.script)
        file.transcript.events.append(revised)
        var conversation = Conversation(program: program)
        var opening = conversation.apply(revised)
        if let from {
            guard let jump = JumpTarget(from, in: program) else { throw CLIError(ProgramLanguage.text("--from: intet afsnit eller spørgsmål har id'et »\(from)«", "--from: no part or question has the id '\(from)'")) }
            let reused = conversation.reuse(previous, at: .now, passingProbes: true) { $0.position.map(jump.matches) ?? true }
            file.transcript.events += reused.events
            opening = conversation.reshow()
            if let stopped = conversation.currentStep, conversation.position.map(jump.matches) == false {
                Console.message(renderer.noEarlierAnswer(at: stopped.description, target: from))
            }
        }
        Console.message(strings.replayIntro(revision: file.transcript.revisions.count))
        let opened = SessionPicker.Opened(file: file, conversation: conversation, opening: opening)
        let chat = SavedChat(store: store, program: program, renderer: renderer, library: library)
        let terminal = isatty(0) == 1 && isatty(1) == 1
        let outcome: SavedChat.Outcome
        if terminal {
            outcome = try chat.talk(opened, replaying: previous, source: ReadlineSource(historyPath: ChatHistory.path()),
                                    write: Console.out)
        } else {
            outcome = try chat.talk(opened, replaying: previous, source: PlainLineSource(write: Console.out), write: Console.out)
        }
        switch outcome {
        case .finished(let conclusion, let savedURL, let name, let final):
            Console.out(strings.changes(previous.changes(to: PreviousAnswers(records: final.records, program: program), messages: program.messages)))
            Console.out("\n" + renderer.style.wrapHanging(conclusion))
            Console.message(strings.finished(name))
            Console.message(strings.conclusionSaved(savedURL.path, session: name, isFollowUp: chat.isFollowUp))
        case .stopped(let name, let final, _):
            Console.out(strings.changes(previous.changes(to: PreviousAnswers(records: final.records, program: program), messages: program.messages)))
            Console.message(strings.saved(name, script: program.script.id))
        }
    }

    /// A session by name, or a session file by path.
    private func load(_ store: SessionStore) throws -> SessionFile {
        guard FileManager.default.fileExists(atPath: session) else { return try store.load(session) }
        return try store.load(at: URL(fileURLWithPath: session))
    }
}
