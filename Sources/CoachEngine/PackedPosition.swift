/// A `Conversation.Position?` in sixteen bytes rather than thirty-three: a server holds thousands
/// of conversations. The kind lies in `probe`: a probe's index, or one of the negative markers.
struct PackedPosition: Hashable, Sendable {
    private var index: Int32
    private var item: Int32
    private var probe: Int32
    private var round: Int32

    private static let question: Int32 = -1
    private static let listItems: Int32 = -2
    private static let none: Int32 = -3

    init(_ position: Conversation.Position?) {
        switch position {
        case nil: (index, item, probe, round) = (0, 0, Self.none, 0)
        case .question(let index, let item)?: (self.index, self.item, probe, round) = (Int32(index), Int32(item), Self.question, 0)
        case .listItems(let index)?: (self.index, item, probe, round) = (Int32(index), 0, Self.listItems, 0)
        case .probe(let index, let item, let probe, let round)?:
            (self.index, self.item, self.probe, self.round) = (Int32(index), Int32(item), Int32(probe), Int32(round))
        }
    }

    var position: Conversation.Position? {
        switch probe {
        case Self.none: nil
        case Self.question: .question(index: Int(index), item: Int(item))
        case Self.listItems: .listItems(index: Int(index))
        default: .probe(index: Int(index), item: Int(item), probe: Int(probe), round: Int(round))
        }
    }
}
