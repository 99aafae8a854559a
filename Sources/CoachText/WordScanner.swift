/// One word found by `WordScanner`, folded to UTF-8 bytes in a buffer that is valid only during the callback.
struct ScannedWord {
    var bytes: UnsafeRawBufferPointer
    var startsCapital: Bool
    var startsSentence: Bool
    var hasDigit: Bool
    /// Where in the text the words after this one begin to be looked for.
    var next: Int

    var text: String { String(decoding: bytes, as: UTF8.self) }
    /// For lexicon look-ups without building a String.
    var hash: UInt64 { WordHash.of(bytes) }
}

/// Splits text into words (runs of letters and digits) in one pass over its UTF-8 bytes, folding
/// case and accents on the way. The analysis of every answer goes through here, so it allocates nothing.
enum WordScanner {
    /// Longer words are cut to this many bytes; no real word comes near it.
    static var maxWordBytes: Int { 256 }

    /// Calls `body` with each word until it returns false.
    static func scan(_ text: String, _ body: (ScannedWord) -> Bool) {
        var text = text
        text.withUTF8 { scan(utf8: $0, body) }
    }

    /// The same over valid UTF-8.
    static func scan(utf8: UnsafeBufferPointer<UInt8>, _ body: (ScannedWord) -> Bool) {
        guard let base = utf8.baseAddress else { return }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maxWordBytes) { buffer in
            var word = WordInProgress(buffer: buffer.baseAddress!)
            var index = 0
            while index < utf8.count {
                let byte = base[index]
                // ASCII, most of any answer, is classified and folded here without decoding, a run
                // of letters and digits at a time.
                if byte < 0x80 {
                    guard Self.isASCIIWordByte(byte) else {
                        index += 1
                        guard word.finish(body, next: index) else { return }
                        // . ! ? : and newline end a sentence.
                        if byte == 0x2E || byte == 0x21 || byte == 0x3F || byte == 0x3A || byte == 0x0A {
                            word.atSentenceStart = true
                        }
                        continue
                    }
                    if word.length == 0 { word.begin(capital: byte &- 0x41 < 26) }
                    while index < utf8.count {
                        let next = base[index]
                        if next &- 0x61 < 26 {
                            word.push(next)
                        } else if next &- 0x41 < 26 {
                            word.push(next | 0x20)
                        } else if next &- 0x30 < 10 {
                            word.hasDigit = true
                            word.push(next)
                        } else {
                            break
                        }
                        index += 1
                    }
                    continue
                }
                let (scalar, width) = UTF8Decoding.scalar(in: utf8, at: index)
                index += width
                let capital: Bool
                switch CharacterKind(scalar) {
                case .other:
                    guard word.finish(body, next: index) else { return }
                    continue
                case .digit:
                    word.hasDigit = true
                    capital = false
                case .upper:
                    capital = true
                case .lower:
                    capital = false
                }
                var first = true
                for byte in UTF8.encode(Folding.fold(scalar))! {
                    word.append(byte, capital: first && capital)
                    first = false
                }
            }
            _ = word.finish(body, next: utf8.count)
        }
    }

    /// Counts the words from byte `start` on, as `scan` would find them, up to `limit`: what an
    /// analysis that has what it looks for still needs when it only counts words.
    static func countWords(utf8: UnsafeBufferPointer<UInt8>, from start: Int, limit: Int) -> Int {
        var count = 0
        var inWord = false
        var index = start
        while index < utf8.count && count < limit {
            let byte = utf8[index]
            let isWordPart: Bool
            if byte < 0x80 {
                isWordPart = isASCIIWordByte(byte)
                index += 1
            } else {
                let (scalar, width) = UTF8Decoding.scalar(in: utf8, at: index)
                isWordPart = CharacterKind(scalar) != .other
                index += width
            }
            if isWordPart && !inWord { count += 1 }
            inWord = isWordPart
        }
        return count
    }

    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x61 < 26 || byte &- 0x41 < 26 || byte &- 0x30 < 10
    }
}

/// The word being read, folded into a fixed buffer.
private struct WordInProgress {
    let buffer: UnsafeMutablePointer<UInt8>
    var length = 0
    var startsCapital = false
    var startsSentence = true
    var atSentenceStart = true
    var hasDigit = false

    init(buffer: UnsafeMutablePointer<UInt8>) {
        self.buffer = buffer
    }

    @inline(__always)
    mutating func begin(capital: Bool) {
        startsCapital = capital
        startsSentence = atSentenceStart
    }

    @inline(__always)
    mutating func push(_ byte: UInt8) {
        guard length < WordScanner.maxWordBytes else { return }
        buffer[length] = byte
        length += 1
    }

    @inline(__always)
    mutating func append(_ byte: UInt8, capital: Bool) {
        if length == 0 { begin(capital: capital) }
        push(byte)
    }

    /// Hands the word over, if there is one; false when `body` wants no more. `next`: where
    /// scanning goes on.
    @inline(__always)
    mutating func finish(_ body: (ScannedWord) -> Bool, next: Int) -> Bool {
        guard length > 0 else { return true }
        let goOn = body(ScannedWord(bytes: UnsafeRawBufferPointer(start: buffer, count: length), startsCapital: startsCapital,
                         startsSentence: startsSentence, hasDigit: hasDigit, next: next))
        length = 0
        hasDigit = false
        atSentenceStart = false
        return goOn
    }
}

/// Decodes one scalar from valid UTF-8 (a Swift String's bytes always are).
enum UTF8Decoding {
    static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        switch lead {
        case 0..<0x80:
            return (Unicode.Scalar(lead)!, 1)
        case 0xC0..<0xE0:
            return (Unicode.Scalar(((lead & 0x1F) << 6) | (UInt32(bytes[index + 1]) & 0x3F)) ?? "\u{FFFD}", 2)
        case 0xE0..<0xF0:
            let value = ((lead & 0x0F) << 12) | ((UInt32(bytes[index + 1]) & 0x3F) << 6) | (UInt32(bytes[index + 2]) & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 3)
        default:
            let value = ((lead & 0x07) << 18) | ((UInt32(bytes[index + 1]) & 0x3F) << 12)
                | ((UInt32(bytes[index + 2]) & 0x3F) << 6) | (UInt32(bytes[index + 3]) & 0x3F)
            return (Unicode.Scalar(value) ?? "\u{FFFD}", 4)
        }
    }
}
