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
/// counts a turn reads (text, entries, records) share the object's first cache line, and one
/// uniqueness check covers all four.
///
/// Shared only when a conversation is copied; `EventLog` copies it before changing a shared one.
final class ConversationStorage: ManagedBuffer<ConversationStore.Fields, UInt8> {
    /// Room for `records` records and `entryBytes` bytes of log entries from the start, so that a
    /// whole dialogue's usually take one allocation each, never moved.
    static func make(records: Int, entryBytes: Int) -> ConversationStorage {
        let storage = unsafeDowncast(create(minimumCapacity: 0) { _ in ConversationStore.Fields() }, to: ConversationStorage.self)
        storage.store.reserve(records: records, entryBytes: entryBytes)
        return storage
    }

    func copy() -> ConversationStorage {
        let copy = Self.make(records: 0, entryBytes: 0)
        copy.store.copy(store)
        return copy
    }

    /// Its contents, reached through a pointer into the object: valid while the object lives.
    var store: ConversationStore {
        withUnsafeMutablePointerToHeader { ConversationStore(fields: $0) }
    }

    deinit {
        store.freeBuffers()
    }
}

/// A conversation's storage reached without reference counting: the turn's calls on it take no
/// retain, an atomic operation that waited for the record just written to reach memory.
///
/// The text lies in chunks of one size that never move. Thousands of logs grow at once: a text
/// buffer that moved as it grew left the buffer before behind, and the others, growing too,
/// rarely fit in it, which cost more than the slack. Chunks are filled to the last byte and freed
/// only with the storage; the text runs on from one chunk to the next, so an offset names one
/// byte, and only a text that crosses a chunk's end is copied to be read in one piece.
struct ConversationStore {
    /// Bytes per chunk: with malloc's eight bytes in front, a block of 256.
    static let chunkSize = 248

    /// The fields a turn reads come first, so that they share a cache line with the object's
    /// header. Each buffer is malloc'ed: its elements are plain values.
    struct Fields {
        /// The last text chunk, where text is added and mostly read.
        fileprivate var lastChunk: UnsafeMutablePointer<UInt8>?
        /// How many bytes of text it holds.
        fileprivate var textCount = 0
        fileprivate var recordBase: UnsafeMutablePointer<StoredRecord>?
        fileprivate var recordCount: Int32 = 0
        fileprivate var recordCapacity: Int32 = 0
        fileprivate var entryBase: UnsafeMutablePointer<UInt8>?
        fileprivate var entryCount: Int32 = 0
        fileprivate var entryCapacity: Int32 = 0
        /// The text chunks, in order: eight pointers, then twice as many each time it is full.
        /// The chunk count follows from `textCount`.
        fileprivate var chunks: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>>?
        fileprivate var probeBase: UnsafeMutablePointer<StoredProbeAnswer>?
        fileprivate var probeCount: Int32 = 0
        fileprivate var probeCapacity: Int32 = 0
        /// The spans of records whose text starts past 64 KiB or takes 64 KiB or more, by record index.
        fileprivate var wideSpans: [Int: Range<Int>] = [:]
    }

    private let fields: UnsafeMutablePointer<Fields>

    fileprivate init(fields: UnsafeMutablePointer<Fields>) {
        self.fields = fields
    }

    fileprivate func reserve(records: Int, entryBytes: Int) {
        Self.grow(&fields.pointee.recordBase, capacity: &fields.pointee.recordCapacity, to: records)
        Self.grow(&fields.pointee.entryBase, capacity: &fields.pointee.entryCapacity, to: entryBytes)
    }

    /// Takes `other`'s contents, into an empty store.
    fileprivate func copy(_ other: ConversationStore) {
        let from = other.fields
        for index in 0..<other.chunkCount {
            addChunk(at: index)
            fields.pointee.chunks![index].update(from: from.pointee.chunks![index], count: Self.chunkSize)
        }
        fields.pointee.textCount = from.pointee.textCount
        Self.grow(&fields.pointee.recordBase, capacity: &fields.pointee.recordCapacity, to: Int(from.pointee.recordCapacity))
        fields.pointee.recordBase?.update(from: from.pointee.recordBase!, count: Int(from.pointee.recordCount))
        fields.pointee.recordCount = from.pointee.recordCount
        Self.grow(&fields.pointee.entryBase, capacity: &fields.pointee.entryCapacity, to: Int(from.pointee.entryCapacity))
        fields.pointee.entryBase?.update(from: from.pointee.entryBase!, count: Int(from.pointee.entryCount))
        fields.pointee.entryCount = from.pointee.entryCount
        if from.pointee.probeCount > 0 {
            Self.grow(&fields.pointee.probeBase, capacity: &fields.pointee.probeCapacity, to: Int(from.pointee.probeCapacity))
            fields.pointee.probeBase!.update(from: from.pointee.probeBase!, count: Int(from.pointee.probeCount))
            fields.pointee.probeCount = from.pointee.probeCount
        }
        fields.pointee.wideSpans = from.pointee.wideSpans
    }

    fileprivate func freeBuffers() {
        for index in 0..<chunkCount { free(fields.pointee.chunks![index]) }
        free(fields.pointee.chunks)
        free(fields.pointee.recordBase)
        free(fields.pointee.entryBase)
        free(fields.pointee.probeBase)
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
        UnsafeMutableBufferPointer(start: fields.pointee.recordBase, count: Int(fields.pointee.recordCount))
    }

