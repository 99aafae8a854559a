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
        writer.beginObject()
        writer.key("events")
        writer.beginArray()
        for event in transcript.events {
            writer.beginObject()
            // Keys in sorted order: "answer" comes before "at".
            if case .sharingChanged(let answer, _, _) = event { writer.key("answer"); writer.string(answer) }
            writer.key("at")
            writer.int(Int(event.timestamp.millisecondsSince1970))
            switch event {
            case .started: writer.key("type"); writer.literal("started")
            case .answered(let text, _):
                writer.key("text"); writer.string(text)
                writer.key("type"); writer.literal("answered")
            case .skipped: writer.key("type"); writer.literal("skipped")
            case .wentBack: writer.key("type"); writer.literal("wentBack")
            case .revised(_, let previous):
                writer.key("previous")
                previous.write(into: &writer)
                writer.key("type"); writer.literal("revised")
            case .sharingChanged(_, let sharing, _):
                writer.key("sharing"); writer.string(sharing.rawValue)
                writer.key("type"); writer.literal("sharingChanged")
            }
            writer.endObject()
        }
        writer.endArray()
        writer.key("script")
        transcript.script.write(into: &writer)
        writer.endObject()
        writer.key("updated")
        writer.int(Int(updated.millisecondsSince1970))
        writer.endObject()
        return writer.bytes
    }
}

extension Transcript.ScriptIdentity {
    /// As `JSONEncoder` writes it with sorted keys.
    public func write(into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("contentHash"); writer.string(contentHash)
        writer.key("id"); writer.string(id)
        writer.key("language"); writer.string(language)
        writer.key("version"); writer.int(version)
        writer.endObject()
    }

    /// Reads what `write(into:)` wrote.
    public init?(json value: JSONValue) {
        guard let id = value["id"]?.stringValue, case .number(let versionText)? = value["version"], let version = Int(versionText),
              let language = value["language"]?.stringValue, let hash = value["contentHash"]?.stringValue else { return nil }
        self.init(id: id, version: version, language: language, contentHash: hash)
    }
}
