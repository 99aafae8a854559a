import CoachProtocol
import CoachStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes each batch durable (its unsynced note files, then its journal records) and only then
/// hands its replies to the `ReplyWriter`, on a thread of its own: while the disk syncs one batch,
/// the server reads and handles the next (group commit, pipelined). Batches are committed and
/// answered in the order they were handed over.
///
/// A batch the disk cannot take (a full disk) leaves the journal as it was and is reported as a
/// `Failure`; the batch handed over after it is dropped unanswered, for the server undoes both and
/// answers their requests itself. Batches go on once the server has `resume`d.
///
/// A session the gateway deleted is removed from the disk once its batch is committed (the records
/// hold none of its lines), before the batch's replies; a removal the disk refuses is tried again
/// with every later batch, and never undone.
final class Committer: ServerThread, @unchecked Sendable {
    typealias Batch = SessionHost<ServeBackend>.Batch

    /// The first batch that could not be made durable, and why.
    struct Failure: Error {
        var batch: Int
        var error: StoreError
    }

    private let journal: Journal
    private let store: SessionStore
    private let replies: ReplyWriter
    /// Off only for measuring: replies are then sent without waiting for the sync.
    private let syncJournal: Bool
    /// The batch waiting for the thread; at most one, so memory stays bounded by two batches.
    private var waiting: Batch?
    private var working = false
    private var failure: Failure?
    private var outputClosed = false
    /// The last batch made durable and answered.
    private var committed: Int?
    /// Deleted sessions whose files or journal lines are not all gone yet.
    private var unfinishedRemovals: [String] = []
    /// Deleted sessions now gone from the disk, not yet told to the server.
    private var finishedRemovals: [String] = []

    init(journal: Journal, store: SessionStore, replies: ReplyWriter, syncJournal: Bool) {
        self.journal = journal
        self.store = store
        self.replies = replies
        self.syncJournal = syncJournal
        super.init(name: "journal")
    }

    /// Hands a batch over, once the one before it has been taken up. Throws the `Failure` of an
    /// earlier batch (this one is then not taken); false when stdout is closed (the gateway went away).
    func submit(_ batch: Batch) throws(Failure) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting != nil && failure == nil && !outputClosed { condition.wait() }
        if let failure { throw failure }
        guard !outputClosed, replies.outputIsOpen else { return false }
        waiting = batch
        condition.broadcast()
        return true
    }

    /// Waits until every batch handed over is durable and its replies queued: before the journal
    /// is rewritten, before session files are written, at the end. False when stdout is closed.
    func drain() throws(Failure) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while (waiting != nil || working) && failure == nil && !outputClosed { condition.wait() }
        if let failure { throw failure }
        return !outputClosed && replies.outputIsOpen
    }

    /// The last batch made durable and answered, nil before the first.
    var lastCommitted: Int? {
        condition.lock()
        defer { condition.unlock() }
        return committed
    }

    /// The deleted sessions gone from the disk since the last call.
    func takeFinishedRemovals() -> [String] {
        condition.lock()
        defer { condition.unlock() }
        defer { finishedRemovals.removeAll() }
        return finishedRemovals
    }

    /// After a `Failure`, once the server has undone the batches from it on: takes batches again.
    func resume() {
        condition.lock()
        defer { condition.unlock() }
        while working { condition.wait() }
        failure = nil
        waiting = nil
        condition.broadcast()
    }

    /// Removes the sessions deleted in a committed batch, and those left over from earlier ones;
    /// returns those gone from the disk. Runs on this thread only, so `unfinishedRemovals` needs no lock.
    private func removeDeleted(_ names: [String]) -> [String] {
        let pending = unfinishedRemovals + names
        guard !pending.isEmpty else { return [] }
        unfinishedRemovals = []
        var removed: [String] = []
        for name in pending {
            do {
                try remove(name)
                removed.append(name)
            } catch {
                unfinishedRemovals.append(name)
                Console.error("mus-coach serve: a deleted session is not all gone from the disk yet (\(error)); tried again with the next batch")
            }
        }
        return removed
    }

    /// A session the gateway deleted, gone from the disk: its lines in the journal and the copies
    /// the server made of it, then its files.
    private func remove(_ name: String) throws(StoreError) {
        try JournalCopies.remove(name, from: JournalCopies.paths(in: store.folder, live: false))
        try journal.removeLines { JournalCopies.line($0, isAbout: name) }
        _ = try store.removeFiles(of: name)
        try store.sync()
    }

    override func work() {
        while true {
            while (waiting == nil || failure != nil) && !stopping {
                // A batch after a failed one is the server's to undo and answer.
                if failure != nil && waiting != nil {
                    waiting = nil
                    condition.broadcast()
                }
                condition.wait()
            }
            guard let batch = waiting, failure == nil, !outputClosed else { break }
            waiting = nil
            working = true
            condition.broadcast()
            condition.unlock()
            var failed: Failure?
            var sent = true
            var removed: [String] = []
            do throws(StoreError) {
                if syncJournal {
                    for path in batch.unsyncedFiles { try PrivateFiles.sync(path) }
                    try journal.commit(batch.records)
                } else {
                    try journal.append(batch.records)
                }
                removed = removeDeleted(batch.deletions)
                sent = replies.enqueue(batch.replies)
            } catch {
                failed = Failure(batch: batch.number, error: error)
            }
            condition.lock()
            working = false
            finishedRemovals += removed
            if let failed { failure = failed } else { committed = batch.number }
            if !sent { outputClosed = true }
            condition.broadcast()
        }
    }
}
