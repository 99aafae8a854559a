import ArgumentParser
import CoachEngine
import CoachLibrary
import CoachStore
import Foundation

struct Sessions: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sessions", abstract: ProgramLanguage.text(
        "Vis dine gemte sessioner: navn, script, hvor langt du er, seneste ændring.",
        "List your saved sessions: name, script, progress, last change."))

    @Option(name: .customLong("revisions"), help: .text(
        "Vis i stedet gennemgangene af dialogen i denne session.",
        "List the revisions (passes through the dialogue) of this session instead."))
    var revisionsOf: String?

    @Option(name: .customLong("delete"), help: .text(
        "Slet denne session fra disken: dens svar, alle dens gennemgange, dens udkast og dens lås.",
        "Delete this session from the disk: its answers, every revision, its brief and its lock."))
    var deleteName: String?

    @Flag(help: .text(
        "Med --delete: slet uden at spørge (nødvendigt, når stdin ikke er en terminal).",
        "With --delete: delete without asking (needed when stdin is not a terminal)."))
    var yes = false

    @OptionGroup var options: DialogueOptions

    func validate() throws {
        if deleteName != nil && revisionsOf != nil { throw ValidationError(ProgramLanguage.text("--delete og --revisions kan ikke bruges sammen", "--delete and --revisions cannot be combined")) }
        if yes && deleteName == nil { throw ValidationError(ProgramLanguage.text("--yes bruges kun sammen med --delete", "--yes is only taken with --delete")) }
    }

    func run() throws {
        let store = try SessionStore(folder: SessionStore.defaultFolder())
        let library = try? options.library()
        // Gateway sessions may still have answers in a stopped server's journal: into their files first.
        ServeJournal.applyIfIdle(store: store, library: library)
        if let deleteName {
            try delete(deleteName, from: store)
            return
        }
        if let revisionsOf {
            guard let library else { throw CLIError(ProgramLanguage.text("kan ikke finde mappen med dialoger; angiv --dialogues MAPPE", "cannot find the dialogues folder; pass --dialogues DIR")) }
            try listRevisions(of: store.load(revisionsOf), versions: ScriptVersions(library: library, archive: ScriptArchive(store: store)))
            return
        }
        var programs: [String: ScriptProgram] = [:]
        let listings = store.list()
        guard !listings.isEmpty else {
            Console.line(ProgramLanguage.text("ingen sessioner i \(store.folder.path)", "no sessions in \(store.folder.path)"))
            return
        }
        for listing in listings {
            switch listing {
            case .session(let file):
                let identity = file.transcript.script
                let key = "\(identity.id).\(identity.language)"
                if programs[key] == nil, let library,
                   let script = DialogueLibrary.loadScript(at: library.scriptURL(identity.id, language: identity.language)).result.script {
                    programs[key] = ScriptProgram(script)
                }
                let progress = programs[key].map { describe(file.transcript.replay(on: $0).conversation) } ?? ProgramLanguage.text("dialogen findes ikke", "script not found")
                Console.line("\(file.name)\t\(key)\t\(progress)\t\(SessionStrings.format(file.updated))")
            case .unreadable(let name, let problem):
                Console.line("\(name)\t" + ProgramLanguage.text("kan ikke læses: ", "unreadable: ") + "\(problem)")
            }
        }
    }

    private func delete(_ name: String, from store: SessionStore) throws {
        try SessionStore.validate(name: name)
        try store.checkNotServed(name)
        guard store.exists(name) else { throw CLIError(ProgramLanguage.text("der er ingen session »\(name)« i \(store.folder.path)", "no session '\(name)' in \(store.folder.path)")) }
        if !yes {
            guard isatty(0) == 1 else { throw CLIError(ProgramLanguage.text("sletning af »\(name)« kan ikke fortrydes: tilføj --yes for at bekræfte", "deleting '\(name)' cannot be undone: add --yes to confirm")) }
            let events = (try? store.load(name)).map { " (" + ProgramLanguage.count($0.transcript.events.count, ("hændelse", "event"), ("hændelser", "events")) + ")" } ?? ""
            Console.out(ProgramLanguage.text("Slet sessionen »\(name)«\(events), alle dens gennemgange og dens udkast fra disken? Det kan ikke fortrydes. [j/N] ",
                                             "Delete session '\(name)'\(events), every revision and its brief from the disk? This cannot be undone. [y/N] "))
            let reply = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard ["y", "yes", "j", "ja"].contains(reply) else {
                Console.line(ProgramLanguage.text("intet slettet", "nothing deleted"))
                return
            }
        }
        let removed = try store.delete(name)
        Console.line(ProgramLanguage.text("slettede sessionen »\(name)« (", "deleted session '\(name)' (") + ProgramLanguage.count(removed.count, ("fil", "file"), ("filer", "files")) + ")")
    }

    /// One line per revision: its number, when it began, the script version, how far it got.
    private func listRevisions(of file: SessionFile, versions: ScriptVersions) throws {
        var versions = versions
        let revisions = file.transcript.revisions
        for revision in revisions {
            let identity = revision.transcript.script
            let progress = versions.program(for: identity).map { describe(revision.transcript.replay(on: $0).conversation) }
                ?? ProgramLanguage.text("dialogversionen \(identity.contentHash) er ikke gemt", "script version \(identity.contentHash) not kept")
            let current = revision.number == revisions.count ? "\t" + ProgramLanguage.text("nuværende", "current") : ""
            Console.line("\(revision.number)\t\(SessionStrings.format(revision.began))\t\(identity.id).\(identity.language) v\(identity.version)\t\(progress)\(current)")
        }
    }

    private func describe(_ conversation: Conversation) -> String {
        let answers = conversation.records.filter { !$0.isSkipped }.count
        let given = ProgramLanguage.count(answers, ("svar", "answer"), ("svar", "answers"))
        switch conversation.position {
        case nil: return conversation.status == .ended ? ProgramLanguage.text("færdig, ", "finished, ") + given : ProgramLanguage.text("ikke startet", "not started")
        case let position?:
            let progress = conversation.program.progress(of: position.index)
            return ProgramLanguage.text("afsnit", "part") + " \(progress.section)/\(progress.sections), " + given
        }
    }
}
