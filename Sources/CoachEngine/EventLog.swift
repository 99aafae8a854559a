/// A conversation's events, kept compact: a server holds thousands of conversations, and an event
/// as a Swift value, with its answer in a `String` of its own, costs ten times its text.
///
/// Answers are stored back to back, and one that may continue the text before it (a list item, a
/// probe answer) after a newline, so that a list's items and an answer with its probe answers
/// usually lie together as one text the records can point into. The rest of an event takes a few
/// bytes: its kind, its timestamp as the difference from the one before, and an answer's length.
public struct EventLog: Sendable {
    /// Every answer's text as written, a continuing one after "\n".
    private var text = LogText()
    private var entries: [UInt8] = []
    /// The scripts named by `revised` events, in order.
    private var identities: [Transcript.ScriptIdentity] = []
    private var lastTimestamp: Int64 = 0
    /// How many events it holds; four bytes, so that a small field of the conversation fits beside it.
    private var storedCount: Int32 = 0
    public var count: Int { Int(storedCount) }

    public init() {}

    /// A log with room for `expectedEvents` events' entries from the start, so that a whole
    /// dialogue's entries usually take one allocation, never moved.
    init(expectedEvents: Int) {
        entries.reserveCapacity(expectedEvents * Self.typicalEntryBytes)
    }

    /// An answer's entry: its kind, a time step under eight seconds, a length under 128.
    private static let typicalEntryBytes = 4

    private enum Kind: UInt8 {
        case started, answered, skipped, wentBack, revised
        /// Not an event: text placed by `gather`, skipped when reading the events back.
        case gathered
        /// An answer placed after a newline (see `append`).
        case continuing
    }

    /// Appends `event`; for an answer, returns where its text now lies in `text`. An answer that
    /// may continue the last record's text is placed after a newline: only those need one.
    @discardableResult
    mutating func append(_ event: Event, continuing: Bool = false) -> Range<Int>? {
        storedCount += 1
        let at = event.timestamp.millisecondsSince1970
        let kind: Kind
        var span: Range<Int>?
        switch event {
        case .started: kind = .started
        case .skipped: kind = .skipped
        case .wentBack: kind = .wentBack
        case .revised(_, let previous):
            kind = .revised
            identities.append(previous)
        case .answered(let answer, _):
            // An empty answer (one that ends a list) continues nothing.
            let afterNewline = continuing && !answer.isEmpty
            kind = afterNewline ? .continuing : .answered
            var answer = answer
            span = answer.withUTF8 { place($0, afterNewline: afterNewline) }
        }
        Self.reserve(12, in: &entries, first: 128)
        entries.append(kind.rawValue)
        // Zigzag, so that a clock stepping back costs a byte or two like one stepping forward.
        let delta = at &- lastTimestamp
        Self.appendVarint(UInt64(bitPattern: (delta << 1) ^ (delta >> 63)), to: &entries)
        lastTimestamp = at
        if let span { Self.appendVarint(UInt64(span.count), to: &entries) }
        return span
    }

    /// Places the text at `span`, a newline and the text at `addition` at the end without an
    /// event: a record's text gathered again when its parts no longer lie together.
    mutating func gather(_ span: Range<Int>, _ addition: Range<Int>) -> Range<Int> {
        makeTextUnique()
        let start = text.count
        // Chunks never move, so the texts can be read while the end grows.
        text.withBytes(span) { text.append($0) }
        text.append(0x0A)
        text.withBytes(addition) { text.append($0) }
        let gathered = start..<text.count
        Self.reserve(12, in: &entries, first: 128)
        entries.append(Kind.gathered.rawValue)
        Self.appendVarint(UInt64(gathered.count), to: &entries)
        return gathered
    }

    /// Copies `bytes` to the end of the text, after a newline if asked.
    private mutating func place(_ bytes: UnsafeBufferPointer<UInt8>, afterNewline: Bool) -> Range<Int> {
        makeTextUnique()
        if afterNewline { text.append(0x0A) }
        let start = text.count
        text.append(bytes)
        return start..<start + bytes.count
    }

    private mutating func makeTextUnique() {
        if !isKnownUniquelyReferenced(&text) { text = LogText(copying: text) }
    }

    /// Makes room for `more` bytes, starting with `first`. Grows by a quarter rather than
    /// doubling: a server holds thousands of these, and slack is memory held for nothing.
    private static func reserve(_ more: Int, in bytes: inout [UInt8], first: Int) {
        guard bytes.count + more > bytes.capacity else { return }
        bytes.reserveCapacity(max(bytes.count + more, bytes.count + bytes.count / 4, first))
    }

    /// The events, as values.
    public var events: [Event] {
        var events: [Event] = []
        events.reserveCapacity(count)
        var position = 0
        var textPosition = 0
        var identity = 0
        var at: Int64 = 0
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
            case .revised:
                events.append(.revised(at: timestamp, previous: identities[identity]))
                identity += 1
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
    var textByteCount: Int { text.count }

    /// Runs `body` with the text at `span` in one piece.
    func withText<Result>(_ span: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        text.withBytes(span, body)
    }

    /// The text at `span`.
    func string(_ span: Range<Int>) -> String {
        text.withBytes(span) { String(decoding: $0, as: UTF8.self) }
    }

    private static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    private static func readVarint(_ bytes: [UInt8], _ position: inout Int) -> UInt64 {
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
        lhs.count == rhs.count && lhs.lastTimestamp == rhs.lastTimestamp && lhs.identities == rhs.identities
            && lhs.entries == rhs.entries && lhs.text.count == rhs.text.count
            && lhs.withText(0..<lhs.text.count) { left in rhs.withText(0..<rhs.text.count) { right in left.elementsEqual(right) } }
    }
}
