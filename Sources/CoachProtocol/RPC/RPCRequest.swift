import CoachJSON

/// A JSON-RPC 2.0 request or notification, read from one line.
public struct RPCRequest: Equatable, Sendable {
    /// Absent for a notification, which gets no reply.
    public var id: JSONValue?
    public var method: String
    /// The `params` object's members; by-position params are refused.
    public var params: JSONValue

    public var isNotification: Bool { id == nil }

    /// Decodes one line. On failure: the error, and the id when it could be read (else the reply's id is null).
    public static func decode(_ line: [UInt8], depthLimit: Int = JSONParser.defaultDepthLimit) -> Result<RPCRequest, Failure> {
        // The members are taken as they come; a later one of the same name wins, as `JSONValue`'s subscript has it.
        var id: JSONValue?, version: JSONValue?, methodValue: JSONValue?, paramsValue: JSONValue?
        let notAnObject: JSONValue?
        do {
            notAnObject = try JSONParser.parseMembers(line, depthLimit: depthLimit, known: knownStrings) { key, value in
                switch key {
                case "id": id = value
                case "jsonrpc": version = value
                case "method": methodValue = value
                case "params": paramsValue = value
                default: break
                }
            }
        } catch {
            // The parser checks the UTF-8 of strings; bytes elsewhere only break the syntax. Either
            // way, invalid UTF-8 is what the gateway needs to hear about.
            if String(validating: line, as: UTF8.self) == nil {
                return .failure(Failure(id: .null, error: RPCError(.parseError, "invalid UTF-8")))
            }
            switch error.kind {
            case .invalid: return .failure(Failure(id: .null, error: RPCError(.parseError, "\(error.reason) at byte \(error.offset + 1)")))
            case .tooDeep: return .failure(Failure(id: .null, error: RPCError(.invalidRequest, error.reason)))
            }
        }
        if let notAnObject {
            let reason = if case .array = notAnObject { "batches are not supported: send one request per line" } else { "a request must be an object" }
            return .failure(Failure(id: .null, error: RPCError(.invalidRequest, reason)))
        }
        switch id {
        case nil, .null?, .number?, .string?: break
        default: return .failure(Failure(id: .null, error: RPCError(.invalidRequest, "'id' must be a string, a number or null")))
        }
        let replyID = id ?? .null
        guard version == .string("2.0") else {
            return .failure(Failure(id: replyID, error: RPCError(.invalidRequest, "'jsonrpc' must be \"2.0\""), isNotification: id == nil))
        }
        guard case .string(let method)? = methodValue else {
            return .failure(Failure(id: replyID, error: RPCError(.invalidRequest, "'method' must be a string"), isNotification: id == nil))
        }
        let params = paramsValue ?? .object([])
        guard case .object = params else {
            return .failure(Failure(id: replyID, error: RPCError(.invalidParams, "'params' must be an object"), isNotification: id == nil))
        }
        return .success(RPCRequest(id: id, method: method, params: params))
    }

    /// The keys, versions and method names of nearly every line.
    private static let knownStrings = KnownStrings([
        "jsonrpc", "2.0", "id", "method", "params", "session", "text", "payload", "step", "format", "script", "language",
        "user", "tag", "since", "session.start", "session.answer", "session.back", "session.skip", "session.edit",
        "session.resume", "session.summary", "session.end", "session.list", "notes.add", "notes.list",
        "private", "session.share", "session.agenda", "key", "session.delete", "notes.delete",
    ])

    public struct Failure: Error, Equatable, Sendable {
        public var id: JSONValue
        public var error: RPCError
        /// A well-formed notification with a bad field still gets no reply.
        public var isNotification = false
    }
}
