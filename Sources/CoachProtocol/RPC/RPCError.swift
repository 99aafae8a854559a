/// A JSON-RPC error: the standard codes and the application's own from -32001 down.
public struct RPCError: Error, Equatable, Sendable {
    public enum Code: Int, Sendable, CaseIterable {
        case parseError = -32700
        case invalidRequest = -32600
        case methodNotFound = -32601
        case invalidParams = -32602
        case internalError = -32603
        case unknownSession = -32001
        case sessionExists = -32002
        case unknownScript = -32003
        case sessionEnded = -32004
        case nothingToGoBackTo = -32005
        case sessionLimitReached = -32006
        case sessionBusy = -32007
        case storageUnavailable = -32008

        public var message: String {
            switch self {
            case .parseError: "Parse error"
            case .invalidRequest: "Invalid Request"
            case .methodNotFound: "Method not found"
            case .invalidParams: "Invalid params"
            case .internalError: "Internal error"
            case .unknownSession: "Unknown session"
            case .sessionExists: "Session exists"
            case .unknownScript: "Unknown script"
            case .sessionEnded: "Session ended"
            case .nothingToGoBackTo: "Nothing to go back to"
            case .sessionLimitReached: "Session limit reached"
            case .sessionBusy: "Session busy"
            case .storageUnavailable: "Storage unavailable"
            }
        }
    }

    public var code: Code
    /// Says what exactly was wrong, for the gateway's logs; never contains answer text.
    public var reason: String?

    public init(_ code: Code, _ reason: String? = nil) {
        self.code = code
        self.reason = reason
    }
}
