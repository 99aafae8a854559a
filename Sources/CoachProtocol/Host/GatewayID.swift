/// A gateway's id for a session or a person, compared byte for byte.
///
/// Swift's `String` is equal for canonically equivalent text (`café` composed and decomposed), so
/// keyed by `String` two people's ids would be one session. An id is opaque to the gateway: two ids
/// that differ in any byte are two people, as their stored names are (`SessionStore.name(forGateway:)`).
struct GatewayID: Hashable, CustomStringConvertible {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: GatewayID, rhs: GatewayID) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    var description: String { text }
}
