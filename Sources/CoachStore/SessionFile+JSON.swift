import CoachEngine
import CoachJSON

extension SessionFile {
    /// The file's JSON, keys sorted as `JSONEncoder` sorts them, written directly: a server that
    /// checkpoints thousands of sessions at once spends its time on the disk, not the encoder.
    func encodedJSON() -> [UInt8] {
        var writer = JSONWriter(capacity: 256 + transcript.events.count * 64)
        writer.beginObject()
        if let closed {
            writer.key("closed")
            writer.int(Int(closed.millisecondsSince1970))
        }
        writer.key("created")
        writer.int(Int(created.millisecondsSince1970))
        writer.key("format")
        writer.string(format)
        if let gateway {
            writer.key("gateway")
            writer.string(gateway)
        }
        writer.key("name")
        writer.string(name)
        if let requestKeys {
            writer.key("requestKeys")
            writer.beginArray()
            for key in requestKeys {
                writer.beginObject()
                writer.key("event"); writer.int(key.event)
                writer.key("key"); writer.string(key.key)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.key("transcript")
        transcript.write(into: &writer)
        writer.key("updated")
        writer.int(Int(updated.millisecondsSince1970))
        writer.endObject()
        return writer.bytes
    }

    /// Reads what `encodedJSON()` wrote (and every release wrote before it); a format it does not
    /// know is named before any of its fields is read.
    public init(json bytes: [UInt8]) throws(Unreadable) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw .notJSON(error)
        }
        let object: JSONObjectReader
        let format: String
        do {
            object = try JSONObjectReader(value)
            format = try object.string("format")
        } catch {
            throw .shape(error)
        }
        guard format == Self.currentFormat else { throw .unknownFormat(format) }
        do {
            try self.init(fields: object, format: format)
        } catch {
            throw .shape(error)
        }
    }

    private init(fields object: JSONObjectReader, format: String) throws(JSONShapeError) {
        self.format = format
        name = try object.string("name")
        created = try object.timestamp("created")
        updated = try object.timestamp("updated")
        transcript = try Transcript(json: try object.object("transcript"))
        gateway = try object.optionalString("gateway")
        closed = object.contains("closed") ? try object.timestamp("closed") : nil
        requestKeys = try object.optionalObjects("requestKeys")?.map { (key: JSONObjectReader) throws(JSONShapeError) in
            RequestKey(key: try key.string("key"), event: try key.int("event"))
        }
    }

    /// Why a session file cannot be read.
    public enum Unreadable: Error, CustomStringConvertible {
        case notJSON(JSONParser.Failure)
        case shape(JSONShapeError)
        case unknownFormat(String)

        public var description: String {
            switch self {
            case .notJSON(let failure): "not valid JSON (\(failure.reason) at byte \(failure.offset))"
            case .shape(let error): error.description
            case .unknownFormat(let format): "unknown format '\(format)'"
            }
        }
    }
}
