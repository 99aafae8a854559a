/// Splits a byte stream into protocol lines as MCP's stdio transport frames them: `\n`-terminated,
/// a `\r` before it dropped, blank lines skipped. A line longer than the limit is discarded up to
/// its newline and reported once, so one bad client line never stalls the others.
public struct LineFramer: Sendable {
    public enum Frame: Equatable, Sendable {
        /// A complete line, without its line ending; not yet checked for UTF-8.
        case line([UInt8])
        /// A line over the limit was dropped; `bytes` is how much of it arrived before the cut.
        case tooLong(bytes: Int)
    }

    public let limit: Int
    private var pending: [UInt8] = []
    /// Inside an over-long line: bytes are dropped until its newline.
    private var discarding = false

    public init(limit: Int) {
        self.limit = limit
    }

    /// Takes bytes as they were read and returns the frames they complete.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [Frame] {
        var frames: [Frame] = []
        var start = 0
        let bytes = chunk.bindMemory(to: UInt8.self)
        while start < bytes.count {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                absorb(UnsafeBufferPointer(rebasing: bytes[start...]), into: &frames)
                break
            }
            absorb(UnsafeBufferPointer(rebasing: bytes[start..<newline]), into: &frames)
            if discarding {
                discarding = false
            } else {
                var line = pending
                pending.removeAll(keepingCapacity: true)
                if line.last == 0x0D { line.removeLast() }
                if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { frames.append(.line(line)) }
            }
            start = newline + 1
        }
        return frames
    }

    /// At the end of input: a last line without a newline still counts.
    public mutating func finish() -> [Frame] {
        defer { pending = []; discarding = false }
        guard !discarding, !pending.isEmpty else { return [] }
        var line = pending
        if line.last == 0x0D { line.removeLast() }
        return line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) ? [] : [.line(line)]
    }

    private mutating func absorb(_ bytes: UnsafeBufferPointer<UInt8>, into frames: inout [Frame]) {
        guard !discarding else { return }
        if pending.count + bytes.count > limit {
            frames.append(.tooLong(bytes: pending.count + bytes.count))
            pending.removeAll(keepingCapacity: false)
            discarding = true
            return
        }
        pending.append(contentsOf: bytes)
    }
}
