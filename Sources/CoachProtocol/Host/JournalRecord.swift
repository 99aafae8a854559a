import CoachEngine
import CoachScript
import CoachJSON
import CoachStore

/// One line of the server's journal: a session started, an event of a session, or its end.
/// Recovery applies them to the session files; a record already in a file is skipped, so
/// applying a journal twice changes nothing.
enum JournalRecord: Equatable {
    case started(gateway: String, name: String, script: Transcript.ScriptIdentity, at: Timestamp)
    /// `index`: the event's position in the transcript.
    case event(name: String, index: Int, Event)
    case closed(name: String, at: Timestamp)
    /// The gateway's key of an answer (the event at `event`), so that a retry is not applied twice.
    case requestKey(name: String, key: String, event: Int, at: Timestamp)

    func encode(into bytes: inout [UInt8]) {
        var writer = JSONWriter(capacity: 512)
        encode(into: &writer)
        writer.finish(into: &bytes)
    }

    /// Writes the record and its newline.
    func encode(into writer: inout JSONWriter) {
        writer.beginObject()
        switch self {
        case .started(let gateway, let name, let script, let at):
            writer.key("start")
            writer.string(name)
            writer.key("gateway")
            writer.string(gateway)
            writer.key("script")
            script.write(into: &writer)
            writer.key("at"); writer.int(Int(at.millisecondsSince1970))
        case .event(let name, let index, let event):
            writer.key("session"); writer.string(name)
            writer.key("n"); writer.int(index)
            event.writeFields(into: &writer)
        case .closed(let name, let at):
            writer.key("close"); writer.string(name)
            writer.key("at"); writer.int(Int(at.millisecondsSince1970))
        case .requestKey(let name, let key, let event, let at):
            writer.key("keyOf"); writer.string(name)
            writer.key("key"); writer.string(key)
            writer.key("n"); writer.int(event)
            writer.key("at"); writer.int(Int(at.millisecondsSince1970))
        }
        writer.endObject()
        writer.newline()
    }

    init?(line: [UInt8]) {
        guard let value = try? JSONParser.parse(line), case .number(let atText)? = value["at"], let ms = Int64(atText) else { return nil }
        let at = Timestamp(millisecondsSince1970: ms)
        if let name = value["start"]?.stringValue {
            guard let gateway = value["gateway"]?.stringValue, let script = value["script"].flatMap({ try? Transcript.ScriptIdentity(json: JSONObjectReader($0)) }) else {
                return nil
            }
            self = .started(gateway: gateway, name: name, script: script, at: at)
        } else if let name = value["close"]?.stringValue {
            self = .closed(name: name, at: at)
        } else if let name = value["keyOf"]?.stringValue {
            guard let key = value["key"]?.stringValue, case .number(let indexText)? = value["n"], let index = Int(indexText) else { return nil }
            self = .requestKey(name: name, key: key, event: index, at: at)
        } else if let name = value["session"]?.stringValue, case .number(let indexText)? = value["n"], let index = Int(indexText) {
            guard let object = try? JSONObjectReader(value), let event = try? Event(json: object) else { return nil }
            self = .event(name: name, index: index, event)
        } else {
            return nil
        }
    }
}
