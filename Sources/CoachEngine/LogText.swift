#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The answers' text of an `EventLog`, in chunks of one size that never move.
///
/// A server holds thousands of logs that all grow at once. Text in one buffer that moves as it
/// grows leaves the buffer before behind, and the others, growing too, rarely fit in it: that
/// cost more than the slack. Chunks are filled to the last byte and freed only with the log; the
/// text runs on from one chunk to the next, so an offset names one byte, and only a text that
/// crosses a chunk's end is copied to be read in one piece.
///
/// Shared only when the log is copied; `EventLog` copies it before changing a shared one.
final class LogText: @unchecked Sendable {
    /// Bytes per chunk: with malloc's eight bytes in front, a block of 256.
    static let chunkSize = 248

    /// The chunks, in order: a malloc'ed table, because an array here added exclusivity checks and
    /// retains to every turn's profile. Touched only by the log's one owner (see above).
    @exclusivity(unchecked) private var chunks: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>>?
    /// The last chunk, where text is added and mostly read: a turn then need not read the table.
    @exclusivity(unchecked) private var lastChunk: UnsafeMutablePointer<UInt8>?
    /// How many bytes it holds.
    @exclusivity(unchecked) private(set) var count = 0

    // Three fields only, so the object takes a 48-byte block: the chunk count and the table's
    // size follow from `count`.

    /// A chunk is added only when a byte needs it.
    private var chunkCount: Int { (count + Self.chunkSize - 1) / Self.chunkSize }

    init() {}

    init(copying other: LogText) {
        for index in 0..<other.chunkCount {
            addChunk(at: index)
            chunks![index].update(from: other.chunks![index], count: Self.chunkSize)
        }
        count = other.count
    }

    deinit {
        for index in 0..<chunkCount { free(chunks![index]) }
        free(chunks)
    }

    /// Adds chunk number `index` (the chunk count so far). The table holds eight pointers, then
    /// twice as many each time it is full.
    private func addChunk(at index: Int) {
        if index == 0 || (index >= 8 && index & (index - 1) == 0) {
            guard let grown = realloc(chunks, max(8, index * 2) * MemoryLayout<UnsafeMutablePointer<UInt8>>.stride) else {
                fatalError("out of memory for a conversation's text")
            }
            chunks = grown.assumingMemoryBound(to: UnsafeMutablePointer<UInt8>.self)
        }
        guard let chunk = malloc(Self.chunkSize) else { fatalError("out of memory for a conversation's text") }
        lastChunk = chunk.bindMemory(to: UInt8.self, capacity: Self.chunkSize)
        chunks![index] = lastChunk!
    }

    private func chunk(_ index: Int) -> UnsafeMutablePointer<UInt8> {
        index == chunkCount - 1 ? lastChunk! : chunks![index]
    }

    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var source = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let within = count % Self.chunkSize
            if within == 0 { addChunk(at: count / Self.chunkSize) }
            let piece = min(remaining, Self.chunkSize - within)
            // Text is only ever added at the end: in the last chunk.
            (lastChunk! + within).update(from: source, count: piece)
            count += piece
            source += piece
            remaining -= piece
        }
    }

    func append(_ byte: UInt8) {
        if count % Self.chunkSize == 0 { addChunk(at: count / Self.chunkSize) }
        lastChunk![count % Self.chunkSize] = byte
        count += 1
    }

    /// Runs `body` with the text at `span` in one piece: in place, or copied when it crosses a chunk's end.
    func withBytes<Result>(_ span: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        precondition(span.lowerBound >= 0 && span.upperBound <= count, "text span \(span) outside the log's \(count) bytes")
        guard !span.isEmpty else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let within = span.lowerBound % Self.chunkSize
        if within + span.count <= Self.chunkSize {
            return body(UnsafeBufferPointer(start: chunk(span.lowerBound / Self.chunkSize) + within, count: span.count))
        }
        let joined = [UInt8](unsafeUninitializedCapacity: span.count) { buffer, initialized in
            var offset = span.lowerBound
            while offset < span.upperBound {
                let at = offset % Self.chunkSize
                let piece = min(span.upperBound - offset, Self.chunkSize - at)
                (buffer.baseAddress! + (offset - span.lowerBound)).update(from: chunk(offset / Self.chunkSize) + at, count: piece)
                offset += piece
            }
            initialized = span.count
        }
        return joined.withUnsafeBufferPointer(body)
    }
}
