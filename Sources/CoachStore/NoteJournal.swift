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
        try read().notes
    }

    /// The notes, and whether an unfinished last line (a write cut off by a crash) was left out.
    public func read() throws(StoreError) -> (notes: [Note], leftOutUnfinishedLine: Bool) {
        let lines = try readLines()
        return (fold(lines.changes), lines.unfinished)
    }

    /// `text` is cleaned like an answer (`AnswerText`): notes are shown in the terminal and offered as answers.
    ///
    /// Appends one line and reads only the last one before it (for the next id): adding stays as
    /// fast with a thousand notes as with one. A write that fails leaves the file as it was. A last
    /// line without its newline never makes the new one run on from it: a whole one is completed,
    /// one a crash cut off (never acknowledged) is dropped.
    @discardableResult
    public func add(_ text: String, tags: [String], at: Timestamp) throws(StoreError) -> Note {
        try append(text, tags: tags, at: at, durable: true).note
    }

    /// A note added, and the file's size before its line: cutting the file back to it undoes the add.
    public struct Appended {
        public var note: Note
        public var offset: Int
    }

    /// `add`, where `durable: false` leaves the sync to the caller (the server syncs a batch at once).
    public func append(_ text: String, tags: [String], at: Timestamp, durable: Bool) throws(StoreError) -> Appended {
        let text = AnswerText.cleaned(text)
        return try withLock { () throws(StoreError) -> Appended in
            let descriptor = try PrivateFiles.openOwn(url.path, O_RDWR | O_APPEND, operation: "open the notes")
            defer { close(descriptor) }
            let next = try lastID(in: descriptor) + 1
            var status = stat()
            fstat(descriptor, &status)
            var line = Change(kind: .add, id: next, at: at, text: text, tags: tags).json()
            line.append(0x0A)
            try PrivateFiles.append(line, to: descriptor, path: url.path, durable: durable, operation: "write the note")
            return Appended(note: Note(id: next, written: at, text: text, tags: tags, edited: nil), offset: Int(status.st_size))
        }
    }

    /// The highest id given so far: that of the last line, which an `add` appended or a rewrite
    /// wrote in order (a rewrite that leaves out the highest note ends with a `delete` line for it,
    /// so that no id is given twice). Only a file ending in an `edit` or `delete` line is read whole.
    private func lastID(in descriptor: Int32) throws(StoreError) -> Int {
        let file = LineFile(descriptor: descriptor, path: url.path)
        // A last line without its newline: whole, it is completed; cut off by a crash, it goes.
        if let unfinished = try file.unfinishedLine() {
            if (try? JSONParser.parse(unfinished)).flatMap(Change.init) != nil {
                try PrivateFiles.append([0x0A], to: descriptor, path: url.path, durable: false, operation: "write the note")
            } else {
                try file.dropUnfinishedLine()
            }
        }
        guard let last = try file.lastLine() else { return 0 }
        if let change = (try? JSONParser.parse(last)).flatMap(Change.init), change.kind == .add { return change.id }
        return try readLines().changes.reduce(0) { max($0, $1.id) }
    }

    public func edit(_ id: Int, text: String, at: Timestamp) throws(StoreError) {
        let text = AnswerText.cleaned(text)
        try withLock { () throws(StoreError) in
            let changes = try readLines().changes
            var notes = fold(changes)
            guard let index = notes.firstIndex(where: { $0.id == id }) else { throw StoreError.noSuchNote(id) }
            notes[index].text = text
            notes[index].edited = at
            try rewrite(notes, highestID: changes.reduce(0) { max($0, $1.id) })
        }
    }

    public func delete(_ id: Int) throws(StoreError) {
        guard try delete(id, ifPresent: false) else { throw StoreError.noSuchNote(id) }
    }

    /// Deletes the note if there is one (the file is rewritten without it); returns whether there was.
    public func delete(_ id: Int, ifPresent: Bool) throws(StoreError) -> Bool {
        try withLock { () throws(StoreError) -> Bool in
            let changes = try readLines().changes
            var notes = fold(changes)
            guard let index = notes.firstIndex(where: { $0.id == id }) else { return false }
            notes.remove(at: index)
            try rewrite(notes, highestID: changes.reduce(0) { max($0, $1.id) })
            return true
        }
    }

    /// Every note gone from the disk (the file keeps one `delete` line with the highest id, and no
    /// text); returns how many there were.
    public func deleteAll() throws(StoreError) -> Int {
        try withLock { () throws(StoreError) -> Int in
            let changes = try readLines().changes
            let count = fold(changes).count
            guard count > 0 else { return 0 }
            try rewrite([], highestID: changes.reduce(0) { max($0, $1.id) })
            return count
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

    /// The file's changes. A last line without its newline that cannot be read is a write a crash
    /// cut off: nothing acknowledged it, so it is left out (`unfinished`) rather than refused.
    private func readLines() throws(StoreError) -> (changes: [Change], unfinished: Bool) {
        guard let data = try PrivateFiles.readOwn(url.path, operation: "read the notes") else { return ([], false) }
        var changes: [Change] = []
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() where !line.isEmpty {
            guard let value = try? JSONParser.parse(Array(line)), let change = Change(value) else {
                if number == lines.count - 1 { return (changes, true) }
                throw .damagedNotes(path: url.path, line: number + 1)
            }
            changes.append(change)
        }
        return (changes, false)
    }

    /// The file replaced by one `add` line a note, and, when the highest id given is no longer
    /// among them, a `delete` line for it (no text): ids are never given twice, so a retried
    /// deletion cannot take a newer note.
    private func rewrite(_ notes: [Note], highestID: Int) throws(StoreError) {
        var bytes: [UInt8] = []
        for note in notes {
            bytes += Change(kind: .add, id: note.id, at: note.written, text: note.text, tags: note.tags, edited: note.edited).json()
            bytes.append(0x0A)
        }
        if notes.last.map({ $0.id < highestID }) ?? (highestID > 0) {
            bytes += Change(kind: .delete, id: highestID, at: Timestamp(millisecondsSince1970: 0), text: nil, tags: nil).json()
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
