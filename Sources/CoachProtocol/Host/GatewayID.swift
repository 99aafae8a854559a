#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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
        sameBytes(lhs.text, rhs.text)
    }

    /// Whether two texts are the same bytes (not merely canonically equivalent): ids and request keys.
    static func sameBytes(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs, right = rhs
        return left.withUTF8 { left in
            right.withUTF8 { right in left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    var description: String { text }
}
