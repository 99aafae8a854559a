import CoachEngine
import CoachJSON
import CoachScript

/// The one JSON form of an event, in session files and in the server's journal: its `type`, `at`
/// (milliseconds since 1970) and the fields of its kind, keys in sorted order. Adding an event kind
/// is a case in `writeFields(into:)`, which the compiler points at, and one in `init(json:)`.
extension Event {
    /// Writes the event's fields into an object the caller has begun (and ends).
    public func writeFields(into writer: inout JSONWriter) {
        if case .sharingChanged(let answer, _, _) = self {
            writer.key("answer")
            writer.string(answer)
        }
        writer.key("at")
        writer.int(Int(timestamp.millisecondsSince1970))
        switch self {
        case .started:
            writer.key("type"); writer.literal("started")
        case .answered(let text, _):
            writer.key("text"); writer.string(text)
            writer.key("type"); writer.literal("answered")
        case .skipped:
            writer.key("type"); writer.literal("skipped")
        case .wentBack:
            writer.key("type"); writer.literal("wentBack")
        case .revised(_, let previous):
            writer.key("previous"); previous.write(into: &writer)
            writer.key("type"); writer.literal("revised")
        case .sharingChanged(_, let sharing, _):
            writer.key("sharing"); writer.string(sharing.rawValue)
            writer.key("type"); writer.literal("sharingChanged")
        }
    }

    /// Reads what `writeFields(into:)` wrote.
    public init(json object: JSONObjectReader) throws(JSONShapeError) {
        let at = try object.timestamp("at")
        let type = try object.string("type")
        switch type {
        case "started": self = .started(at: at)
        case "answered": self = .answered(try object.string("text"), at: at)
        case "skipped": self = .skipped(at: at)
        case "wentBack": self = .wentBack(at: at)
        case "revised": self = .revised(at: at, previous: try Transcript.ScriptIdentity(json: try object.object("previous")))
        case "sharingChanged":
            guard let sharing = Sharing(rawValue: try object.string("sharing")) else { throw object.unknownValue("sharing") }
            self = .sharingChanged(answer: try object.string("answer"), to: sharing, at: at)
        default: throw object.unknownValue("type")
        }
    }
}

extension Transcript {
    /// `{"events": […], "script": {…}}`, as session files hold it.
    public func write(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("events")
        writer.beginArray()
        for event in events {
            writer.beginObject()
            event.writeFields(into: &writer)
            writer.endObject()
        }
        writer.endArray()
        writer.key("script")
        script.write(into: &writer)
        writer.endObject()
    }

    /// Reads what `write(into:)` wrote.
    public init(json object: JSONObjectReader) throws(JSONShapeError) {
        var events: [Event] = []
        for element in try object.objects("events") { events.append(try Event(json: element)) }
        self.init(script: try Transcript.ScriptIdentity(json: try object.object("script")), events: events)
    }
}

extension Transcript.ScriptIdentity {
    /// Keys in sorted order, as session files have always held them.
    public func write(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("contentHash"); writer.string(contentHash)
        writer.key("id"); writer.string(id)
        writer.key("language"); writer.string(language)
        writer.key("version"); writer.int(version)
        writer.endObject()
    }

    /// Reads what `write(into:)` wrote.
    public init(json object: JSONObjectReader) throws(JSONShapeError) {
        self.init(id: try object.string("id"), version: try object.int("version"), language: try object.string("language"),
                  contentHash: try object.string("contentHash"))
    }
}

extension JSONObjectReader {
    /// Milliseconds since 1970, as every time in the store is written.
    public func timestamp(_ key: String) throws(JSONShapeError) -> Timestamp {
        Timestamp(millisecondsSince1970: Int64(try int(key)))
    }
}
