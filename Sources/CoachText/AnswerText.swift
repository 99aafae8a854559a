/// What may stand in an answer. Every answer is cleaned here on its way into a conversation, from
/// the terminal, the gateway and replay alike, so that nothing a person typed or pasted can drive a
/// terminal (escape sequences clear the screen, colour it, retitle the window) or reorder text in
/// a brief (bidirectional overrides).
public enum AnswerText {
    /// `text` without C0 and C1 control characters (newline and tab are kept; a carriage return
    /// goes, so a pasted CRLF becomes a newline) and without bidirectional embeddings, overrides
    /// and isolates (U+202A–U+202E, U+2066–U+2069). Everything else, line breaks included, stays.
    public static func cleaned(_ text: String) -> String {
        let needsCleaning = text.utf8.withContiguousStorageIfAvailable(containsRemoved) ?? containsRemoved(Array(text.utf8))
        guard needsCleaning else { return text }
        var kept = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isRemoved(scalar) { kept.append(scalar) }
        return String(kept)
    }

    public static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The same test on UTF-8, without decoding: most answers have nothing to remove.
    private static func containsRemoved(_ bytes: some Collection<UInt8>) -> Bool {
        var iterator = bytes.makeIterator()
        while let byte = iterator.next() {
            switch byte {
            case 0x09, 0x0A: continue
            case 0x00...0x1F, 0x7F: return true
            case 0xC2:
                // U+0080–U+009F.
                if let next = iterator.next(), (0x80...0x9F).contains(next) { return true }
            case 0xE2:
                // U+202A–U+202E are E2 80 AA–AE; U+2066–U+2069 are E2 81 A6–A9.
                guard let second = iterator.next(), let third = iterator.next() else { return false }
                if second == 0x80 && (0xAA...0xAE).contains(third) || second == 0x81 && (0xA6...0xA9).contains(third) { return true }
            default: continue
            }
        }
        return false
    }
}
