#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a conversation accumulates, in one object: its answers' text, its log's entries, its
/// answer records and its probe answers.
///
/// A server or a benchmark holds thousands of conversations, and a turn then mostly waits for
/// memory. Four Swift arrays each had a header to fetch and a uniqueness check to pass; here the
/// counts of all four share the object's first cache line, and one uniqueness check covers them.
///
/// The text lies in chunks of one size that never move. Thousands of logs grow at once: a text
/// buffer that moved as it grew left the buffer before behind, and the others, growing too,
/// rarely fit in it, which cost more than the slack. Chunks are filled to the last byte and freed
/// only with the storage; the text runs on from one chunk to the next, so an offset names one
/// byte, and only a text that crosses a chunk's end is copied to be read in one piece.
///
/// Shared only when a conversation is copied; `EventLog` copies it before changing a shared one.
final class ConversationStorage: @unchecked Sendable {
    /// Bytes per chunk: with malloc's eight bytes in front, a block of 256.
    static let chunkSize = 248

    // The fields a turn reads come first, so that they share a cache line with the object's
    // header; each buffer is malloc'ed, as arrays here added exclusivity checks and retains to
    // every turn's profile. Touched only by the conversation's one owner (see above).

    /// The last text chunk, where text is added and mostly read.
    @exclusivity(unchecked) private var lastChunk: UnsafeMutablePointer<UInt8>?
    /// How many bytes of text it holds.
    @exclusivity(unchecked) private(set) var textCount = 0
    @exclusivity(unchecked) private var recordBase: UnsafeMutablePointer<StoredRecord>?
    @exclusivity(unchecked) private var recordCount: Int32 = 0
    @exclusivity(unchecked) private var recordCapacity: Int32 = 0
    @exclusivity(unchecked) private var entryBase: UnsafeMutablePointer<UInt8>?
    @exclusivity(unchecked) private var entryCount: Int32 = 0
    @exclusivity(unchecked) private var entryCapacity: Int32 = 0
    /// The text chunks, in order: eight pointers, then twice as many each time it is full. The
    /// chunk count follows from `textCount`.
    @exclusivity(unchecked) private var chunks: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>>?
    @exclusivity(unchecked) private var probeBase: UnsafeMutablePointer<StoredProbeAnswer>?
    @exclusivity(unchecked) private var probeCount: Int32 = 0
    @exclusivity(unchecked) private var probeCapacity: Int32 = 0
    /// The spans of records whose text starts past 64 KiB or takes 64 KiB or more, by record index.
    @exclusivity(unchecked) var wideSpans: [Int: Range<Int>] = [:]

    /// Room for `records` records and `entryBytes` bytes of log entries from the start, so that a
    /// whole dialogue's usually take one allocation each, never moved.
    init(records: Int, entryBytes: Int) {
        Self.grow(&recordBase, capacity: &recordCapacity, to: records)
        Self.grow(&entryBase, capacity: &entryCapacity, to: entryBytes)
    }

    init(copying other: ConversationStorage) {
        for index in 0..<other.chunkCount {
            addChunk(at: index)
            chunks![index].update(from: other.chunks![index], count: Self.chunkSize)
        }
        textCount = other.textCount
        Self.grow(&recordBase, capacity: &recordCapacity, to: Int(other.recordCapacity))
        recordBase?.update(from: other.recordBase!, count: Int(other.recordCount))
        recordCount = other.recordCount
        Self.grow(&entryBase, capacity: &entryCapacity, to: Int(other.entryCapacity))
        entryBase?.update(from: other.entryBase!, count: Int(other.entryCount))
        entryCount = other.entryCount
        if other.probeCount > 0 {
            Self.grow(&probeBase, capacity: &probeCapacity, to: Int(other.probeCapacity))
            probeBase!.update(from: other.probeBase!, count: Int(other.probeCount))
            probeCount = other.probeCount
        }
        wideSpans = other.wideSpans
    }

    deinit {
        for index in 0..<chunkCount { free(chunks![index]) }
        free(chunks)
        free(recordBase)
        free(entryBase)
        free(probeBase)
    }

    /// Reallocates `base` for `capacity` elements (plain values: they move as bytes).
    private static func grow<Element>(_ base: inout UnsafeMutablePointer<Element>?, capacity: inout Int32, to newCapacity: Int) {
        guard newCapacity > Int(capacity) else { return }
        precondition(newCapacity <= Int(Int32.max), "a conversation outgrew its storage")
        guard let grown = realloc(base, newCapacity * MemoryLayout<Element>.stride) else {
            fatalError("out of memory for a conversation")
        }
        base = grown.bindMemory(to: Element.self, capacity: newCapacity)
        capacity = Int32(newCapacity)
    }

