import CoachEngine
import CoachJSON
import CoachStore

/// The year's notes through the gateway: each of its users has a journal of their own.
extension SessionHost {
    static var noteTags: Set<String> { ["resultat", "oenske", "udfordring"] }

    mutating func addNote(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let user = try params.user()
        let text = try params.string("text")
        guard text.contains(where: { !$0.isWhitespace }) else { throw RPCError(.invalidParams, "'text' is empty") }
        let tags = try params.strings("tags")
        if let unknown = tags.first(where: { !Self.noteTags.contains($0) }) {
            throw RPCError(.invalidParams, "'\(unknown)' is not a note tag: use resultat, oenske or udfordring")
        }
        let notes = backend.notes(of: user)
        let note: Note
        do {
            // Synced with the batch, before its replies (see `takeBatch`).
            let appended = try notes.append(text, tags: tags, at: now, durable: false)
            willAppendNote(to: notes.url.path, size: appended.offset)
            note = appended.note
        } catch {
            throw Self.rpcError(error)
        }
        return { writer in
            writer.beginObject()
            writer.key("note")
            Self.write(note, into: &writer)
            writer.endObject()
        }
    }

    func listNotes(_ params: Params) throws(RPCError) -> ResultWriter {
        let user = try params.user()
        let tag = try params.optionalString("tag")
        // Written at or after this moment (milliseconds since 1970): what a bot has not shown yet.
        let since = try params.optionalInt("since").map { Timestamp(millisecondsSince1970: Int64($0)) }
        let notes: [Note]
        do {
            notes = try backend.notes(of: user).notes().filter { note in
                (tag.map(note.tags.contains) ?? true) && (since.map { !(note.written < $0) } ?? true)
            }
        } catch {
            throw Self.rpcError(error)
        }
        return { writer in
            writer.beginObject()
            writer.key("notes")
            writer.beginArray()
            for note in notes { Self.write(note, into: &writer) }
            writer.endArray()
            writer.endObject()
        }
    }

    /// `notes.delete`: one note (`id`), or all of the person's notes, gone from the disk at once.
    /// Deleting what is not there deletes nothing, so a retry is safe.
    mutating func deleteNotes(_ params: Params) throws(RPCError) -> ResultWriter {
        let user = try params.user()
        let number = try params.optionalInt("id")
        let notes = backend.notes(of: user)
        // A note added in a batch not yet durable is undone by cutting the file back: not once it is rewritten.
        guard !batches.hasUnsyncedNotes(at: notes.url.path) else {
            throw RPCError(.sessionBusy, "the notes are being written; delete again in a moment")
        }
        let deleted: Int
        do {
            if let number {
                deleted = try notes.delete(number, ifPresent: true) ? 1 : 0
            } else {
                deleted = try notes.deleteAll()
            }
        } catch {
            throw Self.rpcError(error)
        }
        return { writer in
            writer.beginObject()
            writer.key("deleted"); writer.int(deleted)
            writer.endObject()
        }
    }

    /// A store that cannot be written now (a full disk) is worth a retry; a damaged file is not.
    static func rpcError(_ error: StoreError) -> RPCError {
        if case .io = error { return RPCError(.storageUnavailable, error.description + "; nothing was changed, retry later") }
        return RPCError(.internalError, error.description)
    }

    private static func write(_ note: Note, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.int(note.id)
        writer.key("written")
        writer.int(Int(note.written.millisecondsSince1970))
        writer.key("text")
        writer.string(note.text)
        writer.key("tags")
        writer.beginArray()
        for tag in note.tags { writer.string(tag) }
        writer.endArray()
        writer.endObject()
    }
}
