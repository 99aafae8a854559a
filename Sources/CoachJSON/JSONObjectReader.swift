/// What a document lacked where a reader expected something: the path of the member
/// (`transcript.events.3.type`) and what was wrong with it.
public struct JSONShapeError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        case missing
        case wrongType
        /// Of the right type, but not one of the values the reader knows.
        case unknownValue
    }

    public var path: String
    public var problem: Problem

    public init(path: String, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    /// As an error about a file says it: "'transcript' is missing".
    public var description: String {
        let subject = path.isEmpty ? "the document" : "'\(path)'"
        return switch problem {
        case .missing: "\(subject) is missing"
        case .wrongType: "\(subject) has the wrong type"
        case .unknownValue: "\(subject) has a value this mus-coach does not know"
        }
    }
}

/// An object of a parsed document whose members are read by name; a read that fails names the
/// member's path. An absent member and `null` are the same to the optional reads.
public struct JSONObjectReader: Sendable {
    private let members: JSONValue
    /// Where the object lies in the document ("" for the document itself).
    public let path: String

    public init(_ value: JSONValue, path: String = "") throws(JSONShapeError) {
        guard case .object = value else { throw JSONShapeError(path: path, problem: .wrongType) }
        members = value
        self.path = path
    }

    private func path(of key: String) -> String { path.isEmpty ? key : path + "." + key }

    private func member(_ key: String) throws(JSONShapeError) -> JSONValue {
        guard let value = members[key], value != .null else { throw JSONShapeError(path: path(of: key), problem: .missing) }
        return value
    }

    /// The error for a member whose value is not one the reader knows.
    public func unknownValue(_ key: String) -> JSONShapeError { JSONShapeError(path: path(of: key), problem: .unknownValue) }

    public func contains(_ key: String) -> Bool { members[key].map { $0 != .null } ?? false }

    public func string(_ key: String) throws(JSONShapeError) -> String {
        guard case .string(let text) = try member(key) else { throw JSONShapeError(path: path(of: key), problem: .wrongType) }
        return text
    }

    public func optionalString(_ key: String) throws(JSONShapeError) -> String? {
        contains(key) ? try string(key) : nil
    }

    /// A whole number that fits in an `Int`.
    public func int(_ key: String) throws(JSONShapeError) -> Int {
        guard case .number(let text) = try member(key), let value = Int(text) else {
            throw JSONShapeError(path: path(of: key), problem: .wrongType)
        }
        return value
    }

    public func object(_ key: String) throws(JSONShapeError) -> JSONObjectReader {
        try JSONObjectReader(try member(key), path: path(of: key))
    }

    /// An array of objects, each named by its index (`events.3`).
    public func objects(_ key: String) throws(JSONShapeError) -> [JSONObjectReader] {
        guard case .array(let elements) = try member(key) else { throw JSONShapeError(path: path(of: key), problem: .wrongType) }
        var objects: [JSONObjectReader] = []
        objects.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            objects.append(try JSONObjectReader(element, path: path(of: key) + ".\(index)"))
        }
        return objects
    }

    public func optionalObjects(_ key: String) throws(JSONShapeError) -> [JSONObjectReader]? {
        contains(key) ? try objects(key) : nil
    }
}
