/// A strict RFC 8259 parser over UTF-8 bytes with a nesting limit, so hostile input is refused
/// with a reason and a byte offset rather than exhausting the stack.
public struct JSONParser {
    public struct Failure: Error, Equatable, Sendable {
        public enum Kind: Equatable, Sendable {
            case invalid
            case tooDeep(limit: Int)
        }

        public var kind: Kind
        public var reason: String
        /// 0-based byte offset into the input.
        public var offset: Int
    }

    public static let defaultDepthLimit = 32

    /// `known`: strings expected again and again (keys, names), handed out rather than built anew.
    public static func parse(_ bytes: [UInt8], depthLimit: Int = defaultDepthLimit,
                             known: KnownStrings = .none) throws(Failure) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var parser = JSONParser(bytes: buffer, depthLimit: depthLimit, known: known)
            parser.skipWhitespace()
            let value = try parser.value(depth: 0)
            parser.skipWhitespace()
            guard parser.position == buffer.count else { throw parser.failure("unexpected text after the value") }
            return value
        }
    }

    /// Parses a top-level object member by member, handing each to `body` in order instead of
    /// building the object: a protocol line is read without a tree around its members. When the
    /// text is valid JSON but not an object, that value is returned for the caller to look at.
    public static func parseMembers(_ bytes: [UInt8], depthLimit: Int = defaultDepthLimit, known: KnownStrings = .none,
                                    _ body: (String, JSONValue) -> Void) throws(Failure) -> JSONValue? {
        try bytes.withUnsafeBufferPointer { buffer throws(Failure) in
            var parser = JSONParser(bytes: buffer, depthLimit: depthLimit, known: known)
            parser.skipWhitespace()
            var other: JSONValue?
            if parser.current == UInt8(ascii: "{") {
                guard depthLimit >= 1 else { throw Failure(kind: .tooDeep(limit: depthLimit), reason: "nested deeper than \(depthLimit) levels", offset: 0) }
                try parser.members(depth: 1, body)
            } else {
                other = try parser.value(depth: 0)
            }
            parser.skipWhitespace()
            guard parser.position == buffer.count else { throw parser.failure("unexpected text after the value") }
            return other
        }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let depthLimit: Int
    private let known: KnownStrings
    private var position = 0

    private init(bytes: UnsafeBufferPointer<UInt8>, depthLimit: Int, known: KnownStrings) {
        self.bytes = bytes
        self.depthLimit = depthLimit
        self.known = known
    }

    private func failure(_ reason: String) -> Failure {
        Failure(kind: .invalid, reason: reason, offset: position)
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0A || bytes[position] == 0x0D {
            position += 1
        }
    }

    private mutating func value(depth: Int) throws(Failure) -> JSONValue {
        guard let byte = current else { throw failure("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw failure("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count,
              memcmp(bytes.baseAddress! + position, word.utf8Start, count) == 0 else { throw failure("unknown literal") }
        position += count
    }

    private mutating func object(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= depthLimit else { throw Failure(kind: .tooDeep(limit: depthLimit), reason: "nested deeper than \(depthLimit) levels", offset: position) }
        var members: [(key: String, value: JSONValue)] = []
        try self.members(depth: depth) { key, value in
            if members.isEmpty { members.reserveCapacity(4) }
            members.append((key, value))
        }
        return .object(members)
    }

    /// The members of the object at the current `{`, each handed to `body`.
    private mutating func members(depth: Int, _ body: (String, JSONValue) -> Void) throws(Failure) {
        position += 1
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a string key") }
            let key = try string()
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':'") }
            position += 1
            skipWhitespace()
            body(key, try value(depth: depth))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"): position += 1; return
            default: throw failure("expected ',' or '}'")
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> JSONValue {
        guard depth <= depthLimit else { throw Failure(kind: .tooDeep(limit: depthLimit), reason: "nested deeper than \(depthLimit) levels", offset: position) }
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            position += 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try value(depth: depth))
            skipWhitespace()
            switch current {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"): position += 1; return .array(elements)
            default: throw failure("expected ',' or ']'")
            }
        }
    }

    private mutating func number() throws(Failure) -> String {
        let start = position
        if current == UInt8(ascii: "-") { position += 1 }
        guard let first = current, isDigit(first) else { throw failure("expected a digit") }
        position += 1
        if first != UInt8(ascii: "0") { skipDigits() }
        if current == UInt8(ascii: ".") {
            position += 1
            guard let digit = current, isDigit(digit) else { throw failure("expected a digit after '.'") }
            skipDigits()
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard let digit = current, isDigit(digit) else { throw failure("expected a digit in the exponent") }
            skipDigits()
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private mutating func skipDigits() {
        while let byte = current, isDigit(byte) { position += 1 }
    }

    private mutating func string() throws(Failure) -> String {
        position += 1
        let start = position
        // Most strings have no escapes: take their bytes as they are, skipping eight at a time and
        // noting on the way whether any is beyond ASCII.
        var highBits: UInt64 = 0
        while position + 8 <= bytes.count {
            let word = UnsafeRawPointer(bytes.baseAddress! + position).loadUnaligned(as: UInt64.self)
            guard !EightBytes.mayHaveControlQuoteOrBackslash(word) else { break }
            highBits |= word
            position += 8
        }
        while position < bytes.count {
            let byte = bytes[position]
            guard byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { break }
            guard byte >= 0x20 else { throw failure("control character in a string") }
            highBits |= UInt64(byte)
            position += 1
        }
        guard position < bytes.count else { throw failure("unterminated string") }
        if bytes[position] == UInt8(ascii: "\"") {
            position += 1
            let utf8 = UnsafeBufferPointer(rebasing: bytes[start..<(position - 1)])
            if let string = known.string(matching: utf8, readable: bytes.count - start) { return string }
            // ASCII needs no validation, and most keys and answers are ASCII.
            if highBits & 0x8080_8080_8080_8080 == 0 { return String(decoding: utf8, as: UTF8.self) }
            return try decode(utf8, from: start)
        }
        var scalars = Array(UnsafeBufferPointer(rebasing: bytes[start..<position]))
        while true {
            guard let byte = current else { throw failure("unterminated string") }
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return try scalars.withUnsafeBufferPointer { buffer throws(Failure) in try decode(buffer, from: start) }
            case UInt8(ascii: "\\"):
                try escape(into: &scalars)
            case 0..<0x20:
                position -= 1
                throw failure("control character in a string")
            default:
                scalars.append(byte)
            }
        }
    }

    private func decode(_ utf8: UnsafeBufferPointer<UInt8>, from start: Int) throws(Failure) -> String {
        // ASCII needs no validation, and most keys and answers are ASCII.
        if utf8.allSatisfy({ $0 < 0x80 }) { return String(decoding: utf8, as: UTF8.self) }
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw Failure(kind: .invalid, reason: "invalid UTF-8 in a string", offset: start)
        }
        return text
    }

    private mutating func escape(into output: inout [UInt8]) throws(Failure) {
        guard let byte = current else { throw failure("unterminated escape") }
        position += 1
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(byte)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var code = try hex4()
            if (0xD800...0xDBFF).contains(code) {
                guard current == UInt8(ascii: "\\"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "u") else {
                    throw failure("lone surrogate in \\u escape")
                }
                position += 2
                let low = try hex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw failure("lone surrogate in \\u escape") }
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(code) {
                throw failure("lone surrogate in \\u escape")
            }
            output.append(contentsOf: Array(String(Character(Unicode.Scalar(code)!)).utf8))
        default:
            position -= 1
            throw failure("unknown escape")
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("short \\u escape") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - 0x30
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - 0x61 + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - 0x41 + 10
            default: throw failure("bad hex digit in \\u escape")
            }
            code = code << 4 | UInt32(digit)
            position += 1
        }
        return code
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Strings a parser's caller expects to read in line after line, such as a protocol's keys and
/// method names: matched by their bytes, they cost no validation and no new string each time.
public struct KnownStrings: Sendable {
    /// Open addressing by length and head: the entry in each slot, or -1. A power of two at
    /// least twice the entries. The entries' parts are kept apart so that a look-up copies nothing.
    private let slots: [Int]
    private let lengths: [Int]
    /// The first eight bytes (fewer, zero-padded), which tell nearly all candidates apart.
    private let heads: [UInt64]
    /// Every string's bytes, back to back; `offsets` says where each begins.
    private let bytes: [UInt8]
    private let offsets: [Int]
    private let strings: [String]
    /// The longest string's length: longer text is none of them.
    private let longest: Int

    /// No strings: what a parser without a caller's list looks up in, built once.
    public static let none = KnownStrings([])

    public init(_ strings: [String]) {
        var size = 16
        while size < strings.count * 2 { size *= 2 }
        var slots = [Int](repeating: -1, count: size)
        var lengths: [Int] = [], heads: [UInt64] = [], bytes: [UInt8] = [], offsets: [Int] = []
        for (index, string) in strings.enumerated() {
            let utf8 = Array(string.utf8)
            let head = utf8.withUnsafeBufferPointer { Self.head(of: $0, readable: $0.count) }
            var slot = Self.slot(length: utf8.count, head: head, size: size)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = index
            lengths.append(utf8.count)
            heads.append(head)
            offsets.append(bytes.count)
            bytes += utf8
        }
        self.slots = slots
        self.lengths = lengths
        self.heads = heads
        self.bytes = bytes
        self.offsets = offsets
        self.strings = strings
        longest = strings.map(\.utf8.count).max() ?? -1
    }

    /// `readable`: how many bytes from the start may be read, at least the string's own.
    private static func head(of utf8: UnsafeBufferPointer<UInt8>, readable: Int) -> UInt64 {
        if readable >= 8, let base = utf8.baseAddress {
            let word = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
            return utf8.count >= 8 ? word : word & ((1 << (8 * UInt64(utf8.count))) - 1)
        }
        var head: UInt64 = 0
        for index in 0..<min(8, utf8.count) { head |= UInt64(utf8[index]) << (8 * UInt64(index)) }
        return head
    }

    private static func slot(length: Int, head: UInt64, size: Int) -> Int {
        Int(truncatingIfNeeded: ((head ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15) >> 40) & (size - 1)
    }

    /// The known string `utf8` spells, if any; `readable` bytes from its start may be read.
    func string(matching utf8: UnsafeBufferPointer<UInt8>, readable: Int) -> String? {
        guard utf8.count <= longest, let base = utf8.baseAddress else { return nil }
        let head = Self.head(of: utf8, readable: readable)
        var slot = Self.slot(length: utf8.count, head: head, size: slots.count)
        while slots[slot] >= 0 {
            let entry = slots[slot]
            if lengths[entry] == utf8.count && heads[entry] == head && (utf8.count <= 8 || bytes.withUnsafeBufferPointer {
                memcmp(base + 8, $0.baseAddress! + offsets[entry] + 8, utf8.count - 8) == 0
            }) {
                return strings[entry]
            }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }
}
