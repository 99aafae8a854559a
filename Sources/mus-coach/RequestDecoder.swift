import CoachProtocol
import Foundation

/// Decodes batches of request lines on a thread of its own while the server handles the batch
/// before: decoding is a quarter of a turn's work, and a gateway under load keeps both threads
/// busy. Batches come back in the order they were handed over, and go back to be freed here too:
/// freeing a batch's requests took a twentieth of the main thread's work.
final class RequestDecoder: ServerThread, @unchecked Sendable {
    private var queued: [[LineFramer.Frame]] = []
    private var decoded: [[DecodedFrame]] = []
    private var handled: [[DecodedFrame]] = []

    init() {
        super.init(name: "decoder")
    }

    /// Hands a batch over; the server hands over at most one more than it has taken back.
    func submit(_ frames: [LineFramer.Frame]) {
        condition.lock()
        queued.append(frames)
        condition.broadcast()
        condition.unlock()
    }

    /// The oldest batch handed over and not yet taken, decoded; waits for it.
    func next() -> [DecodedFrame] {
        condition.lock()
        defer { condition.unlock() }
        while decoded.isEmpty { condition.wait() }
        return decoded.removeFirst()
    }

    /// Takes back a batch the server has handled, to free it on this thread.
    func free(_ batch: consuming [DecodedFrame]) {
        condition.lock()
        handled.append(batch)
        condition.broadcast()
        condition.unlock()
    }

    override func work() {
        while true {
            while queued.isEmpty && handled.isEmpty && !stopping { condition.wait() }
            guard !queued.isEmpty || !handled.isEmpty else { break }
            let finished = handled
            handled = []
            let frames = queued.isEmpty ? nil : queued.removeFirst()
            condition.unlock()
            _ = consume finished
            if let frames {
                let batch = frames.map(DecodedFrame.init)
                condition.lock()
                decoded.append(batch)
                condition.broadcast()
            } else {
                condition.lock()
            }
        }
    }
}
