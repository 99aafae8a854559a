import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `mus-coach serve` as a gateway drives it: N sessions interleaved over one pair of pipes, each
/// answering the whole dialogue, every reply read before that session's next request is sent.
/// Reported: turns per second, turn latency (request written → reply read), peak memory, and
/// what each session holds and adds to the peak.
enum ServeBench {
    static func measure(program: URL, sessions: Int) {
        var unsynced: [Run] = []
        for durable in [true, false] {
            guard let run = run(program, sessions: sessions, durable: durable) else { return }
            print(run.summary)
            if !durable { unsynced.append(run) }
        }
        // A session's cost is what one more adds: the process itself and its batch buffers do not
        // grow with the sessions, so the figures at a quarter as many tell them apart (a wide gap, so that
        // the MiB the batches move a figure by weighs little per session). Resident memory is
        // read once every reply is in: what the sessions hold, and also the peak, since memory the
        // batches freed stays with the process. Medians of five runs each.
        let fewer = sessions / 4
        guard fewer > 0 else { return }
        var smaller: [Run] = []
        for _ in 0..<5 {
            guard let run = run(program, sessions: fewer, durable: false) else { return }
            smaller.append(run)
        }
        for _ in 0..<4 {
            guard let run = run(program, sessions: sessions, durable: false) else { return }
            unsynced.append(run)
        }
        let text = unsynced[0].textPerSession
        let full = unsynced.map(\.heldKiB).sorted()[2]
        let fewerHeld = smaller.map(\.heldKiB).sorted()[2]
        let perSession = Double(full - fewerHeld) * 1024 / Double(sessions - fewer)
        print(String(format: "serve memory (median of 5 runs each, not synced): each session holds %.0f B once answered, "
                     + "%.0f B of it answer text: %.0f B beyond (resident %.1f MiB with %d sessions, %.1f MiB with %d)",
                     perSession, text, perSession - text, Double(full) / 1024, sessions, Double(fewerHeld) / 1024, fewer))
    }

    struct Run {
        var summary: String
        var heldKiB: Int
        var textPerSession: Double
    }

    /// Answers that go past the probes: concrete, with a number, a time and an example.
    static let concreteAnswer = "I marts 2026 leverede jeg for eksempel tre projekter til tiden, og det sparede teamet 20 timer om ugen."
    static let wish = "Kursus i projektledelse"

