import CoachEngine
import CoachJSON
import CoachStore

/// Batches: what the host did since the last `takeBatch()` is made durable together, and a batch
/// the disk cannot take (a full disk) is undone whole, every request in it answered with
/// `storageUnavailable`, so that nothing unacknowledged is applied and a retry applies it once.
extension SessionHost {
    /// One batch's journal records and replies, numbered in the order they are taken.
    public struct Batch {
        public var number: Int
        public var records: [UInt8]
        public var replies: [UInt8]
        /// Note files appended to without a sync: durable once synced, before the records are committed.
        public var unsyncedFiles: [String]
        /// Sessions the gateway deleted: their files and their lines in the journal and its copies
        /// go once the records are committed (the records hold none of their lines), before the replies.
        public var deletions: [String]
    }

    /// Closes the open batch: its records, its replies, and the files it appended to unsynced.
    public mutating func takeBatch() -> Batch {
        let batch = Batch(number: batches.open, records: takeJournal(), replies: takeReplies(), unsyncedFiles: batches.unsyncedFiles,
                          deletions: batches.deletions.filter { $0.batch == batches.open }.map(\.name))
        batches.unsyncedFiles.removeAll()
        batches.open += 1
        return batch
    }

    /// Batches up to `number` are durable and answered: nothing of them needs undoing any more.
    /// Their deleted sessions stay held back until `removed` says they are gone from the disk.
    public mutating func committed(through number: Int) {
        batches.forget(through: number)
    }

    /// Deleted sessions now gone from the disk: their ids may be started again.
    public mutating func removed(_ names: [String]) {
        batches.removing.subtract(names)
    }

    /// Undoes batch `number` and every batch after it, the open one included: sessions return to
    /// where the last durable batch left them, sessions started since are gone, notes appended
    /// since are cut off. Every request of those batches is answered, in order, with
    /// `storageUnavailable` and `reason`; returns how many were.
    public mutating func rollBack(from number: Int, reason: String) -> Int {
        var undone: Set<GatewayID> = []
        var cutNotes: Set<String> = []
        for entry in batches.undo where entry.batch >= number {
            switch entry.change {
            case .started(let id):
                guard undone.insert(id).inserted else { continue }
                sessions[id] = nil
            case .changed(let id, let session, let snapshot):
                guard undone.insert(id).inserted else { continue }
                // A session deleted since is put back: its files were not removed.
                sessions[id] = session
                session.restore(snapshot)
            case .noteAppended(let path, let size):
                guard cutNotes.insert(path).inserted else { continue }
                PrivateFiles.truncate(path, to: size)
            }
        }
        for session in sessions.values { session.touchedInBatch = nil }
        batches.undo.removeAll { $0.batch >= number }
        batches.deletions.removeAll { $0.batch >= number }
        journal.writer.removeAll()
        replies.writer.removeAll()
        batches.unsyncedFiles.removeAll()
        let error = RPCError(.storageUnavailable, reason)
        var answered = 0
        for request in batches.requests where request.batch >= number {
            RPCReply.error(id: request.id, error, into: &replies.writer)
            answered += 1
        }
        batches.requests.removeAll { $0.batch >= number }
        return answered
    }

    /// Called before a request changes `session`: the first change in a batch keeps where it stood.
    mutating func willChange(_ session: HostedSession, id: GatewayID) {
        guard session.touchedInBatch != batches.open else { return }
        session.touchedInBatch = batches.open
        batches.undo.append(.init(batch: batches.open, change: .changed(id, session, session.snapshot)))
    }

    /// Whether the session is deleted but not yet gone from the disk: its file may still be there,
    /// and it is neither loaded nor started again until it is.
    func isBeingDeleted(_ name: String) -> Bool {
        batches.removing.contains(name) || batches.deletions.contains { $0.name == name }
    }

    /// Called when a request starts a session: undoing the batch removes it.
    mutating func didStart(_ session: HostedSession, id: GatewayID) {
        session.touchedInBatch = batches.open
        batches.undo.append(.init(batch: batches.open, change: .started(id)))
    }

    /// Called before a request appends to a note file of `size` bytes, not synced until the batch is.
    mutating func willAppendNote(to path: String, size: Int) {
        batches.undo.append(.init(batch: batches.open, change: .noteAppended(path: path, size: size)))
        if !batches.unsyncedFiles.contains(path) { batches.unsyncedFiles.append(path) }
    }

    /// A request of the open batch that gets a reply.
    mutating func willReply(to id: JSONValue) {
        batches.requests.append((batches.open, id))
    }
}

/// The host's record of the batches not yet known to be durable.
struct BatchLedger {
    /// The batch requests are handled into now.
    var open = 0
    var undo: [Entry] = []
    /// The requests answered in each batch, by id, for answering them again if it is undone.
    var requests: [(batch: Int, id: JSONValue)] = []
    var unsyncedFiles: [String] = []
    /// Sessions deleted, by stored name, with the batch that removes their files.
    var deletions: [(batch: Int, name: String)] = []
    /// Deleted sessions of committed batches not yet known to be gone from the disk.
    var removing: Set<String> = []

    /// Whether a note file has lines from batches not yet durable.
    func hasUnsyncedNotes(at path: String) -> Bool {
        undo.contains { entry in
            if case .noteAppended(path, _) = entry.change { true } else { false }
        }
    }

    /// Drops what batches up to `number` recorded: each list is in batch order, so it is a prefix.
    mutating func forget(through number: Int) {
        var undone = 0
        while undone < undo.count && undo[undone].batch <= number { undone += 1 }
        undo.removeFirst(undone)
        var answered = 0
        while answered < requests.count && requests[answered].batch <= number { answered += 1 }
        requests.removeFirst(answered)
        removing.formUnion(deletions.filter { $0.batch <= number }.map(\.name))
        deletions.removeAll { $0.batch <= number }
    }

    struct Entry {
        var batch: Int
        var change: Change
    }

    enum Change {
        case started(GatewayID)
        case changed(GatewayID, HostedSession, HostedSession.Snapshot)
        case noteAppended(path: String, size: Int)
    }
}
