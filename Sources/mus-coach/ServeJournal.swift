import CoachEngine
import CoachLibrary
import CoachProtocol
import CoachStore
import Foundation

/// The server's journal beside the session files, and bringing those files up to date from it.
enum ServeJournal {
    static func url(in store: SessionStore) -> URL {
        store.folder.appendingPathComponent("serve.journal")
    }

    /// What applying the journal did: the operator's log says it.
    struct Applied {
        var records = 0
        var sessions = 0
        var problems: [String] = []
    }

    /// Applies what a server that stopped (or was killed) left in the journal to the session files,
    /// makes them durable and empties the journal. A journal with lines that cannot be applied is
    /// set aside under a new name, so nothing is lost; the problems are returned for the log.

    static func applyPending(_ journal: Journal, store: SessionStore, library: DialogueLibrary) throws(StoreError) -> Applied {
        let lines = try journal.lines()
        guard !lines.isEmpty else { return Applied() }
        var host = SessionHost(configuration: HostConfiguration(), backend: ServeBackend(store: store, library: library))
        let recovery = host.recover(lines)
        // Nothing is lost while the journal stays: the next start applies it again.
        if let unwritten = recovery.unwritten.first { throw unwritten }
        try store.sync()
        var applied = Applied(records: lines.count, sessions: recovery.sessions, problems: recovery.problems)
        guard recovery.problems.isEmpty else {
            let aside = journal.path + ".set-aside-\(Timestamp.now.millisecondsSince1970)"
            try PrivateFiles.replaceAtomically(URL(fileURLWithPath: aside), with: Data(lines.joined(separator: [0x0A]) + [0x0A]))
            try journal.reset()
            applied.problems.append("the journal was set aside as \(aside)")
            return applied
        }
        try journal.reset()
        return applied
    }

    /// For the terminal commands: brings gateway sessions up to date when no server is running.
    static func applyIfIdle(store: SessionStore, library: DialogueLibrary?) {
        let path = url(in: store).path
        guard let library, let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size > 0,
              let serverLock = try? store.lockServer(), let journal = try? Journal(path: path) else { return }
        defer { withExtendedLifetime(serverLock) {} }
        do {
            for problem in try applyPending(journal, store: store, library: library).problems { Console.error("mus-coach: \(problem)") }
        } catch {
            Console.error("mus-coach: error: \(error)")
        }
    }
}
