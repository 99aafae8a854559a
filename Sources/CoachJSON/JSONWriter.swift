/// Builds compact JSON straight into bytes: one protocol line costs one buffer, no intermediate tree.
/// The buffer is its own (not an array), so the many small appends of a reply cost no checks of
/// who else holds it.
///
/// The small steps every member takes are inlinable, so that a key or a literal known at compile
/// time becomes a copy of a known number of bytes where it is written.
public struct JSONWriter: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var count = 0
    @usableFromInline var capacity: Int
    /// Per open container (bit n for depth n): whether its next member or element needs a comma.
    @usableFromInline var commas: UInt64 = 0
    @usableFromInline var depth = 0
    /// Set after a key: the value that follows gets no comma of its own.
    @usableFromInline var valueFollowsKey = false

    public init(capacity: Int = 256) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deallocate()
    }

    /// How many bytes have been written.
    public var byteCount: Int { count }

    /// What has been written.
    public var bytes: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    /// Forgets what has been written, keeping the buffer: a writer that lives long writes many lines.
    public mutating func removeAll() {
        precondition(depth == 0, "unclosed JSON container")
        count = 0
        commas = 0
    }

    /// Ends a line of the protocol or the journal.
    public mutating func newline() {
        precondition(depth == 0, "a newline inside a JSON value")
        put(0x0A)
    }

    /// Appends what has been written to `bytes` (a batch of lines).
    public func finish(into bytes: inout [UInt8]) {
        precondition(depth == 0, "unclosed JSON container")
        bytes.append(contentsOf: UnsafeBufferPointer(start: base, count: count))
    }

    @inlinable @inline(__always)
    mutating func reserve(_ more: Int) {
        if count + more > capacity { grow(to: count + more) }
    }

    @usableFromInline
    mutating func grow(to needed: Int) {
        let larger = max(needed, capacity * 2)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
        moved.update(from: base, count: count)
        base.deallocate()
        base = moved
        capacity = larger
    }

    @inlinable @inline(__always)
    mutating func put(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    private mutating func putUTF8(_ text: String) {
        var text = text
        text.withUTF8 { put($0) }
    }

    @inlinable @inline(__always)
    mutating func put(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inlinable @inline(__always)
    public mutating func beginObject() {
        open(UInt8(ascii: "{"))
    }

    @inlinable @inline(__always)
    public mutating func endObject() {
        close(UInt8(ascii: "}"))
    }

    @inlinable @inline(__always)
    public mutating func beginArray() {
        open(UInt8(ascii: "["))
    }

    @inlinable @inline(__always)
    public mutating func endArray() {
        close(UInt8(ascii: "]"))
    }

    @inlinable @inline(__always)
    mutating func open(_ bracket: UInt8) {
        separate()
        put(bracket)
        depth += 1
        precondition(depth < 64, "JSON nested deeper than the writer supports")
        commas &= ~(1 << UInt64(depth))
    }

    @inlinable @inline(__always)
    mutating func close(_ bracket: UInt8) {
        depth -= 1
        put(bracket)
    }

    /// Writes `"key":`; the member's value follows.
    @inlinable @inline(__always)
    public mutating func key(_ key: StaticString) {
        literal(key)
        put(UInt8(ascii: ":"))
        valueFollowsKey = true
    }

    /// Writes a key that is not known at compile time (a parsed object's).
    private mutating func dynamicKey(_ key: String) {
        separate()
        appendQuoted(key)
        put(UInt8(ascii: ":"))
        valueFollowsKey = true
    }

    /// A value written earlier as compact JSON by another writer (`bytes`), copied as it is.
    public mutating func written(_ json: [UInt8]) {
        separate()
        json.withUnsafeBufferPointer { put($0) }
    }

    public mutating func string(_ text: String) {
        separate()
        appendQuoted(text)
    }

    /// A string known at compile time that needs no escaping. (A literal passed to `string` is a
    /// `String`, which is scanned for escapes: this skips that.)
    @inlinable @inline(__always)
    public mutating func literal(_ text: StaticString) {
        separate()
        put(UInt8(ascii: "\""))
        put(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        put(UInt8(ascii: "\""))
    }

    private mutating func appendQuoted(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            let count = utf8.count
            // Room for the text and its quotes at once: escapes, which are rare, make more as they come.
            reserve(count + 2)
            base[self.count] = UInt8(ascii: "\"")
            self.count += 1
            guard let source = utf8.baseAddress else { return put(UInt8(ascii: "\"")) }
            // Copy runs that need no escaping in one go, looking at eight bytes at a time: most text
            // has nothing to escape, and prompts are long.
            var runStart = 0
            var index = 0
            while index < count {
                if index + 8 <= count, !Self.mayNeedEscape(UnsafeRawPointer(source + index).loadUnaligned(as: UInt64.self)) {
                    index += 8
                    continue
                }
                let byte = source[index]
                if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                    put(UnsafeBufferPointer(start: source + runStart, count: index - runStart))
                    appendEscaped(byte)
                    runStart = index + 1
                }
                index += 1
            }
            put(UnsafeBufferPointer(start: source + runStart, count: count - runStart))
            put(UInt8(ascii: "\""))
        }
    }

    static func mayNeedEscape(_ word: UInt64) -> Bool {
        EightBytes.mayHaveControlQuoteOrBackslash(word)
    }

    private mutating func appendEscaped(_ byte: UInt8) {
        put(0x5C)
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): put(byte)
        case 0x0A: put(UInt8(ascii: "n"))
        case 0x0D: put(UInt8(ascii: "r"))
        case 0x09: put(UInt8(ascii: "t"))
        default:
            let hex = Array("0123456789abcdef".utf8)
            for digit in [UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]] { put(digit) }
        }
    }

    public mutating func int(_ value: Int) {
        separate()
        // Counts, numbers and ids below a hundred are most of what is written.
        if value >= 0 && value < 100 {
            reserve(2)
            if value >= 10 {
                base[count] = UInt8(truncatingIfNeeded: value / 10) &+ 0x30
                count += 1
            }
            base[count] = UInt8(truncatingIfNeeded: value % 10) &+ 0x30
            count += 1
            return
        }
        if value < 0 { put(UInt8(ascii: "-")) }
        // Digits from the last, dividing by the constant ten (a multiplication once compiled), into
        // the end of room for the longest.
        var magnitude = value.magnitude
        reserve(20)
        var digits = 0
        repeat {
            base[count + 19 - digits] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
            magnitude /= 10
            digits += 1
        } while magnitude > 0
        (base + count).update(from: base + count + 20 - digits, count: digits)
        count += digits
    }

    /// A fraction with at most three decimals, as progress is shown.
    public mutating func fraction(_ value: Double) {
        let thousandths = Int((value * 1000).rounded())
        int(thousandths / 1000)
        var rest = thousandths % 1000
        guard rest != 0 else { return }
        var digits = 3
        while rest % 10 == 0 {
            rest /= 10
            digits -= 1
        }
        put(UInt8(ascii: "."))
        var divisor = digits == 3 ? 100 : digits == 2 ? 10 : 1
        while divisor > 0 {
            put(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            divisor /= 10
        }
    }

    public mutating func bool(_ value: Bool) {
        separate()
        putUTF8(value ? "true" : "false")
    }

    public mutating func null() {
        separate()
        putUTF8("null")
    }

    /// A value parsed earlier, written back as compact JSON.
    public mutating func value(_ value: JSONValue) {
        switch value {
        case .null: null()
        case .bool(let flag): bool(flag)
        case .number(let text):
            separate()
            putUTF8(text)
        case .string(let text): string(text)
        case .array(let elements):
            beginArray()
            for element in elements { self.value(element) }
            endArray()
        case .object(let members):
            beginObject()
            for member in members {
                dynamicKey(member.key)
                self.value(member.value)
            }
            endObject()
        }
    }

    @inlinable @inline(__always)
    mutating func separate() {
        if valueFollowsKey {
            valueFollowsKey = false
            return
        }
        guard depth > 0 else { return }
        let bit: UInt64 = 1 << UInt64(depth)
        if commas & bit != 0 { put(UInt8(ascii: ",")) }
        commas |= bit
    }
}