    private static func run(_ program: URL, sessions: Int, durable: Bool) -> Run? {
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("mus-coach-serve-bench-\(getpid())-\(durable)")
        defer { try? FileManager.default.removeItem(at: store) }
        let process = Process()
        process.executableURL = program
        process.arguments = ["serve", "--store", store.path, "--max-sessions", String(sessions)] + (durable ? [] : ["--unsafe-no-sync"])
        let input = Pipe(), output = Pipe()
        // A gateway's pipes: the 64 KiB default makes both sides wait on each other every few replies.
        // F_SETPIPE_SZ (1031) is declared only under _GNU_SOURCE, which the Glibc module leaves out.
        for pipe in [input, output] { _ = fcntl(pipe.fileHandleForWriting.fileDescriptor, 1031, 1 << 20) }
        process.standardInput = input
        process.standardOutput = output
        do { try process.run() } catch {
            print("serve benchmark: cannot start \(program.path): \(error)")
            return nil
        }
        var reader = ReplyReader(descriptor: output.fileHandleForReading.fileDescriptor)
        guard reader.next() != nil else { return nil }
        let baselineKiB = statusKiB(process.processIdentifier, "VmRSS:")
        let writer = RequestWriter(input.fileHandleForWriting)
        var sentAt = [ContinuousClock.Instant](repeating: .now, count: sessions)
        var listItems = [Int](repeating: 0, count: sessions)
        var answerBytes = 0
        var latencies: [Double] = []
        latencies.reserveCapacity(sessions * 60)
        let start = ContinuousClock.now
        writer.send((0..<sessions).map { session in
            sentAt[session] = .now
            return #"{"jsonrpc":"2.0","id":\#(session),"method":"session.start","params":{"session":"bench-\#(session)"}}"#
        })
        var open = sessions
        var turns = sessions
        // The next requests go out together once the replies at hand are read, as a gateway would
        // forward what its users sent meanwhile.
        var outgoing: [String] = []
        while open > 0, let reply = reader.next() {
            defer {
                if !reader.hasBufferedLine && !outgoing.isEmpty {
                    writer.send(outgoing)
                    outgoing.removeAll(keepingCapacity: true)
                }
            }
            guard let session = reply.id else { continue }
            latencies.append(Bench.milliseconds(ContinuousClock.now - sentAt[session]))
            guard let next = nextAnswer(reply.bytes, listItems: &listItems[session]) else {
                open -= 1
                continue
            }
            answerBytes += next.text.utf8.count
            sentAt[session] = .now
            turns += 1
            outgoing.append(#"{"jsonrpc":"2.0","id":\#(session),"method":"session.answer","params":{"session":"bench-\#(session)","#
                            + next.params + "}}")
        }
        let elapsed = Bench.seconds(ContinuousClock.now - start)
        let peakKiB = statusKiB(process.processIdentifier, "VmHWM:")
        // Every reply is in: the sessions are all there, no batch is in flight.
        let heldKiB = statusKiB(process.processIdentifier, "VmRSS:")
        let closed = ContinuousClock.now
        writer.finish()
        process.waitUntilExit()
        let exit = Bench.milliseconds(ContinuousClock.now - closed)
        latencies.sort()
        let textPerSession = Double(answerBytes) / Double(sessions)
        let summary = String(format: "serve, %@, %d interleaved sessions over pipes: %d turns in %.2f s = %.0f turns/s; "
                             + "turn latency p50 %.2f ms, p99 %.2f ms; peak resident %.1f MiB (%.1f MiB at ready); "
                             + "exit %.0f ms after stdin closed",
                             durable ? "durable (journal synced before each batch of replies)" : "not synced",
                             sessions, turns, elapsed, Double(turns) / elapsed, latencies[latencies.count / 2],
                             latencies[latencies.count * 99 / 100], Double(peakKiB) / 1024, Double(baselineKiB) / 1024, exit)
        return Run(summary: summary, heldKiB: heldKiB, textPerSession: textPerSession)
    }

