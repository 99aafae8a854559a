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
            switch event {
            case .started: writer.key("type"); writer.literal("started")
            case .answered(let text, _):
                writer.key("type"); writer.literal("answered")
                writer.key("text"); writer.string(text)
            case .skipped: writer.key("type"); writer.literal("skipped")
            case .wentBack: writer.key("type"); writer.literal("wentBack")
            case .revised(_, let previous):
                writer.key("type"); writer.literal("revised")
                writer.key("previous")
                previous.write(into: &writer)
            case .sharingChanged(let answer, let sharing, _):
                writer.key("type"); writer.literal("sharingChanged")
                writer.key("answer"); writer.string(answer)
                writer.key("sharing"); writer.string(sharing.rawValue)
            }
            writer.key("at"); writer.int(Int(event.timestamp.millisecondsSince1970))
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
            guard let gateway = value["gateway"]?.stringValue, let script = value["script"].flatMap(Transcript.ScriptIdentity.init(json:)) else {
                return nil
            }
            self = .started(gateway: gateway, name: name, script: script, at: at)
        } else if let name = value["close"]?.stringValue {
            self = .closed(name: name, at: at)
        } else if let name = value["keyOf"]?.stringValue {
            guard let key = value["key"]?.stringValue, case .number(let indexText)? = value["n"], let index = Int(indexText) else { return nil }
            self = .requestKey(name: name, key: key, event: index, at: at)
        } else if let name = value["session"]?.stringValue, case .number(let indexText)? = value["n"], let index = Int(indexText) {
            let event: Event
            switch value["type"]?.stringValue {
            case "started": event = .started(at: at)
            case "answered":
                guard let text = value["text"]?.stringValue else { return nil }
                event = .answered(text, at: at)
            case "skipped": event = .skipped(at: at)
            case "wentBack": event = .wentBack(at: at)
            case "revised":
                guard let previous = value["previous"].flatMap(Transcript.ScriptIdentity.init(json:)) else { return nil }
                event = .revised(at: at, previous: previous)
            case "sharingChanged":
                guard let answer = value["answer"]?.stringValue, let sharing = value["sharing"]?.stringValue.flatMap(Sharing.init(rawValue:)) else {
                    return nil
                }
                event = .sharingChanged(answer: answer, to: sharing, at: at)
            default: return nil
            }
            self = .event(name: name, index: index, event)
        } else {
            return nil
        }
    }
}
