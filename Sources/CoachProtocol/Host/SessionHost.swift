import CoachEngine
import CoachJSON
import CoachScript
import CoachStore

/// The protocol server as a value: lines in, reply lines out. Like the engine it reads no clock
/// (the time of each line is passed in) and touches no stream; the journal lines it produces are
/// made durable by the caller before the replies are written (group commit).
public struct SessionHost<Backend: SessionBackend> {
    public let configuration: HostConfiguration
    let backend: Backend
    var sessions: [GatewayID: HostedSession] = [:]
    private var programs: [String: ScriptProgram] = [:]
    /// Messages of the loaded programs, as written (see `BotMessages`); the programs live as long as the host.
    let messageCache = MessageCache()
    /// What the last event showed; kept, so that each turn reuses its storage.
    var outputs: [Output] = []
    /// The journal lines not yet taken, in one buffer kept for the host's life.
    let journal = LineBuffer()
    /// The reply lines not yet taken, likewise.
    let replies = LineBuffer()
    /// Session files were written since the last sync.
    public internal(set) var needsSync = false
    /// Input lines handled so far, for naming a refused one.
    public private(set) var linesHandled = 0
    /// The lines refused since the last `takeRefusals()`: their number and error code, never their text.
    private var refusals: [Refusal] = []
    /// The batches not yet known to be durable, to undo one the disk cannot take.
    var batches = BatchLedger()

    public struct Refusal: Equatable, Sendable {
        public var line: Int
        public var code: RPCError.Code
    }

    public init(configuration: HostConfiguration, backend: Backend) {
        self.configuration = configuration
        self.backend = backend
    }

    public var openSessionCount: Int { sessions.count }

    /// The first line the server writes.
    public func writeReady(into output: inout [UInt8]) {
        var line = JSONWriter(capacity: 128)
        defer { line.finish(into: &output) }
        RPCReply.notification(method: "ready", into: &line) { writer in
            writer.beginObject()
            writer.key("protocol")
            writer.string(HostConfiguration.protocolName)
            writer.key("maxLineBytes")
            writer.int(configuration.maxLineBytes)
            writer.endObject()
        }
    }

    /// Handles one frame from the input; its reply line (none for a notification) waits with the
    /// others in `takeReplies()`.
    public mutating func handle(_ frame: LineFramer.Frame, at now: Timestamp) {
        handle(DecodedFrame(frame), at: now)
    }

    /// Handles a frame decoded beforehand (see `DecodedFrame`).
    public mutating func handle(_ frame: DecodedFrame, at now: Timestamp) {
        linesHandled += 1
        switch frame {
        case .tooLong(let bytes):
            let error = RPCError(.invalidRequest, "line longer than \(configuration.maxLineBytes) bytes (\(bytes)+ bytes dropped)")
            refusals.append(Refusal(line: linesHandled, code: error.code))
            willReply(to: .null)
            RPCReply.error(id: .null, error, into: &replies.writer)
        case .request(let decoded):
            switch decoded {
            case .failure(let failure):
                refusals.append(Refusal(line: linesHandled, code: failure.error.code))
                if !failure.isNotification {
                    willReply(to: failure.id)
                    RPCReply.error(id: failure.id, failure.error, into: &replies.writer)
                }
            case .success(let request):
                let reply = respond(to: request, at: now)
                if case .failure(let error) = reply { refusals.append(Refusal(line: linesHandled, code: error.code)) }
                guard let id = request.id else { return }
                willReply(to: id)
                switch reply {
                case .success(let write): RPCReply.result(id: id, into: &replies.writer, write)
                case .failure(let error): RPCReply.error(id: id, error, into: &replies.writer)
                }
            }
        }
    }

    /// The refused lines since the last call, for the operator's log.
    public mutating func takeRefusals() -> [Refusal] {
        defer { refusals.removeAll(keepingCapacity: true) }
        return refusals
    }

    /// Handles one frame alone: its reply line without its newline, or nil for a notification.
    public mutating func reply(to frame: LineFramer.Frame, at now: Timestamp) -> [UInt8]? {
        handle(frame, at: now)
        let output = takeReplies()
        return output.isEmpty ? nil : Array(output.dropLast())
    }

    /// The reply lines since the last call, each with its newline.
    public mutating func takeReplies() -> [UInt8] {
        defer { replies.writer.removeAll() }
        return replies.writer.bytes
    }

    /// The bytes of reply lines not yet taken.
    public var pendingReplyBytes: Int { replies.writer.byteCount }