    // MARK: - Records

    /// The answer records, in order; changed in place only while the storage is not shared.
    var records: UnsafeMutableBufferPointer<StoredRecord> {
        UnsafeMutableBufferPointer(start: recordBase, count: Int(recordCount))
    }

    /// Past the room reserved at the start, grows an eighth at a time: a dialogue with list items
    /// goes only a little beyond its question count.
    func appendRecord(_ record: StoredRecord) {
        if recordCount == recordCapacity {
            Self.grow(&recordBase, capacity: &recordCapacity, to: Int(recordCount) + Int(recordCount) / 8 + 4)
        }
        recordBase![Int(recordCount)] = record
        recordCount += 1
    }

    func removeLastRecord() {
        recordCount -= 1
        if !wideSpans.isEmpty { wideSpans[Int(recordCount)] = nil }
        while probeCount > 0 && probeBase![Int(probeCount) - 1].record == recordCount { probeCount -= 1 }
    }

    func removeAllRecords() {
        recordCount = 0
        probeCount = 0
        wideSpans = [:]
    }

    // MARK: - Probe answers

    /// The probe answers of all records, in order.
    var probes: UnsafeMutableBufferPointer<StoredProbeAnswer> {
        UnsafeMutableBufferPointer(start: probeBase, count: Int(probeCount))
    }

    func appendProbe(_ probe: StoredProbeAnswer) {
        if probeCount == probeCapacity {
            Self.grow(&probeBase, capacity: &probeCapacity, to: max(4, Int(probeCount) + Int(probeCount) / 2))
        }
        probeBase![Int(probeCount)] = probe
        probeCount += 1
    }

    // MARK: - Log entries

    /// The log's entries, as `EventLog` encodes them.
    var entries: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: entryBase, count: Int(entryCount))
    }

    /// Room for `more` entry bytes at the end, where `appendEntryBytes` writes. Grows by a quarter
    /// rather than doubling: slack is memory held for nothing.
    func reserveEntryBytes(_ more: Int) {
        let needed = Int(entryCount) + more
        guard needed > Int(entryCapacity) else { return }
        Self.grow(&entryBase, capacity: &entryCapacity, to: max(needed, Int(entryCount) + Int(entryCount) / 4, 128))
    }

    /// Writes entry bytes at the end through `body`, which returns how many it wrote (at most what
    /// `reserveEntryBytes` made room for).
    func appendEntryBytes(_ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        entryCount += Int32(body(entryBase! + Int(entryCount)))
    }

    // MARK: - Text

    /// A chunk is added only when a byte needs it.
    private var chunkCount: Int { (textCount + Self.chunkSize - 1) / Self.chunkSize }

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

    func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var source = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let within = textCount % Self.chunkSize
            if within == 0 { addChunk(at: textCount / Self.chunkSize) }
            let piece = min(remaining, Self.chunkSize - within)
            // Text is only ever added at the end: in the last chunk.
            (lastChunk! + within).update(from: source, count: piece)
            textCount += piece
            source += piece
            remaining -= piece
        }
    }

    func appendText(_ byte: UInt8) {
        if textCount % Self.chunkSize == 0 { addChunk(at: textCount / Self.chunkSize) }
        lastChunk![textCount % Self.chunkSize] = byte
        textCount += 1
    }

    /// Runs `body` with the text at `span` in one piece: in place, or copied when it crosses a chunk's end.
    func withText<Result>(_ span: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        precondition(span.lowerBound >= 0 && span.upperBound <= textCount, "text span \(span) outside the log's \(textCount) bytes")
        guard !span.isEmpty else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        let within = span.lowerBound % Self.chunkSize
        if within + span.count <= Self.chunkSize {
            return body(UnsafeBufferPointer(start: chunk(span.lowerBound / Self.chunkSize) + within, count: span.count))
        }
        // On the stack when it is small, as most answers are: a list's text often crosses a chunk's
        // end and is read on every turn the list is asked about.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: span.count) { buffer in
            var offset = span.lowerBound
            while offset < span.upperBound {
                let at = offset % Self.chunkSize
                let piece = min(span.upperBound - offset, Self.chunkSize - at)
                (buffer.baseAddress! + (offset - span.lowerBound)).update(from: chunk(offset / Self.chunkSize) + at, count: piece)
                offset += piece
            }
            return body(UnsafeBufferPointer(buffer))
        }
    }

    /// The text at `span`.
    func string(_ span: Range<Int>) -> String {
        withText(span) { String(decoding: $0, as: UTF8.self) }
    }
}
