import CoachEngine
import CoachStore

/// A session the host holds in memory: its file as it will be written, and its conversation.
struct HostedSession {
    var file: SessionFile
    var conversation: Conversation
    var lastUsed: Int64
    /// Events not yet in the session file (they are in the journal).
    var isDirty: Bool

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
