/// A frame read as far as it can be without the host: a server can decode lines on one thread
/// while the host handles the ones before them on another.
public enum DecodedFrame: Sendable {
    /// A line over the limit was dropped; `bytes` is how much of it arrived before the cut.
    case tooLong(bytes: Int)
    case request(Result<RPCRequest, RPCRequest.Failure>)

    public init(_ frame: LineFramer.Frame) {
        switch frame {
        case .tooLong(let bytes): self = .tooLong(bytes: bytes)
        case .line(let line): self = .request(RPCRequest.decode(line))
        }
    }
}