    /// The next answer: its params (`"text":…` or `"payload":…`) and the text the server keeps of
    /// it (what the answer's own bytes are counted by); nil when the session is done.
    static func nextAnswer(_ reply: [UInt8], listItems: inout Int) -> (params: String, text: String)? {
        let facts = ReplyFacts(reply)
        if facts.finished { return nil }
        if facts.endsList {
            listItems = 0
            return (#""payload":"""#, "")
        }
        if facts.asksForItems {
            listItems += 1
            let item = "\(wish) \(listItems)"
            return (#""text":"\#(item)""#, item)
        }
        if let payload = facts.firstPayload { return (#""payload":"\#(payload)""#, payload) }
        return (#""text":"\#(concreteAnswer)""#, concreteAnswer)
    }

    static func statusKiB(_ pid: Int32, _ field: String) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }) else { return 0 }
        return Int(line.split(separator: " ", omittingEmptySubsequences: true)[1]) ?? 0
    }
}

/// Reply lines from the server, with the request id read off the front.
struct ReplyReader {
    let descriptor: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(descriptor: Int32) {
        self.descriptor = descriptor
        buffer.reserveCapacity(1 << 20)
    }

    /// Whether a whole reply is already read, so that `next()` will not wait.
    var hasBufferedLine: Bool { newline(from: start) != nil }

    private func newline(from position: Int) -> Int? {
        buffer.withUnsafeBufferPointer { bytes in
            guard position < bytes.count, let hit = memchr(bytes.baseAddress! + position, 0x0A, bytes.count - position) else { return nil }
            return bytes.baseAddress!.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
    }

    mutating func next() -> (id: Int?, bytes: [UInt8])? {
        while true {
            if let newline = newline(from: start) {
                let line = Array(buffer[start..<newline])
                start = newline + 1
                return (Self.id(in: line), line)
            }
            buffer.removeSubrange(..<start)
            start = 0
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return nil }
            buffer += chunk[..<count]
        }
    }

    /// Replies begin `{"jsonrpc":"2.0","id":N,`.
    private static func id(in line: [UInt8]) -> Int? {
        let prefix = #"{"jsonrpc":"2.0","id":"#.utf8.count
        guard line.count > prefix else { return nil }
        var value = 0
        var index = prefix
        while index < line.count, line[index] >= 0x30, line[index] <= 0x39 {
            value = value * 10 + Int(line[index] - 0x30)
            index += 1
        }
        return index > prefix ? value : nil
    }
}

/// Writes requests from its own thread, so the pipes never fill up in both directions at once.
final class RequestWriter: @unchecked Sendable {
    private let condition = NSCondition()
    private var lines: [String] = []
    private var done = false
    private let handle: FileHandle

    init(_ handle: FileHandle) {
        self.handle = handle
        Thread { [self] in drain() }.start()
    }

    func send(_ more: [String]) {
        condition.lock()
        lines += more
        condition.signal()
        condition.unlock()
    }

    func finish() {
        condition.lock()
        done = true
        condition.signal()
        condition.unlock()
    }

    private func drain() {
        while true {
            condition.lock()
            while lines.isEmpty && !done { condition.wait() }
            let batch = lines
            lines.removeAll(keepingCapacity: true)
            let finished = done && batch.isEmpty
            condition.unlock()
            if finished {
                try? handle.close()
                return
            }
            var bytes = Array(batch.joined(separator: "\n").utf8)
            bytes.append(0x0A)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { write(handle.fileDescriptor, $0.baseAddress! + offset, $0.count - offset) }
                if written <= 0 { return }
                offset += written
            }
        }
    }
}

/// What the client reads off a reply, found in one pass over its quotes: the gateway's side of
/// the benchmark shares the two cores with the server, so it reads no more than it must.
struct ReplyFacts {
    var finished = false
    /// A button with an empty payload: the list's "done".
    var endsList = false
    /// The list hint: more items are asked for.
    var asksForItems = false
    var firstPayload: String?

    private static let status = Array(#"status":""#.utf8)
    private static let finishedValue = Array(#"finished""#.utf8)
    private static let hint = Array(#"hint":""#.utf8)
    private static let payload = Array(#"payload":""#.utf8)

    init(_ reply: [UInt8]) {
        reply.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var index = 0
            while index < bytes.count, let hit = memchr(base + index, 0x22, bytes.count - index) {
                let key = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
                index = key
                func matches(_ word: [UInt8], at position: Int) -> Bool {
                    position + word.count <= bytes.count && memcmp(base + position, word, word.count) == 0
                }
                switch key < bytes.count ? bytes[key] : 0 {
                case UInt8(ascii: "s") where matches(Self.status, at: key):
                    finished = finished || matches(Self.finishedValue, at: key + Self.status.count)
                case UInt8(ascii: "h") where matches(Self.hint, at: key):
                    asksForItems = true
                case UInt8(ascii: "p") where matches(Self.payload, at: key):
                    let start = key + Self.payload.count
                    guard let end = UnsafeBufferPointer(rebasing: bytes[start...]).firstIndex(of: 0x22) else { return }
                    if end == 0 { endsList = true } else if firstPayload == nil {
                        firstPayload = String(decoding: bytes[start..<start + end], as: UTF8.self)
                    }
                    index = start + end
                default:
                    break
                }
            }
        }
    }
}
