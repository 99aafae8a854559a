import CoachScript
import CoachText

/// A conversation's events, kept compact: a server holds thousands of conversations, and an event
/// as a Swift value, with its answer in a `String` of its own, costs ten times its text.
///
/// Answers are stored back to back, and one that may continue the text before it (a list item, a
/// probe answer) after a newline, so that a list's items and an answer with its probe answers
/// usually lie together as one text the records can point into. The rest of an event takes a few
/// bytes: its kind, its timestamp as the difference from the one before, and an answer's length.
public struct EventLog: Sendable {
    /// Every answer's text as written, a continuing one after "\n", and the entries. It keeps the
    /// conversation's records and probe answers too, so that a turn touches one object.
    /// Owned by one conversation at a time (`makeStorageUnique`), so it goes between threads with it.
    nonisolated(unsafe) private var storage: ConversationStorage
    /// What `revised` and `sharingChanged` events name beyond a kind and a time, in order: rare
    /// events, kept out of the packed entries.
    private var attachments: [Attachment] = []

    private enum Attachment: Sendable, Equatable {
        case revision(previous: Transcript.ScriptIdentity)
        case sharing(answer: String, Sharing)
    }
    private var lastTimestamp: Int64 = 0
    /// How many events it holds; four bytes, so that a small field of the conversation fits beside it.
    private var storedCount: Int32 = 0
    public var count: Int { Int(storedCount) }

    public init() {
        storage = ConversationStorage.make(records: 0, entryBytes: 0)
    }

    /// A log with room for `expectedEvents` events' entries and `expectedRecords` records from
    /// the start, so that a whole dialogue's usually take one allocation each, never moved.
    init(expectedEvents: Int, expectedRecords: Int) {
        storage = ConversationStorage.make(records: expectedRecords, entryBytes: expectedEvents * Self.typicalEntryBytes)
    }

    /// The storage's contents, reached without reference counting (see `ConversationStore`).
    var store: ConversationStore { storage.store }

    /// An answer's entry: its kind, a time step under eight seconds, a length under 128.
    private static let typicalEntryBytes = 4

    private enum Kind: UInt8 {
        case started, answered, skipped, wentBack, revised, sharingChanged
        /// Not an event: text placed by `gather`, skipped when reading the events back.
        case gathered
        /// An answer placed after a newline (see `append`).
        case continuing
    }

    /// Appends `event`; for an answer, returns where its text now lies in the text, without the
    /// whitespace around it (read from the answer while it is at hand). An answer that may
    /// continue the last record's text is placed after a newline: only those need one.
    @discardableResult
    mutating func append(_ event: Event, continuing: Bool = false) -> Range<Int>? {
        makeStorageUnique()
        storedCount += 1
        let at = event.timestamp.millisecondsSince1970
        let kind: Kind
        var placed: Range<Int>?
        var trimmed: Range<Int>?
        switch event {
        case .started: kind = .started
        case .skipped: kind = .skipped
        case .wentBack: kind = .wentBack
        case .revised(_, let previous):
            kind = .revised
            attachments.append(.revision(previous: previous))
        case .sharingChanged(let answer, let sharing, _):
            kind = .sharingChanged
            attachments.append(.sharing(answer: answer, sharing))
        case .answered(let typed, _):
            var answer = AnswerText.cleaned(typed)
            // An empty answer (one that ends a list) continues nothing.
            let afterNewline = continuing && !answer.isEmpty
            kind = afterNewline ? .continuing : .answered
            (placed, trimmed) = answer.withUTF8 { bytes in
                let placed = place(bytes, afterNewline: afterNewline)
                let inner = Self.trimmingWhitespace(bytes)
                return (placed, placed.lowerBound + inner.lowerBound..<placed.lowerBound + inner.upperBound)
            }
        }
        // Zigzag, so that a clock stepping back costs a byte or two like one stepping forward.
        let delta = at &- lastTimestamp
        lastTimestamp = at
        store.reserveEntryBytes(Self.maxEntryBytes)
        store.appendEntryBytes { end in
            end[0] = kind.rawValue
            var written = 1 + Self.writeVarint(UInt64(bitPattern: (delta << 1) ^ (delta >> 63)), at: end + 1)
            if let placed { written += Self.writeVarint(UInt64(placed.count), at: end + written) }
            return written
        }
        return trimmed
    }

    /// A kind and two varints of at most ten bytes each.
    private static let maxEntryBytes = 21

