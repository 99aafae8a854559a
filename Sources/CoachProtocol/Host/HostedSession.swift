import CoachEngine
import CoachJSON
import CoachStore

/// A session the host holds in memory: what its file holds, kept small, and its conversation.
/// A class, so that the host's table holds a pointer: looking a session up moves nothing, and
/// its conversation is changed in place.
final class HostedSession {
    // The small fields last, so that they share the padding: a server holds thousands of these.
    let name: String
    let gateway: String?
    let created: Timestamp
    private(set) var updated: Timestamp
    var lastUsed: Int64
    /// The script the transcript names when it is not the conversation's own (a session made on
    /// an earlier version of it): nil for nearly every session, which saves a copy of it in each.
    private var otherScript: ScriptIdentityBox?
    /// The events are in the conversation's compact log. Changed in place on the host's one
    /// thread, so without the run-time exclusivity check a class property otherwise pays each turn.
    @exclusivity(unchecked) var conversation: Conversation
    /// Events not yet in the session file (they are in the journal).
    var isDirty: Bool
    /// The last batch that changed it (see `SessionHost.willChange`).
    var touchedInBatch: Int?
    /// The gateway's keys of its latest answers (see `SessionFile.requestKeys`).
    var requestKeys: [SessionFile.RequestKey]
    /// When it was ended, or `notClosed`: eight bytes, where an optional takes nine and the
    /// object one more malloc size.
    private var closedAt: Int64

    private static let notClosed = Int64.min

    private(set) var closed: Timestamp? {
        get { closedAt == Self.notClosed ? nil : Timestamp(millisecondsSince1970: closedAt) }
        set { closedAt = newValue?.millisecondsSince1970 ?? Self.notClosed }
    }

    init(file: SessionFile, conversation: Conversation, lastUsed: Int64, isDirty: Bool) {
        name = file.name
        gateway = file.gateway
        created = file.created
        updated = file.updated
        closedAt = file.closed?.millisecondsSince1970 ?? Self.notClosed
        requestKeys = file.requestKeys ?? []
        let own = Transcript.ScriptIdentity(conversation.program.script)
        otherScript = file.transcript.script == own ? nil : ScriptIdentityBox(file.transcript.script)
        self.conversation = conversation
        self.lastUsed = lastUsed
        self.isDirty = isDirty
    }

    var script: Transcript.ScriptIdentity {
        otherScript?.identity ?? Transcript.ScriptIdentity(conversation.program.script)
    }

    /// The session file as it is written, events included.
    var fileWithEvents: SessionFile {
        var file = SessionFile(name: name, created: created, transcript: transcript)
        file.updated = updated
        file.gateway = gateway
        file.closed = closed
        file.requestKeys = requestKeys.isEmpty ? nil : requestKeys
        return file
    }

    var transcript: Transcript { Transcript(script: script, events: conversation.events) }

    func close(at now: Timestamp) {
        closed = now
        updated = now
    }

    func changed(at now: Timestamp, script: Transcript.ScriptIdentity? = nil) {
        updated = now
        if let script {
            otherScript = script == Transcript.ScriptIdentity(conversation.program.script) ? nil : ScriptIdentityBox(script)
        }
    }

    /// Where it stands, as far as undoing a batch needs: its events are the first `events` of the log.
    struct Snapshot {
        var events: Int
        var updated: Timestamp
        var closed: Timestamp?
        var otherScript: Transcript.ScriptIdentity?
        var isDirty: Bool
        var requestKeys: [SessionFile.RequestKey]
    }

    var snapshot: Snapshot {
        Snapshot(events: conversation.log.count, updated: updated, closed: closed, otherScript: otherScript?.identity, isDirty: isDirty,
                 requestKeys: requestKeys)
    }

    /// Back to `snapshot`: the conversation is the fold of its first events again.
    func restore(_ snapshot: Snapshot) {
        if conversation.log.count != snapshot.events {
            let events = Array(conversation.events.prefix(snapshot.events))
            conversation = Transcript(script: Transcript.ScriptIdentity(conversation.program.script), events: events).replay(on: conversation.program).conversation
        }
        updated = snapshot.updated
        closed = snapshot.closed
        otherScript = snapshot.otherScript.map(ScriptIdentityBox.init)
        isDirty = snapshot.isDirty
        requestKeys = snapshot.requestKeys
    }

    var status: SessionStatus {
        if closed != nil { return .ended }
        return conversation.status == .ended ? .finished : .active
    }
}

private final class ScriptIdentityBox {
    let identity: Transcript.ScriptIdentity

    init(_ identity: Transcript.ScriptIdentity) {
        self.identity = identity
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

    /// Its name, written as a literal: every result carries it.
    func write(into writer: inout JSONWriter) {
        switch self {
        case .active: writer.literal("active")
        case .finished: writer.literal("finished")
        case .ended: writer.literal("ended")
        }
    }
}