    /// The journal lines since the last call; the caller makes them durable before sending replies.
    public mutating func takeJournal() -> [UInt8] {
        defer { journal.writer.removeAll() }
        return journal.writer.bytes
    }

    /// The sync the caller did made every written file durable.
    public mutating func synced() {
        needsSync = false
    }

    typealias ResultWriter = (inout JSONWriter) -> Void

    private mutating func respond(to request: RPCRequest, at now: Timestamp) -> Result<ResultWriter, RPCError> {
        let params = Params(request.params)
        do throws(RPCError) {
            switch request.method {
            case "session.start": return .success(try start(params, at: now))
            case "session.answer": return .success(try answer(params, at: now))
            case "session.back": return .success(try goBack(params, at: now))
            case "session.skip": return .success(try skip(params, at: now))
            case "session.edit": return .success(try edit(params, at: now))
            case "session.resume": return .success(try resume(params, at: now))
            case "session.summary": return .success(try summary(params, at: now))
            case "session.share": return .success(try share(params, at: now))
            case "session.agenda": return .success(try agenda(params, at: now))
            case "session.end": return .success(try end(params, at: now))
            case "session.list": return .success(list())
            case "notes.add": return .success(try addNote(params, at: now))
            case "notes.list": return .success(try listNotes(params))
            case "notes.delete": return .success(try deleteNotes(params))
            case "session.delete": return .success(try delete(params, at: now))
            default: throw RPCError(.methodNotFound, "no method '\(request.method)'")
            }
        } catch {
            return .failure(error)
        }
    }

    // MARK: - Programs and sessions

    mutating func program(script: String, language: String) -> ScriptProgram? {
        let key = script + "." + language
        if let program = programs[key] { return program }
        guard let loaded = backend.script(named: script, language: language) else { return nil }
        let program = ScriptProgram(loaded)
        programs[key] = program
        return program
    }

    /// The session in memory, loaded from its file when it is not.
    mutating func checkOut(_ id: GatewayID, at now: Timestamp) throws(RPCError) -> HostedSession {
        if let session = sessions[id] {
            session.lastUsed = now.millisecondsSince1970
            return session
        }
        let name = SessionStore.name(forGateway: id.text)
        guard backend.exists(name: name), !isBeingDeleted(name) else { throw RPCError(.unknownSession, "no session '\(id)'") }
        let file: SessionFile
        do {
            file = try backend.load(name: name)
        } catch {
            throw RPCError(.internalError, error.description)
        }
        guard file.gateway.map(GatewayID.init) == id else { throw RPCError(.unknownSession, "no session '\(id)' (its file name belongs to another session)") }
        let identity = file.transcript.script
        guard let program = program(script: identity.id, language: identity.language) else {
            throw RPCError(.unknownScript, "session '\(id)' uses the script '\(identity.id)' in '\(identity.language)', which is not available")
        }
        try makeRoom()
        let (conversation, _) = file.transcript.replay(on: program)
        let session = HostedSession(file: file, conversation: conversation, lastUsed: now.millisecondsSince1970, isDirty: false)
        sessions[id] = session
        return session
    }

    /// Frees a slot for one more session in memory, or refuses.
    mutating func makeRoom() throws(RPCError) {
        guard sessions.count >= configuration.maxSessions else { return }
        throw RPCError(.sessionLimitReached, "\(configuration.maxSessions) sessions are open; try again later")
    }

    /// Records in the journal `events`, the last ones the session's conversation logged.
    mutating func record(_ events: [Event], of session: HostedSession) {
        let first = session.conversation.log.count - events.count
        for (offset, event) in events.enumerated() {
            JournalRecord.event(name: session.name, index: first + offset, event).encode(into: &journal.writer)
        }
        if let last = events.last { session.changed(at: last.timestamp) }
        session.isDirty = true
    }
}

/// Where the host writes journal or reply lines until the server takes them.
final class LineBuffer {
    /// Written on the host's one thread only: no run-time exclusivity check.
    @exclusivity(unchecked) var writer = JSONWriter(capacity: 1 << 16)

    /// Takes out the lines `matching` says (a deleted session's journal records not yet taken).
    func removeLines(matching: (ArraySlice<UInt8>) -> Bool) {
        let lines = writer.bytes.split(separator: 0x0A)
        guard lines.contains(where: matching) else { return }
        writer.removeAll()
        for line in lines where !matching(line) {
            writer.written(Array(line))
            writer.newline()
        }
    }
}
