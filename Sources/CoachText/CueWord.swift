#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open-addressing table of cue words keyed by `WordHash`, so a look-up costs one probe and
/// one `memcmp`. The words are kept as flat arrays:
/// reading an entry copies nothing and retains nothing.
final class CueTable: Sendable {
    /// Every word's folded UTF-8 bytes, one after another.
    private let bytes: [UInt8]
    private let starts: [Int]
    private let lengths: [Int]
    private let hashes: [UInt64]
    let kinds: [CueKinds]
    /// For each word, the indices of the words that complete a phrase it begins.
    let seconds: [[Int]]
    private let slots: [Int32]
    private let mask: Int

    init(lexicon: [String: CueKinds], phrases: [String: [(second: String, kinds: CueKinds)]]) {
        var builder = Builder()
        var size = 16
        while size < lexicon.count * 4 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (word, kinds) in lexicon.sorted(by: { $0.key < $1.key }) {
            let index = builder.append(Array(word.utf8), kinds.subtracting(.phraseStart))
            var slot = Int(truncatingIfNeeded: builder.hashes[index]) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(index)
        }
        for (first, phraseSeconds) in phrases.sorted(by: { $0.key < $1.key }) {
            guard let firstIndex = builder.words.firstIndex(of: Array(first.utf8)) else { continue }
            for second in phraseSeconds {
                builder.seconds[firstIndex].append(builder.append(Array(second.second.utf8), second.kinds))
            }
        }
        bytes = builder.words.flatMap { $0 }
        starts = builder.words.indices.map { builder.words[..<$0].reduce(0) { $0 + $1.count } }
        lengths = builder.words.map(\.count)
        hashes = builder.hashes
        kinds = builder.kinds
        seconds = builder.seconds
        self.slots = slots
        mask = size - 1
    }

    private struct Builder {
        var words: [[UInt8]] = []
        var hashes: [UInt64] = []
        var kinds: [CueKinds] = []
        var seconds: [[Int]] = []

        mutating func append(_ word: [UInt8], _ wordKinds: CueKinds) -> Int {
            words.append(word)
            hashes.append(word.withUnsafeBytes { WordHash.of($0) })
            kinds.append(wordKinds)
            seconds.append([])
            return words.count - 1
        }
    }

    /// The index of the cue word with these bytes, or nil.
    func lookup(hash: UInt64, bytes word: UnsafeRawBufferPointer) -> Int? {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            guard index >= 0 else { return nil }
            if hashes[index] == hash && matches(index, word) { return index }
            slot = (slot + 1) & mask
        }
    }

    func matches(_ index: Int, _ word: UnsafeRawBufferPointer) -> Bool {
        guard lengths[index] == word.count else { return false }
        return bytes.withUnsafeBytes { memcmp($0.baseAddress! + starts[index], word.baseAddress!, word.count) == 0 }
    }
}

/// The hash a word is looked up by: eight bytes at a time, once the word is read, rather than a
/// multiplication per byte as it is read (most scanned words are never looked up).
enum WordHash {
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            offset += 8
        }
        if offset < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                tail |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            hash = mix(hash ^ tail)
        }
        return hash
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        let mixed = value &* 0x9e37_79b9_7f4a_7c15
        return mixed ^ (mixed >> 29)
    }
}
