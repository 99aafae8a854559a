import CoachEngine
import CoachLibrary
import CoachProtocol
import CoachStore
import CoachTerminal
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `serve`'s loop: read what is available, handle every line, hand the batch to the `Committer`,
/// which makes the journal durable with one sync and then hands the replies to the `ReplyWriter`
/// (group commit), while the next batch is read. Logs go to stderr and never carry answer text.
struct ProtocolServer {
    var host: SessionHost<ServeBackend>
    let store: SessionStore
    let journal: Journal
    /// Off only for measuring: replies are then sent before the journal is synced.
    let syncJournal: Bool
    /// The journal is compacted when it grows past this: twice its size after the last compaction,
    /// and at least `minimumCompactionBytes`.
    var compactionBytes: Int
    let minimumCompactionBytes: Int
    /// Replies the gateway has not read yet, in bytes, past which reading stops until it reads.
    let unreadReplyLimitBytes: Int

    /// Runs until stdin ends, a signal asks to stop, or stdout is closed.
    ///
    /// Three stages, each batch passing through them in order: this thread reads a batch and hands
    /// it to the `RequestDecoder`, then handles the batch before it (decoded meanwhile) and hands
    /// that to the `Committer`. A batch is held back only while more input is already waiting, so
    /// a lone request is answered at once.
    mutating func run() throws {
        var framer = LineFramer(limit: host.configuration.maxLineBytes)
        var ready: [UInt8] = []
        host.writeReady(into: &ready)
        guard ReplyWriter.send(ready) else { return }
        let replies = ReplyWriter(limitBytes: unreadReplyLimitBytes)
        defer { replies.stop() }
        let committer = Committer(journal: journal, store: store, replies: replies, syncJournal: syncJournal)
        defer { committer.stop() }
        let decoder = RequestDecoder()
        defer { decoder.stop() }
        /// A batch handed to the decoder and not yet handled.
        var pending = false
        let chunkSize = 1 << 16
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var lastSweep = Timestamp.now
        var atEnd = false
        while !atEnd {
            if Signals.take().map({ $0 != SIGWINCH }) == true { break }
            guard waitForInput(timeoutMilliseconds: pending ? 0 : 1000) else {
                if pending {
                    pending = false
                    guard try handle(decoder.next(), committer: committer, decoder: decoder) else { return }
                } else {
                    guard try sweep(&lastSweep, after: committer) else { return }
                }
                continue
            }
            // Take whatever is already there, up to 256 KiB, as one batch: large enough for one sync to
            // cover thousands of answers, small enough that replies and buffers stay small.
            var frames: [LineFramer.Frame] = []
            var batchBytes = 0
            repeat {
                let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, chunkSize) }
                if count < 0 {
                    if errno == EINTR || errno == EAGAIN { break }
                    throw CLIError(ProgramLanguage.text("kan ikke læse standard input: \(String(cString: strerror(errno)))", "cannot read standard input: \(String(cString: strerror(errno)))"))
                }
                if count == 0 {
                    frames += framer.finish()
                    atEnd = true
                    break
                }
                frames += chunk.withUnsafeBytes { framer.feed(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
                batchBytes += count
            } while batchBytes < 256 << 10 && waitForInput(timeoutMilliseconds: 0)
            decoder.submit(frames)
            if pending {
                guard try handle(decoder.next(), committer: committer, decoder: decoder) else { return }
            }
            pending = true
            guard try sweep(&lastSweep, after: committer) else { return }
        }
        if pending {
            guard try handle(decoder.next(), committer: committer, decoder: decoder) else { return }
        }
        guard try drain(committer) else { return }
        finish()
    }

    /// Handles a decoded batch and hands its journal records and replies to the committer, in
    /// parts of about `replyPartBytes` of replies, and the batch back to the decoder to free.
    /// False when stdout is closed.
    private mutating func handle(_ frames: consuming [DecodedFrame], committer: Committer, decoder: RequestDecoder) throws -> Bool {
        let now = Timestamp.now
        for index in frames.indices {
            host.handle(frames[index], at: now)
            if host.pendingReplyBytes >= Self.replyPartBytes {
                guard try commit(to: committer) else { return false }
            }
        }
        decoder.free(frames)
        return try commit(to: committer)
    }

