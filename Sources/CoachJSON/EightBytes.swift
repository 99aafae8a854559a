/// Looks at eight bytes at once: JSON strings are mostly long runs with nothing to escape, and
/// both the parser and the writer skip such runs a word at a time.
enum EightBytes {
    /// Whether any of the eight bytes may be a control character, a quote or a backslash. It never
    /// misses one; it may say so of a clean word, which the caller then reads byte by byte.
    @inline(__always)
    static func mayHaveControlQuoteOrBackslash(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        return (control | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs)) != 0
    }
}
