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
            guard let found = memchr(bytes.baseAddress! + start, 0x0A, bytes.count - start) else {
                absorb(UnsafeBufferPointer(rebasing: bytes[start...]), into: &frames)
                break
            }
            let newline = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if pending.isEmpty && !discarding && newline - start <= limit {
                // The whole line is in this chunk: one copy, straight from it.
                emit(UnsafeBufferPointer(rebasing: bytes[start..<newline]), into: &frames)
            } else {
                absorb(UnsafeBufferPointer(rebasing: bytes[start..<newline]), into: &frames)
                if discarding {
                    discarding = false
                } else {
                    pending.withUnsafeBufferPointer { emit($0, into: &frames) }
                    pending.removeAll(keepingCapacity: true)
                }
            }
            start = newline + 1
        }
        return frames
    }

    /// At the end of input: a last line without a newline still counts.
    public mutating func finish() -> [Frame] {
        defer { pending = []; discarding = false }
        guard !discarding, !pending.isEmpty else { return [] }
        var frames: [Frame] = []
        pending.withUnsafeBufferPointer { emit($0, into: &frames) }
        return frames
    }

    /// A complete line as a frame: without a `\r` before its newline, and none if it is blank.
    private func emit(_ line: UnsafeBufferPointer<UInt8>, into frames: inout [Frame]) {
        var end = line.count
        if end > 0 && line[end - 1] == 0x0D { end -= 1 }
        let content = UnsafeBufferPointer(rebasing: line[..<end])
        if !content.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { frames.append(.line(Array(content))) }
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

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
