import CoachEngine
import CoachStore

/// A session the host holds in memory: its file as it will be written, and its conversation.
/// A class, so that the host's table holds a pointer: looking a session up moves nothing, and
/// its conversation is changed in place.
final class HostedSession {
    /// The file without its events: in memory, the conversation's compact log holds them.
    private(set) var file: SessionFile
    var conversation: Conversation
    var lastUsed: Int64
    /// Events not yet in the session file (they are in the journal).
    var isDirty: Bool

    init(file: SessionFile, conversation: Conversation, lastUsed: Int64, isDirty: Bool) {
        self.file = file
        self.file.transcript.events = []
        self.conversation = conversation
        self.lastUsed = lastUsed
        self.isDirty = isDirty
    }

    /// The session file as it is written, events included.
    var fileWithEvents: SessionFile {
        var file = file
        file.transcript.events = conversation.events
        return file
    }

    var transcript: Transcript { fileWithEvents.transcript }

    func close(at now: Timestamp) {
        file.closed = now
        file.updated = now
    }

    func changed(at now: Timestamp, script: Transcript.ScriptIdentity? = nil) {
        file.updated = now
        if let script { file.transcript.script = script }
    }

    var status: SessionStatus {
        if file.closed != nil { return .ended }
        return conversation.status == .ended ? .finished : .active
    }
}

/// Where a session stands, as the protocol reports it.
enum SessionStatus: String {
    /// Questions are being asked.
    case active
    /// The whole dialogue is answered; going back still works.
    case finished
    /// The gateway ended it; nothing more is taken.
    case ended
}
