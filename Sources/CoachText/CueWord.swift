#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An open-addressing table of cue words keyed by the same FNV-1a hash the scanner computes as
/// it reads, so a look-up costs one probe and one `memcmp`. The words are kept as flat arrays:
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
            hashes.append(FNV1a.hash(word))
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

enum FNV1a {
    static var offset: UInt64 { 0xcbf2_9ce4_8422_2325 }
    static var prime: UInt64 { 0x100_0000_01b3 }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(offset) { ($0 ^ UInt64($1)) &* prime }
    }
}
