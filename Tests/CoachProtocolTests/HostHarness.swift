import CoachEngine
import CoachJSON
import CoachLibrary
import CoachProtocol
import CoachScript
import CoachSpelling
import CoachStore
import CoachSummary
import CoachText
import Foundation

let dialogues = DialogueLibrary(folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("dialogues"))

/// Session files in memory, scripts from the repository's dialogues.
final class MemoryBackend: SessionBackend {
    var files: [String: SessionFile] = [:]
    var writes = 0
    /// Scripts served instead of the repository's, by `NAME.LANG`.
    var scripts: [String: Script] = [:]

    func script(named name: String, language: String) -> Script? {
        scripts[name + "." + language] ?? DialogueLibrary.loadScript(at: dialogues.scriptURL(name, language: language)).result.script
    }

    func briefKnowledge(_ language: Language) throws -> BriefKnowledge { try dialogues.briefKnowledge(language) }

    func exists(name: String) -> Bool { files[name] != nil }

    func load(name: String) throws(StoreError) -> SessionFile {
        guard let file = files[name] else { throw .notFound(name: name, path: name) }
        return file
    }

    func write(_ file: SessionFile) throws(StoreError) {
        files[file.name] = file
        writes += 1
    }


    func gatewaySessions() -> [SessionFile] { files.values.filter { $0.gateway != nil } }

    /// The installed dictionaries; none where `noDictionaries`.
    var noDictionaries = false
    func spellChecker(_ language: Language) -> SpellChecker? { noDictionaries ? nil : SpellChecker(language: language) }

    /// Each user's notes in a fresh temporary folder.
    let notesFolder = FileManager.default.temporaryDirectory.appendingPathComponent("mus-coach-notes-\(UUID().uuidString)")

    func notes(of user: String) -> NoteJournal {
        NoteJournal(url: notesFolder.appendingPathComponent(SessionStore.name(forGateway: user) + ".jsonl"))
    }
}

/// Sends lines to a host and reads its replies as JSON, at a clock the test moves.
struct HostHarness {
    var host: SessionHost<MemoryBackend>
    let backend: MemoryBackend
    var clock: Int64 = 1_000_000
    private var nextID = 1

    init(configuration: HostConfiguration = HostConfiguration(), backend: MemoryBackend = MemoryBackend()) {
        self.backend = backend
        host = SessionHost(configuration: configuration, backend: backend)
    }

    /// One raw line in; the reply, parsed, or nil when there is none.
    mutating func send(raw: [UInt8]) -> JSONValue? {
        clock += 1_000
        guard let reply = host.reply(to: .line(raw), at: Timestamp(millisecondsSince1970: clock)) else { return nil }
        return try! JSONParser.parse(reply)
    }

    mutating func send(raw: String) -> JSONValue? { send(raw: Array(raw.utf8)) }

    /// A request with a fresh id; the reply must carry the same id.
    mutating func call(_ method: String, _ params: String = "{}") -> JSONValue {
        let id = nextID
        nextID += 1
        let reply = send(raw: #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#)!
        precondition(reply["id"] == .number(String(id)), "reply for another id: \(reply)")
        return reply
    }

    mutating func start(_ session: String, language: String = "da") -> JSONValue {
        call("session.start", #"{"session":"\#(session)","language":"\#(language)"}"#)
    }

    mutating func answer(_ session: String, _ text: String) -> JSONValue {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("session")
        writer.string(session)
        writer.key("text")
        writer.string(text)
        writer.endObject()
        return call("session.answer", String(decoding: writer.bytes, as: UTF8.self))
    }
}

extension JSONValue {
    var result: JSONValue? { self["result"] }
    var errorCode: Int? {
        guard case .number(let code)? = self["error"]?["code"] else { return nil }
        return Int(code)
    }
    var step: String? { self["result"]?["step"]?.stringValue }
    var status: String? { self["result"]?["status"]?.stringValue }
    var messages: [JSONValue] {
        if case .array(let messages)? = self["result"]?["messages"] { messages } else { [] }
    }
    var kinds: [String] { messages.compactMap { $0["kind"]?.stringValue } }
}