    /// The spans of records whose text starts past 64 KiB or takes 64 KiB or more, by record index.
    var wideSpans: [Int: Range<Int>] {
        get { fields.pointee.wideSpans }
        nonmutating _modify { yield &fields.pointee.wideSpans }
    }

    /// Past the room reserved at the start, grows an eighth at a time: a dialogue with list items
    /// goes only a little beyond its question count.
    func appendRecord(_ record: StoredRecord) {
        let count = Int(fields.pointee.recordCount)
        if count == Int(fields.pointee.recordCapacity) {
            Self.grow(&fields.pointee.recordBase, capacity: &fields.pointee.recordCapacity, to: count + count / 8 + 4)
        }
        fields.pointee.recordBase![count] = record
        fields.pointee.recordCount += 1
    }

    func removeLastRecord() {
        fields.pointee.recordCount -= 1
        let count = fields.pointee.recordCount
        if !fields.pointee.wideSpans.isEmpty { fields.pointee.wideSpans[Int(count)] = nil }
        while fields.pointee.probeCount > 0 && fields.pointee.probeBase![Int(fields.pointee.probeCount) - 1].record == count {
            fields.pointee.probeCount -= 1
        }
    }

    func removeAllRecords() {
        fields.pointee.recordCount = 0
        fields.pointee.probeCount = 0
        fields.pointee.wideSpans = [:]
    }

    // MARK: - Probe answers

    /// The probe answers of all records, in order.
    var probes: UnsafeMutableBufferPointer<StoredProbeAnswer> {
        UnsafeMutableBufferPointer(start: fields.pointee.probeBase, count: Int(fields.pointee.probeCount))
    }

    func appendProbe(_ probe: StoredProbeAnswer) {
        let count = Int(fields.pointee.probeCount)
        if count == Int(fields.pointee.probeCapacity) {
            Self.grow(&fields.pointee.probeBase, capacity: &fields.pointee.probeCapacity, to: max(4, count + count / 2))
        }
        fields.pointee.probeBase![count] = probe
        fields.pointee.probeCount += 1
    }

    // MARK: - Log entries

    /// The log's entries, as `EventLog` encodes them.
    var entries: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: fields.pointee.entryBase, count: Int(fields.pointee.entryCount))
    }

    /// Room for `more` entry bytes at the end, where `appendEntryBytes` writes. Grows by a quarter
    /// rather than doubling: slack is memory held for nothing.
    func reserveEntryBytes(_ more: Int) {
        let count = Int(fields.pointee.entryCount)
        guard count + more > Int(fields.pointee.entryCapacity) else { return }
        Self.grow(&fields.pointee.entryBase, capacity: &fields.pointee.entryCapacity, to: max(count + more, count + count / 4, 128))
    }

    /// Writes entry bytes at the end through `body`, which returns how many it wrote (at most what
    /// `reserveEntryBytes` made room for).
    func appendEntryBytes(_ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        fields.pointee.entryCount += Int32(body(fields.pointee.entryBase! + Int(fields.pointee.entryCount)))
    }

    // MARK: - Text

    /// How many bytes of text it holds.
    var textCount: Int { fields.pointee.textCount }

    /// A chunk is added only when a byte needs it.
    private var chunkCount: Int { (fields.pointee.textCount + Self.chunkSize - 1) / Self.chunkSize }

    /// Adds chunk number `index` (the chunk count so far). The table holds eight pointers, then
    /// twice as many each time it is full.
    private func addChunk(at index: Int) {
        if index == 0 || (index >= 8 && index & (index - 1) == 0) {
            guard let grown = realloc(fields.pointee.chunks, max(8, index * 2) * MemoryLayout<UnsafeMutablePointer<UInt8>>.stride) else {
                fatalError("out of memory for a conversation's text")
            }
            fields.pointee.chunks = grown.assumingMemoryBound(to: UnsafeMutablePointer<UInt8>.self)
        }
        guard let chunk = malloc(Self.chunkSize) else { fatalError("out of memory for a conversation's text") }
        let bound = chunk.bindMemory(to: UInt8.self, capacity: Self.chunkSize)
        fields.pointee.lastChunk = bound
        fields.pointee.chunks![index] = bound
    }

    private func chunk(_ index: Int) -> UnsafeMutablePointer<UInt8> {
        index == chunkCount - 1 ? fields.pointee.lastChunk! : fields.pointee.chunks![index]
    }

    func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard var source = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            let count = fields.pointee.textCount
            let within = count % Self.chunkSize
            if within == 0 { addChunk(at: count / Self.chunkSize) }
            let piece = min(remaining, Self.chunkSize - within)
            // Text is only ever added at the end: in the last chunk.
            (fields.pointee.lastChunk! + within).update(from: source, count: piece)
            fields.pointee.textCount = count + piece
            source += piece
            remaining -= piece
        }
    }

    func appendText(_ byte: UInt8) {
        let count = fields.pointee.textCount
        if count % Self.chunkSize == 0 { addChunk(at: count / Self.chunkSize) }
        fields.pointee.lastChunk![count % Self.chunkSize] = byte
        fields.pointee.textCount = count + 1
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
