/// Question indices by id. Conditions that name an earlier answer look one up on every turn they
/// are checked: a dictionary hashed the whole id with SipHash each time, this table hashes its
/// bytes with FNV-1a and compares at most a few ids.
struct QuestionIndex: Sendable {
    private let ids: [String]
    /// Open addressing: an index into `ids`, or -1 for an empty slot.
    private let slots: [Int32]
    private let mask: Int

    /// `ids` in question order; an id given twice keeps its first index.
    init(_ ids: [String]) {
        var size = 16
        while size < ids.count * 2 { size *= 2 }
        var slots = [Int32](repeating: -1, count: size)
        for (index, id) in ids.enumerated() {
            var slot = Self.hash(id) & (size - 1)
            while slots[slot] >= 0 && ids[Int(slots[slot])] != id { slot = (slot + 1) & (size - 1) }
            if slots[slot] < 0 { slots[slot] = Int32(index) }
        }
        self.ids = ids
        self.slots = slots
        mask = size - 1
    }

    func index(of id: String) -> Int? {
        var slot = Self.hash(id) & mask
        while true {
            let index = slots[slot]
            guard index >= 0 else { return nil }
            if ids[Int(index)] == id { return Int(index) }
            slot = (slot + 1) & mask
        }
    }

    private static func hash(_ id: String) -> Int {
        func fold(_ bytes: some Sequence<UInt8>) -> UInt64 {
            bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        }
        // A string's bytes read in place: iterating its UTF-8 view cost several times more.
        return Int(truncatingIfNeeded: id.utf8.withContiguousStorageIfAvailable { fold($0) } ?? fold(id.utf8))
    }
}
