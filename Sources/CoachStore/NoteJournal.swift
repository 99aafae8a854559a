import CoachEngine
import CoachJSON
import CoachText
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A dated note from the year between two talks: a result, a wish, a challenge.
public struct Note: Hashable, Sendable {
    public var id: Int
    public var written: Timestamp
    public var text: String
    public var tags: [String]
    /// When it was last edited; nil if never.
    public var edited: Timestamp?
}

/// The notes, as a file of changes (`add`, `edit`, `delete`), one JSON object a line, private to
/// the user; the notes are the fold of the lines. A note is added by appending its line. An edit or
/// a deletion rewrites the file atomically with the notes as they now are, so that what the person
/// changed or deleted is gone from the disk, not kept in an earlier line.
public struct NoteJournal: Sendable {
    public let url: URL

    /// `$XDG_DATA_HOME/mus-coach/notes.jsonl` for the person at the terminal; a gateway's users each
    /// have theirs in `notes/`.
    public init(url: URL) {
        self.url = url
    }

    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        XDG.data(environment).appendingPathComponent("mus-coach/notes.jsonl")
    }

    /// Every note that is not deleted, oldest first.
    public func notes() throws(StoreError) -> [Note] {
        try fold(readLines())
    }

    /// `text` is cleaned like an answer (`AnswerText`): notes are shown in the terminal and offered as answers.
    @discardableResult
    public func add(_ text: String, tags: [String], at: Timestamp) throws(StoreError) -> Note {
        let text = AnswerText.cleaned(text)
        return try withLock { () throws(StoreError) -> Note in
            let lines = try readLines()
            let next = lines.reduce(0) { max($0, $1.id) } + 1
            try append(Change(kind: .add, id: next, at: at, text: text, tags: tags))
            return Note(id: next, written: at, text: text, tags: tags, edited: nil)
        }
    }

    public func edit(_ id: Int, text: String, at: Timestamp) throws(StoreError) {
        let text = AnswerText.cleaned(text)
        try withLock { () throws(StoreError) in
            var notes = try fold(readLines())
            guard let index = notes.firstIndex(where: { $0.id == id }) else { throw StoreError.noSuchNote(id) }
            notes[index].text = text
            notes[index].edited = at
            try rewrite(notes)
        }
    }

    public func delete(_ id: Int) throws(StoreError) {
        try withLock { () throws(StoreError) in
            var notes = try fold(readLines())
            guard let index = notes.firstIndex(where: { $0.id == id }) else { throw StoreError.noSuchNote(id) }
            notes.remove(at: index)
            try rewrite(notes)
        }
    }

    // MARK: - The file

    /// Files written before edits and deletions rewrote the file hold `edit` and `delete` lines;
    /// they are still read.
    struct Change {
        enum Kind: String { case add, edit, delete }
        var kind: Kind
        var id: Int
        var at: Timestamp
        var text: String?
        var tags: [String]?
        /// On an `add` line of a rewritten file: when the note was last edited.
        var edited: Timestamp?
    }

    private func fold(_ changes: [Change]) -> [Note] {
        var notes: [Int: Note] = [:]
        var order: [Int] = []
        for change in changes {
            switch change.kind {
            case .add:
                notes[change.id] = Note(id: change.id, written: change.at, text: change.text ?? "", tags: change.tags ?? [], edited: change.edited)
                order.append(change.id)
            case .edit:
                notes[change.id]?.text = change.text ?? ""
                notes[change.id]?.edited = change.at
            case .delete:
                notes[change.id] = nil
            }
        }
        return order.compactMap { notes[$0] }
    }

    private func readLines() throws(StoreError) -> [Change] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if FileManager.default.fileExists(atPath: url.path) {
                throw .io(path: url.path, operation: "read the notes", reason: "permission denied or unreadable")
            }
            return []
        }
        var changes: [Change] = []
        for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            guard let value = try? JSONParser.parse(Array(line)), let change = Change(value) else {
                throw .damagedNotes(path: url.path, line: number + 1)
            }
            changes.append(change)
        }
        return changes
    }

    private func append(_ change: Change) throws(StoreError) {
        try PrivateFiles.makeFolder(url.deletingLastPathComponent())
        let descriptor = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .io(path: url.path, operation: "open the notes", reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var line = change.json()
        line.append(0x0A)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else {
            throw .io(path: url.path, operation: "write the note", reason: String(cString: strerror(errno)))
        }
    }

    /// The file replaced by one `add` line a note.
    private func rewrite(_ notes: [Note]) throws(StoreError) {
        var bytes: [UInt8] = []
        for note in notes {
            bytes += Change(kind: .add, id: note.id, at: note.written, text: note.text, tags: note.tags, edited: note.edited).json()
            bytes.append(0x0A)
        }
        try PrivateFiles.replaceAtomically(url, with: Data(bytes))
    }

    /// One writer at a time, so two notes never get the same id.
    private func withLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try PrivateFiles.makeFolder(url.deletingLastPathComponent())
        let lock = try SessionLock(path: url.path + ".lock", name: "notes", waiting: true)
        defer { withExtendedLifetime(lock) {} }
        return try body()
    }
}

extension NoteJournal.Change {
    init?(_ value: JSONValue) {
        guard let kind = value["op"]?.stringValue.flatMap(Kind.init(rawValue:)), case .number(let idText)? = value["id"], let id = Int(idText),
              case .number(let atText)? = value["at"], let at = Int64(atText) else { return nil }
        self.kind = kind
        self.id = id
        self.at = Timestamp(millisecondsSince1970: at)
        text = value["text"]?.stringValue
        if case .array(let tags)? = value["tags"] { self.tags = tags.compactMap(\.stringValue) } else { tags = nil }
        if case .number(let editedText)? = value["edited"], let edited = Int64(editedText) {
            self.edited = Timestamp(millisecondsSince1970: edited)
        } else {
            edited = nil
        }
        if kind != .delete && text == nil { return nil }
    }

    func json() -> [UInt8] {
        var writer = JSONWriter(capacity: 128)
        writer.beginObject()
        writer.key("op"); writer.string(kind.rawValue)
        writer.key("id"); writer.int(id)
        writer.key("at"); writer.int(Int(at.millisecondsSince1970))
        if let text {
            writer.key("text"); writer.string(text)
        }
        if let tags {
            writer.key("tags")
            writer.beginArray()
            for tag in tags { writer.string(tag) }
            writer.endArray()
        }
        if let edited {
            writer.key("edited"); writer.int(Int(edited.millisecondsSince1970))
        }
        writer.endObject()
        return writer.bytes
    }
}