    /// A burst of requests (thousands of sessions starting at once) takes megabytes of replies; in
    /// parts, the reply buffer the host keeps for its life stays this small, and so does each batch.
    static let replyPartBytes = 512 << 10

    private mutating func commit(to committer: Committer) throws -> Bool {
        for refusal in host.takeRefusals() {
            Console.error("mus-coach serve: line \(refusal.line) refused: \(refusal.code.rawValue) \(refusal.code.message)")
        }
        do {
            let open = try committer.submit(host.takeBatch())
            catchUp(with: committer)
            return open
        } catch {
            return try recover(from: error, committer: committer)
        }
    }

    /// Waits for every batch handed over to be durable and answered (see `Committer.drain`).
    private mutating func drain(_ committer: Committer) throws -> Bool {
        do {
            let open = try committer.drain()
            catchUp(with: committer)
            return open
        } catch {
            guard try recover(from: error, committer: committer) else { return false }
            return try drain(committer)
        }
    }

    /// What the committer has made durable and removed since: nothing of it needs undoing any more.
    private mutating func catchUp(with committer: Committer) {
        if let committed = committer.lastCommitted { host.committed(through: committed) }
        host.removed(committer.takeFinishedRemovals())
    }

    /// A batch the disk could not take: it and every batch after it are undone in memory, their
    /// requests answered with -32008 (retry later), and the server goes on — reads still work, and
    /// writes work again once there is room. Nothing unacknowledged is applied, so a retry applies once.
    private mutating func recover(from failure: Committer.Failure, committer: Committer) throws -> Bool {
        let reason = "the store cannot be written (\(failure.error)); nothing of this request was applied, retry later"
        let answered = host.rollBack(from: failure.batch, reason: reason)
        Console.error("mus-coach serve: a batch could not be made durable: \(failure.error); \(answered) requests answered with -32008 and nothing of them applied; serving goes on")
        committer.resume()
        return try committer.submit(host.takeBatch())
    }

    /// Once a second: idle sessions out of memory (their files synced), then, when the journal has
    /// doubled since it was last compacted, the journal rewritten to what the files lack. Both wait
    /// for the batches in flight. False when stdout is closed.
    private mutating func sweep(_ lastSweep: inout Timestamp, after committer: Committer) throws -> Bool {
        let now = Timestamp.now
        guard now.millisecondsSince1970 - lastSweep.millisecondsSince1970 >= 1000 else { return true }
        lastSweep = now
        guard try drain(committer) else { return false }
        // Each of these only tidies what the journal already holds: one that cannot be done now (a
        // full disk) is said and tried again at the next sweep.
        do throws(StoreError) {
            _ = try host.evictIdle(now: now)
            if host.needsSync {
                try store.sync()
                host.synced()
            }
        } catch {
            Console.error("mus-coach serve: idle sessions stay in memory for now: \(error)")
        }
        // Only once the files written out are synced: the compacted journal leaves their lines out.
        if journal.size > compactionBytes && !host.needsSync {
            do {
                try journal.rewrite { write in try host.writeCompactedJournal(write) }
                compactionBytes = max(minimumCompactionBytes, journal.size * 2)
            } catch {
                Console.error("mus-coach serve: the journal is not compacted for now: \(error)")
            }
        }
        return true
    }

    /// At the end: everything is already durable in the journal. The session files are brought up
    /// to date as far as 20 ms allow, so a terminal can open them at once; they are not synced
    /// (a sync waits for the whole file system), so the journal stays until the next start (or a
    /// terminal) applies it again — applying it twice changes nothing.
    private mutating func finish() {
        let deadline = ContinuousClock.now + .milliseconds(20)
        do {
            _ = try host.checkpoint { ContinuousClock.now < deadline }
        } catch {
            Console.error("mus-coach serve: session files stay behind the journal, which the next start applies: \(error)")
        }
    }

    private func waitForInput(timeoutMilliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, timeoutMilliseconds) > 0
    }
}
