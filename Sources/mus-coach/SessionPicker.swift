import CoachEngine
import CoachStore
import CoachTerminal
import Foundation

/// Chooses the session to talk in: a named one, the latest unfinished one if the person wants
/// to resume it, or a new one.
struct SessionPicker {
    let store: SessionStore
    let program: ScriptProgram
    let renderer: ChatRenderer

    struct Opened {
        var file: SessionFile
        var conversation: Conversation
        var opening: [Output]
    }

    func open<Source: LineSource>(named name: String?, fresh: Bool, source: inout Source) throws -> Opened {
        let strings = SessionStrings(renderer)
        if let name {
            try store.checkNotServed(name)
            return store.exists(name) ? try resume(store.load(name)) : start(name: name)
        }
        if !fresh, let latest = latestUnfinished() {
            let (conversation, _) = latest.transcript.replay(on: program)
            let position = conversation.position.map { program.progress(of: $0.index) }
            if case .text(let answer) = source.read(prompt: strings.offerResume(latest, position)),
               !["n", "nej", "no"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) {
                return try resume(latest)
            }
        }
        return start(name: freshName())
    }

    private func resume(_ file: SessionFile) throws -> Opened {
        try store.checkNotServed(file.name)
        let identity = file.transcript.script
        guard identity.id == program.script.id, identity.language == program.script.language.rawValue else {
            throw CLIError(ProgramLanguage.text(
                "sessionen »\(file.name)« er lavet med dialogen »\(identity.id)« på »\(identity.language)«; åbn den med --script \(identity.id) --lang \(identity.language)",
                "session '\(file.name)' was made with the script '\(identity.id)' in '\(identity.language)'; open it with --script \(identity.id) --lang \(identity.language)"))
        }
        let (conversation, _) = file.transcript.replay(on: program)
        var opening: [Output] = []
        if identity.contentHash != program.script.contentHash {
            Console.line(SessionStrings(renderer).scriptChanged)
        }
        opening += conversation.reshow()
        return Opened(file: file, conversation: conversation, opening: opening)
    }

    private func start(name: String) -> Opened {
        var conversation = Conversation(program: program)
        let at = Timestamp.now
        let opening = conversation.start(at: at)
        let transcript = Transcript(script: program.script, events: [.started(at: at)])
        return Opened(file: SessionFile(name: name, created: at, transcript: transcript), conversation: conversation, opening: opening)
    }

    /// The most recently changed session on this script that has not reached its end.
    private func latestUnfinished() -> SessionFile? {
        store.list().lazy.compactMap { listing -> SessionFile? in
            // A gateway user's session is theirs, not offered to the person at the terminal.
            guard case .session(let file) = listing, file.gateway == nil,
                  file.transcript.script.id == program.script.id,
                  file.transcript.script.language == program.script.language.rawValue,
                  file.transcript.replay(on: program).conversation.status != .ended else { return nil }
            return file
        }.first
    }

    /// The script and the day, `mus-2026-12-07` (`opfoelgning-…` for a follow-up), with `-2`, `-3` …
    /// when that name is taken: a name a person can read back and type.
    private func freshName() -> String {
        let base = program.script.id + "-" + LocalTime.format(.now, "%Y-%m-%d")
        var name = base
        var number = 2
        while store.exists(name) {
            name = "\(base)-\(number)"
            number += 1
        }
        return name
    }
}

/// The chat's words about sessions.
struct SessionStrings {
    let renderer: ChatRenderer

    init(_ renderer: ChatRenderer) {
        self.renderer = renderer
    }

    private var danish: Bool { renderer.language == .danish }

    func offerResume(_ file: SessionFile, _ progress: CoachEngine.Progress?) -> String {
        let when = Self.format(file.updated)
        let where_ = progress.map { danish ? ", afsnit \($0.section)/\($0.sections)" : ", part \($0.section)/\($0.sections)" } ?? ""
        return danish ? "Fortsæt forberedelsen »\(file.name)« fra \(when)\(where_)? (J/n) "
            : "Continue the preparation '\(file.name)' from \(when)\(where_)? (Y/n) "
    }

    /// Stopped before the end: everything is saved, and this is how to go on. A command stands on
    /// its own line, where wrapping never splits it.
    func saved(_ name: String, script: String) -> String {
        let command = script == YearCycle.followUpScript ? "mus-coach followup --session \(name)"
            : script == "mus" ? "mus-coach --session \(name)" : "mus-coach --script \(script) --session \(name)"
        return danish ? "Dine svar er gemt i sessionen »\(name)«. Fortsæt senere med:\n  \(command)"
            : "Your answers are saved in the session '\(name)'. Continue later with:\n  \(command) --lang en"
    }

    /// Left before the first answer: there is no session to go back to.
    var nothingSaved: String {
        danish ? "Ingen svar endnu, så der er intet gemt." : "No answers yet, so nothing is saved."
    }

    /// At the end: nothing left to continue.
    func finished(_ name: String) -> String {
        danish ? "Dine svar er gemt i sessionen »\(name)«." : "Your answers are saved in the session '\(name)'."
    }

    func conclusionSaved(_ path: String, session: String, isFollowUp: Bool) -> String {
        if isFollowUp {
            return danish ? "Opfølgningen er gemt i:\n  \(path)" : "The follow-up is saved in:\n  \(path)"
        }
        return danish ? "Dit udkast til samtalen er gemt i:\n  \(path)\nAndre formater:\n  mus-coach summary \(session) --format html"
            : "Your brief is saved in:\n  \(path)\nOther formats:\n  mus-coach summary \(session) --format html"
    }

    var scriptChanged: String {
        danish ? "Bemærk: dialogen er ændret siden sidst; dine svar genafspilles på den nye udgave."
            : "Note: the dialogue has changed since last time; your answers are replayed on the new version."
    }

    static func format(_ timestamp: Timestamp) -> String {
        LocalTime.format(timestamp, "%Y-%m-%d %H:%M")
    }
}
