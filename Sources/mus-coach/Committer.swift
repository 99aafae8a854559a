import CoachStore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Makes each batch's journal records durable and only then hands its replies to the
/// `ReplyWriter`, on a thread of its own: while the disk syncs one batch, the server reads and
/// handles the next (group commit, pipelined). Batches are committed and answered in the order
/// they were handed over.
final class Committer: ServerThread, @unchecked Sendable {
    struct Batch {
        var records: [UInt8]
        var replies: [UInt8]
    }

    private let journal: Journal
    private let replies: ReplyWriter
    /// Off only for measuring: replies are then sent without waiting for the sync.
    private let syncJournal: Bool
    /// The batch waiting for the thread; at most one, so memory stays bounded by two batches.
    private var waiting: Batch?
    private var working = false
    private var failure: (any Error)?
    private var outputClosed = false

    init(journal: Journal, replies: ReplyWriter, syncJournal: Bool) {
        self.journal = journal
        self.replies = replies
        self.syncJournal = syncJournal
        super.init(name: "journal")
    }

    /// Hands a batch over, once the one before it has been taken up. Throws what went wrong with an
    /// earlier batch; false when stdout is closed (the gateway went away).
    func submit(_ batch: Batch) throws -> Bool {
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
    func drain() throws -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while (waiting != nil || working) && failure == nil && !outputClosed { condition.wait() }
        if let failure { throw failure }
        return !outputClosed && replies.outputIsOpen
    }

    override func work() {
        while true {
            while waiting == nil && !stopping { condition.wait() }
            guard let batch = waiting, failure == nil, !outputClosed else { break }
            waiting = nil
            working = true
            condition.broadcast()
            condition.unlock()
            var error: (any Error)?
            var sent = true
            do {
                if syncJournal {
                    try journal.commit(batch.records)
                } else {
                    try journal.append(batch.records)
                }
                sent = replies.enqueue(batch.replies)
            } catch let caught {
                error = caught
            }
            condition.lock()
            working = false
            if let error { failure = error }
            if !sent { outputClosed = true }
            condition.broadcast()
        }
    }
}
