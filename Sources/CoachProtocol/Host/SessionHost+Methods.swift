import CoachEngine
import CoachJSON
import CoachStore
import CoachSummary
import CoachText

/// The protocol's methods.
extension SessionHost {
    mutating func start(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        let scriptName = try params.optionalString("script") ?? configuration.defaultScript
        let language = try params.optionalString("language") ?? configuration.defaultLanguage
        let name = SessionStore.name(forGateway: id)
        guard sessions[id] == nil, !backend.exists(name: name) else { throw RPCError(.sessionExists, "session '\(id)' exists; resume it or choose another id") }
        // Only a hashed name can be another id's; one not yet written out is found in memory.
        if SessionStore.isHashedGatewayName(name), sessions.values.contains(where: { $0.name == name }) {
            throw RPCError(.sessionExists, "session '\(id)' cannot be stored: its file name belongs to another session; choose another id")
        }
        guard let program = program(script: scriptName, language: language) else {
            throw RPCError(.unknownScript, "no script '\(scriptName)' in '\(language)'")
        }
        try makeRoom()
        var conversation = Conversation(program: program)
        let outputs = conversation.start(at: now)
        var file = SessionFile(name: name, created: now, transcript: Transcript(script: program.script, events: [.started(at: now)]))
        file.gateway = id
        JournalRecord.started(gateway: id, name: name, script: file.transcript.script, at: now).encode(into: &journal.writer)
        let session = HostedSession(file: file, conversation: conversation, lastUsed: now.millisecondsSince1970, isDirty: true)
        sessions[id] = session
        return result(session, outputs)
    }

    mutating func answer(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        // A button's payload is an answer like any other: option ids, "yes"/"no", scale numbers, "" to end a list.
        let typed = try params.optionalString("text")
        let pressed = try params.optionalString("payload")
        guard let text = typed ?? pressed else {
            throw RPCError(.invalidParams, "'text' or 'payload' is missing")
        }
        // Cleaned as the conversation cleans it, so that the journal holds what was applied.
        return try apply(.answered(AnswerText.cleaned(text), at: now), to: id, at: now)
    }

    mutating func skip(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        try apply(.skipped(at: now), to: try params.session(), at: now)
    }

    mutating func goBack(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        try apply(.wentBack(at: now), to: try params.session(), at: now)
    }

    private mutating func apply(_ event: Event, to id: String, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let session = try checkOut(id, at: now)
        guard session.closed == nil else { throw RPCError(.sessionEnded, "session '\(id)' was ended") }
        if session.conversation.status == .ended && event != .wentBack(at: now) {
            throw RPCError(.sessionEnded, "session '\(id)' has answered the whole dialogue; go back or ask for the summary")
        }
        if case .wentBack = event, !session.conversation.canGoBack {
            throw RPCError(.nothingToGoBackTo, "session '\(id)' has no answer to take back")
        }
        outputs.removeAll(keepingCapacity: true)
        session.conversation.apply(event, into: &outputs)
        record([event], of: session)
        return result(session, outputs)
    }

    /// Changes the answer to an earlier step and re-evaluates the dialogue as a replay does: a new
    /// revision that reuses every other answer, asking where an answer is missing (a question the
    /// edit made reachable, a probe it made fire).
    mutating func edit(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        let stepText = try params.string("step")
        guard let step = StepID(parsing: stepText) else { throw RPCError(.invalidParams, "'step' is not a step id such as lykkedes or oensker[2]/gavn") }
        let typed = try params.optionalString("text")
        let pressed = try params.optionalString("payload")
        guard let text = typed ?? pressed else { throw RPCError(.invalidParams, "'text' or 'payload' is missing") }
        let session = try checkOut(id, at: now)
        guard session.closed == nil else { throw RPCError(.sessionEnded, "session '\(id)' was ended") }
        let program = session.conversation.program
        let previous = PreviousAnswers(records: session.conversation.records, program: program)
        let answered = StepID(question: step.question, item: step.item)
        guard let earlier = previous.answers[answered], step.probe == nil || earlier.probes[step.probe!] != nil else {
            throw RPCError(.invalidParams, "'\(stepText)' has no answer in session '\(id)' to change")
        }
        let revised = Event.revised(at: now, previous: session.script)
        var next = session.conversation
        _ = next.apply(revised)
        let reused = next.reuse(previous, edits: [step: AnswerText.cleaned(text)], at: now)
        if reused.rejected && next.currentStep == step {
            throw RPCError(.invalidParams, "the new answer does not fit '\(stepText)'")
        }
        session.conversation = next
        session.changed(at: now, script: Transcript.ScriptIdentity(program.script))
        record([revised] + reused.events, of: session)
        return result(session, next.reshow())
    }

    mutating func resume(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        let session = try checkOut(id, at: now)
        return result(session, session.status == .ended ? [] : session.conversation.reshow())
    }