    /// Where `bytes` (valid UTF-8) lie without the whitespace around them.
    private static func trimmingWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0
        var end = bytes.count
        // Most answers start and end with a visible ASCII character: nothing to trim.
        while start < end {
            let byte = bytes[start]
            if byte < 0x80 {
                guard Self.isASCIIWhitespace(byte) else { break }
                start += 1
            } else {
                var next = start + 1
                while next < end && bytes[next] & 0xC0 == 0x80 { next += 1 }
                guard Self.isWhitespace(UnsafeBufferPointer(rebasing: bytes[start..<next])) else { break }
                start = next
            }
        }
        while end > start {
            let byte = bytes[end - 1]
            if byte < 0x80 {
                guard Self.isASCIIWhitespace(byte) else { break }
                end -= 1
            } else {
                var first = end - 1
                while first > start && bytes[first] & 0xC0 == 0x80 { first -= 1 }
                guard Self.isWhitespace(UnsafeBufferPointer(rebasing: bytes[first..<end])) else { break }
                end = first
            }
        }
        return start..<end
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    /// Whether the one scalar in `bytes` (valid UTF-8) is whitespace.
    private static func isWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = Unicode.UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.isWhitespaceFast
    }

    /// Places the text at `span`, a newline and the text at `addition` at the end without an
    /// event: a record's text gathered again when its parts no longer lie together.
    mutating func gather(_ span: Range<Int>, _ addition: Range<Int>) -> Range<Int> {
        makeStorageUnique()
        let start = store.textCount
        // Chunks never move, so the texts can be read while the end grows.
        store.withText(span) { store.appendText($0) }
        store.appendText(0x0A)
        store.withText(addition) { store.appendText($0) }
        let gathered = start..<store.textCount
        store.reserveEntryBytes(Self.maxEntryBytes)
        store.appendEntryBytes { end in
            end[0] = Kind.gathered.rawValue
            return 1 + Self.writeVarint(UInt64(gathered.count), at: end + 1)
        }
        return gathered
    }

    /// Copies `bytes` to the end of the text, after a newline if asked.
    private func place(_ bytes: UnsafeBufferPointer<UInt8>, afterNewline: Bool) -> Range<Int> {
        if afterNewline { store.appendText(0x0A) }
        let start = store.textCount
        store.appendText(bytes)
        return start..<start + bytes.count
    }

    /// Before any change: a copied conversation shares its storage until then.
    private mutating func makeStorageUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// The events, as values.
    public var events: [Event] {
        var events: [Event] = []
        events.reserveCapacity(count)
        var position = 0
        var textPosition = 0
        var attachment = 0
        var at: Int64 = 0
        let entries = store.entries
        while position < entries.count {
            let kind = Kind(rawValue: entries[position])!
            position += 1
            if kind == .gathered {
                textPosition += Int(Self.readVarint(entries, &position))
                continue
            }
            let zigzag = Self.readVarint(entries, &position)
            at &+= Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
            let timestamp = Timestamp(millisecondsSince1970: at)
            switch kind {
            case .started: events.append(.started(at: timestamp))
            case .skipped: events.append(.skipped(at: timestamp))
            case .wentBack: events.append(.wentBack(at: timestamp))
            case .revised, .sharingChanged:
                switch attachments[attachment] {
                case .revision(let previous): events.append(.revised(at: timestamp, previous: previous))
                case .sharing(let answer, let sharing): events.append(.sharingChanged(answer: answer, to: sharing, at: timestamp))
                }
                attachment += 1
            case .gathered:
                break
            case .answered, .continuing:
                if kind == .continuing { textPosition += 1 }
                let length = Int(Self.readVarint(entries, &position))
                events.append(.answered(string(textPosition..<textPosition + length), at: timestamp))
                textPosition += length
            }
        }
        return events
    }

    /// How many bytes the answers' text takes.
    var textByteCount: Int { store.textCount }

    /// Runs `body` with the text at `span` in one piece.
    func withText<Result>(_ span: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        store.withText(span, body)
    }

    /// The text at `span`.
    func string(_ span: Range<Int>) -> String {
        store.string(span)
    }

    /// Writes `value` at `end`; returns how many bytes it took.
    private static func writeVarint(_ value: UInt64, at end: UnsafeMutablePointer<UInt8>) -> Int {
        var value = value
        var written = 0
        while value >= 0x80 {
            end[written] = UInt8(truncatingIfNeeded: value) | 0x80
            written += 1
            value >>= 7
        }
        end[written] = UInt8(value)
        return written + 1
    }

    private static func readVarint(_ bytes: UnsafeBufferPointer<UInt8>, _ position: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}

extension EventLog: Equatable {
    public static func == (lhs: EventLog, rhs: EventLog) -> Bool {
        lhs.count == rhs.count && lhs.lastTimestamp == rhs.lastTimestamp && lhs.attachments == rhs.attachments
            && lhs.store.entries.elementsEqual(rhs.store.entries) && lhs.textByteCount == rhs.textByteCount
            && lhs.withText(0..<lhs.textByteCount) { left in rhs.withText(0..<rhs.textByteCount) { right in left.elementsEqual(right) } }
    }
}
