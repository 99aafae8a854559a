import CoachJSON

/// Reads a request's named params, with -32602 naming the param that is missing or of the wrong type.
struct Params {
    let value: JSONValue

    init(_ value: JSONValue) {
        self.value = value
    }

    func string(_ key: String) throws(RPCError) -> String {
        guard let text = try optionalString(key) else { throw RPCError(.invalidParams, "'\(key)' is missing") }
        return text
    }

    func optionalString(_ key: String) throws(RPCError) -> String? {
        switch value[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        case let other?: throw RPCError(.invalidParams, "'\(key)' must be a string, not \(other.typeName)")
        }
    }

    func optionalInt(_ key: String) throws(RPCError) -> Int? {
        switch value[key] {
        case nil, .null?: return nil
        case .number(let text)?:
            guard let number = Int(text) else { throw RPCError(.invalidParams, "'\(key)' must be a whole number") }
            return number
        case let other?: throw RPCError(.invalidParams, "'\(key)' must be a number, not \(other.typeName)")
        }
    }

    func optionalBool(_ key: String) throws(RPCError) -> Bool? {
        switch value[key] {
        case nil, .null?: return nil
        case .bool(let flag)?: return flag
        case let other?: throw RPCError(.invalidParams, "'\(key)' must be true or false, not \(other.typeName)")
        }
    }

    /// The gateway's session id: a non-empty string of at most 256 bytes.
    func session() throws(RPCError) -> GatewayID {
        let id = try string("session")
        guard !id.isEmpty, id.utf8.count <= 256 else { throw RPCError(.invalidParams, "'session' must be 1 to 256 bytes") }
        return GatewayID(id)
    }

    /// The gateway's id for a person: a non-empty string of at most 256 bytes.
    func user() throws(RPCError) -> String {
        let id = try string("user")
        guard !id.isEmpty, id.utf8.count <= 256 else { throw RPCError(.invalidParams, "'user' must be 1 to 256 bytes") }
        return id
    }

    /// An answer: typed `text`, or a button's `payload` (option ids, "yes"/"no", scale numbers, ""
    /// to end a list) — one of them, not both.
    func answerText() throws(RPCError) -> String {
        let typed = try optionalString("text")
        let pressed = try optionalString("payload")
        switch (typed, pressed) {
        case (let text?, nil), (nil, let text?): return text
        case (nil, nil): throw RPCError(.invalidParams, "'text' or 'payload' is missing")
        case (_?, _?): throw RPCError(.invalidParams, "'text' and 'payload' are both given: send one")
        }
    }

    /// The gateway's key for an answer (1 to 128 bytes), or nil: an answer sent again with the
    /// same key is not applied twice.
    func requestKey() throws(RPCError) -> String? {
        guard let key = try optionalString("key") else { return nil }
        guard !key.isEmpty, key.utf8.count <= 128 else { throw RPCError(.invalidParams, "'key' must be 1 to 128 bytes") }
        return key
    }

    /// A list of strings; absent is empty.
    func strings(_ key: String) throws(RPCError) -> [String] {
        switch value[key] {
        case nil, .null?: return []
        case .array(let items)?:
            var strings: [String] = []
            for item in items {
                guard case .string(let text) = item else { throw RPCError(.invalidParams, "'\(key)' must be a list of strings") }
                strings.append(text)
            }
            return strings
        case let other?: throw RPCError(.invalidParams, "'\(key)' must be a list of strings, not \(other.typeName)")
        }
    }
}
