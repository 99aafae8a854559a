import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes the replies to stdout on a thread of its own, in order, so that the server goes on
/// reading while the gateway is slow to read: a gateway that writes many requests before it reads
/// any would otherwise fill both pipes, and each side would wait for the other for ever.
/// What waits here is bounded; past the limit the server stops taking replies (and so stops
/// reading) until the gateway reads, and says so on stderr.
/// Asked to stop, it first writes what is queued, so every reply goes out before the process ends.
final class ReplyWriter: ServerThread, @unchecked Sendable {
    private let limitBytes: Int
    private var queue: [[UInt8]] = []
    private var queuedBytes = 0
    private var outputClosed = false
    private var lastPauseLogged: ContinuousClock.Instant?

    init(limitBytes: Int) {
        self.limitBytes = limitBytes
        super.init(name: "replies")
    }

    /// Queues replies that are already durable; waits while more than the limit is unread.
    /// False when stdout is closed (the gateway went away).
    func enqueue(_ replies: [UInt8]) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if queuedBytes >= limitBytes && !outputClosed {
            // A gateway that reads slowly pauses us again and again: said at most every ten seconds.
            let now = ContinuousClock.now
            let logged = lastPauseLogged.map { now - $0 >= .seconds(10) } ?? true
            if logged {
                lastPauseLogged = now
                Console.error("mus-coach serve: \(queuedBytes >> 20) MiB of replies unread by the gateway; reading stops until it reads")
            }
            // Until half is read, so that reading does not stop again at the next reply.
            while queuedBytes > limitBytes / 2 && !outputClosed { condition.wait() }
            if logged && !outputClosed { Console.error("mus-coach serve: the gateway reads again; reading goes on") }
        }
        guard !outputClosed else { return false }
        guard !replies.isEmpty else { return true }
        queue.append(replies)
        queuedBytes += replies.count
        condition.broadcast()
        return true
    }

    /// False once a write found stdout closed.
    var outputIsOpen: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !outputClosed
    }

    override func work() {
        while true {
            while queue.isEmpty && !stopping { condition.wait() }
            guard !queue.isEmpty, !outputClosed else { break }
            let parts = queue
            queue = []
            condition.unlock()
            var sent = true
            for part in parts where sent {
                sent = Self.send(part)
                condition.lock()
                queuedBytes -= part.count
                condition.broadcast()
                condition.unlock()
            }
            condition.lock()
            if !sent { outputClosed = true }
            condition.broadcast()
        }
    }

    /// Writes every byte; false when stdout is closed.
    static func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { write(1, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