    mutating func summary(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        let formatName = try params.optionalString("format") ?? "markdown"
        guard let format = BriefFormat(rawValue: formatName) else {
            throw RPCError(.invalidParams, "'format' must be one of \(BriefFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let session = try checkOut(id, at: now)
        let program = session.conversation.program
        let knowledge: BriefKnowledge
        do {
            knowledge = try backend.briefKnowledge(program.script.language)
        } catch {
            throw RPCError(.internalError, "the brief cannot be written: \(error)")
        }
        let brief = BriefBuilder.build(session.transcript, program: program, knowledge: knowledge)
        let rendered = brief.render(format)
        // The JSON brief is embedded as an object, compacted onto the one line.
        let embedded = format == .json ? try? JSONParser.parse(Array(rendered.utf8), depthLimit: 16) : nil
        return { writer in
            writer.beginObject()
            writer.key("session")
            writer.string(id)
            writer.key("format")
            writer.string(format.rawValue)
            writer.key("brief")
            if let embedded { writer.value(embedded) } else { writer.string(rendered) }
            writer.endObject()
        }
    }

    mutating func end(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        let session = try checkOut(id, at: now)
        guard session.closed == nil else { throw RPCError(.sessionEnded, "session '\(id)' was already ended") }
        session.close(at: now)
        session.isDirty = true
        JournalRecord.closed(name: session.name, at: now).encode(into: &journal.writer)
        return result(session, [])
    }

    mutating func list() -> ResultWriter {
        var entries: [String: (status: SessionStatus, step: String?, updated: Timestamp)] = [:]
        for file in backend.gatewaySessions() {
            guard let id = file.gateway, sessions[id] == nil else { continue }
            let identity = file.transcript.script
            guard let program = program(script: identity.id, language: identity.language) else { continue }
            let session = HostedSession(file: file, conversation: file.transcript.replay(on: program).conversation, lastUsed: 0, isDirty: false)
            entries[id] = (session.status, session.conversation.currentStep?.description, file.updated)
        }
        for (id, session) in sessions {
            entries[id] = (session.status, session.conversation.currentStep?.description, session.updated)
        }
        let sorted = entries.sorted { $0.key < $1.key }
        return { writer in
            writer.beginObject()
            writer.key("sessions")
            writer.beginArray()
            for (id, entry) in sorted {
                writer.beginObject()
                writer.key("session")
                writer.string(id)
                writer.key("status")
                entry.status.write(into: &writer)
                if let step = entry.step, entry.status == .active {
                    writer.key("step")
                    writer.string(step)
                }
                writer.key("updated")
                writer.int(Int(entry.updated.millisecondsSince1970))
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
    }

    /// A session's result: where it stands and what to show.
    func result(_ session: HostedSession, _ outputs: [Output]) -> ResultWriter {
        let program = session.conversation.program
        let written = messageCache.written(for: program)
        let messages = BotMessages(messages: program.messages, written: written)
        let status = session.status
        // Read from the position alone: asking the conversation itself would copy it out of the session.
        let position = status == .active ? session.conversation.position : nil
        let id = session.gateway ?? session.name
        let name = session.name
        return { writer in
            writer.beginObject()
            writer.key("session")
            writer.string(id)
            writer.key("name")
            writer.string(name)
            writer.key("status")
            status.write(into: &writer)
            writer.key("step")
            if let position { Self.writeStep(position, of: program, written: written, into: &writer) } else { writer.null() }
            writer.key("messages")
            messages.write(outputs, into: &writer)
            if let position {
                writer.key("progress")
                Self.writeProgress(of: position.index, of: program, written: written, into: &writer)
            }
            writer.endObject()
        }
    }

    /// A step's id, written once per program for the steps not about a list item.
    private static func writeStep(_ position: Conversation.Position, of program: ScriptProgram, written: MessageCache.Written,
                                  into writer: inout JSONWriter) {
        guard program.questions[position.index].parent == nil else { return writer.string(program.step(at: position).description) }
        let slot = program.stepSlot(of: position)
        if written.steps[slot] == nil {
            var step = JSONWriter(capacity: 64)
            step.string(program.step(at: position).description)
            written.steps[slot] = step.bytes
        }
        writer.written(written.steps[slot]!)
    }

    /// Where a question stands, written once per program and question.
    private static func writeProgress(of question: Int, of program: ScriptProgram, written: MessageCache.Written,
                                      into writer: inout JSONWriter) {
        if written.progress[question] == nil {
            let progress = program.progress(of: question)
            var object = JSONWriter(capacity: 128)
            object.beginObject()
            object.key("section"); object.int(progress.section)
            object.key("sections"); object.int(progress.sections)
            object.key("question"); object.int(progress.question)
            object.key("questions"); object.int(progress.questions)
            object.key("fraction"); object.fraction(progress.fraction)
            object.endObject()
            written.progress[question] = object.bytes
        }
        writer.written(written.progress[question]!)
    }
}
