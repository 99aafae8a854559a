import CoachEngine
import CoachJSON
import CoachSpelling
import CoachStore
import CoachSummary
import CoachText
import Foundation

/// The protocol's methods.
extension SessionHost {
    mutating func start(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        let scriptName = try params.optionalString("script") ?? configuration.defaultScript
        let language = try params.optionalString("language") ?? configuration.defaultLanguage
        let name = SessionStore.name(forGateway: id.text)
        guard !isBeingDeleted(name) else { throw RPCError(.sessionBusy, "session '\(id)' is being deleted; start it again in a moment") }
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
        file.gateway = id.text
        JournalRecord.started(gateway: id.text, name: name, script: file.transcript.script, at: now).encode(into: &journal.writer)
        let session = HostedSession(file: file, conversation: conversation, lastUsed: now.millisecondsSince1970, isDirty: true)
        sessions[id] = session
        didStart(session, id: id)
        return result(session, outputs)
    }

    mutating func answer(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        let text = try params.answerText()
        let isPrivate = try params.optionalBool("private")
        let key = try params.requestKey()
        let session = try checkOut(id, at: now)
        // Applied already (the reply was lost, and the gateway sends it again): answered with
        // where the session stands now, and not applied twice.
        if let key, session.requestKeys.contains(where: { GatewayID.sameBytes($0.key, key) }) {
            return result(session, session.status == .active ? session.conversation.reshow() : [], repeated: true)
        }
        // Cleaned as the conversation cleans it, so that the journal holds what was applied; a
        // refused answer only as far as it says why (only a long one can be shortened: the
        // conversation is not read for the others).
        let cleaned = AnswerText.cleaned(text)
        let logged = cleaned.utf8.count > Conversation.refusedAnswerKept ? session.conversation.loggedForm(of: cleaned) : cleaned
        let answered = Event.answered(logged, at: now)
        // `"private"` chooses for the answer being given: the question asked (a probe's answer goes
        // with the answer it probes), or the list an item is added to.
        let choice = isPrivate.flatMap { isPrivate in
            session.conversation.currentStep.map { step in
                Event.sharingChanged(answer: step.answer.description, to: isPrivate ? .private : .shared, at: now)
            }
        }
        return try apply(answered, to: session, id: id, at: now, then: choice, key: key)
    }

    /// `session.share`: an answer given already (`answer`: its id) made private or shared again.
    mutating func share(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        let answer = try params.string("answer")
        guard let isPrivate = try params.optionalBool("private") else { throw RPCError(.invalidParams, "'private' is missing") }
        let session = try checkOut(id, at: now)
        guard session.closed == nil else { throw RPCError(.sessionEnded, "session '\(id)' was ended") }
        guard session.conversation.answerIDs.contains(answer) else {
            throw RPCError(.invalidParams, "'\(answer)' is not an answer of session '\(id)'; ids are as in session.edit, such as trivsel or oensker[2]/gavn")
        }
        let event = Event.sharingChanged(answer: answer, to: isPrivate ? .private : .shared, at: now)
        willChange(session, id: id)
        _ = session.conversation.apply(event)
        record([event], of: session)
        return { writer in
            writer.beginObject()
            writer.key("session"); writer.string(id.text)
            writer.key("answer"); writer.string(answer)
            writer.key("private"); writer.bool(isPrivate)
            writer.endObject()
        }
    }

    mutating func skip(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        return try apply(.skipped(at: now), to: checkOut(id, at: now), id: id, at: now)
    }

    mutating func goBack(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        return try apply(.wentBack(at: now), to: checkOut(id, at: now), id: id, at: now)
    }

    /// `then`: an event recorded right after, with no outputs of its own (a sharing choice for the answer).
    /// `key`: the gateway's key for the answer, kept so that it is never applied twice.
    private mutating func apply(_ event: Event, to session: HostedSession, id: GatewayID, at now: Timestamp, then following: Event? = nil,
                                key: String? = nil) throws(RPCError) -> ResultWriter {
        guard session.closed == nil else { throw RPCError(.sessionEnded, "session '\(id)' was ended") }
        if session.conversation.status == .ended && event != .wentBack(at: now) {
            throw RPCError(.sessionEnded, "session '\(id)' has answered the whole dialogue; go back or ask for the summary")
        }
        if case .wentBack = event, !session.conversation.canGoBack {
            throw RPCError(.nothingToGoBackTo, "session '\(id)' has no answer to take back")
        }
        willChange(session, id: id)
        outputs.removeAll(keepingCapacity: true)
        let index = session.conversation.log.count
        session.conversation.apply(event, into: &outputs)
        if let following {
            _ = session.conversation.apply(following)
            record([event, following], of: session)
        } else {
            record([event], of: session)
        }
        if let key {
            session.requestKeys.append(SessionFile.RequestKey(key: key, event: index))
            if session.requestKeys.count > SessionFile.RequestKey.kept { session.requestKeys.removeFirst() }
            JournalRecord.requestKey(name: session.name, key: key, event: index, at: now).encode(into: &journal.writer)
        }
        return result(session, outputs)
    }

    /// Changes the answer to an earlier step and re-evaluates the dialogue as a replay does: a new
    /// revision that reuses every other answer, asking where an answer is missing (a question the
    /// edit made reachable, a probe it made fire).
    mutating func edit(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        let stepText = try params.string("step")
        guard let step = StepID(parsing: stepText) else { throw RPCError(.invalidParams, "'step' is not a step id such as lykkedes or oensker[2]/gavn") }
        let text = try params.answerText()
        let session = try checkOut(id, at: now)
        guard session.closed == nil else { throw RPCError(.sessionEnded, "session '\(id)' was ended") }
        let program = session.conversation.program
        let previous = PreviousAnswers(records: session.conversation.records, program: program)
        let answered = step.answer
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
        var events = [revised] + reused.events
        if let isPrivate = try params.optionalBool("private") {
            let choice = Event.sharingChanged(answer: answered.description, to: isPrivate ? .private : .shared, at: now)
            _ = next.apply(choice)
            events.append(choice)
        }
        willChange(session, id: id)
        session.conversation = next
        session.changed(at: now, script: Transcript.ScriptIdentity(program.script))
        record(events, of: session)
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
        let knowledge = try knowledge(for: program, writing: "the brief")
        let brief = BriefBuilder.build(session.transcript, program: program, knowledge: knowledge)
        let rendered = brief.render(format)
        // The JSON brief is embedded as an object, compacted onto the one line.
        let embedded = format == .json ? try? JSONParser.parse(Array(rendered.utf8), depthLimit: 16) : nil
        return { writer in
            writer.beginObject()
            writer.key("session")
            writer.string(id.text)
            writer.key("format")
            writer.string(format.rawValue)
            writer.key("brief")
            if let embedded { writer.value(embedded) } else { writer.string(rendered) }
            writer.endObject()
        }
    }

    /// The synonyms and objections for the program's language; a damaged file is -32603 naming it.
    private func knowledge(for program: ScriptProgram, writing what: String) throws(RPCError) -> BriefKnowledge {
        do {
            return try backend.briefKnowledge(program.script.language)
        } catch {
            throw RPCError(.internalError, "\(what) cannot be written: \(error)")
        }
    }

    /// What the person sends their manager: built from the shared answers only, with the ids and
    /// questions of those left out, for the gateway to show before it is sent.
    mutating func agenda(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        let formatName = try params.optionalString("format") ?? "markdown"
        guard let format = ManagerAgenda.Format(rawValue: formatName) else {
            throw RPCError(.invalidParams, "'format' must be one of \(ManagerAgenda.Format.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let recipient = try params.optionalString("to")
        // The names the agenda and its mail carry: the gateway knows its user (nothing is kept).
        let participants = Participants(person: try params.optionalString("name").map(AnswerText.cleaned),
                                        manager: try params.optionalString("manager").map(AnswerText.cleaned))
        if let recipient, !MailAddress.isPlain(recipient) {
            throw RPCError(.invalidParams, "'to' must be one mail address such as leder@example.dk")
        }
        let session = try checkOut(id, at: now)
        let program = session.conversation.program
        let knowledge = try knowledge(for: program, writing: "the agenda")
        let agenda = ManagerAgenda(session.transcript, program: program, knowledge: knowledge)
        let rendered = agenda.render(format, participants: participants, date: Date(timeIntervalSince1970: Double(now.millisecondsSince1970) / 1000),
                                     recipient: recipient)
        // Suspected slips, for the gateway to show before it is sent; nothing is changed.
        let language = program.script.language
        let spelling = backend.spellChecker(language).map { $0.suspects(in: agenda.render(.text)) }
        return { writer in
            writer.beginObject()
            writer.key("session"); writer.string(id.text)
            writer.key("format"); writer.string(format.rawValue)
            writer.key("agenda"); writer.string(rendered)
            writer.key("leftOut")
            writer.beginArray()
            for answer in agenda.leftOut {
                writer.beginObject()
                writer.key("id"); writer.string(answer.id)
                writer.key("question"); writer.string(answer.question)
                writer.endObject()
            }
            writer.endArray()
            writer.key("spelling")
            if let spelling {
                writer.beginArray()
                for suspect in spelling {
                    writer.beginObject()
                    writer.key("word"); writer.string(suspect.word)
                    writer.key("suggestions")
                    writer.beginArray()
                    for suggestion in suspect.suggestions { writer.string(suggestion) }
                    writer.endArray()
                    writer.endObject()
                }
                writer.endArray()
            } else {
                writer.null()
                writer.key("spellingNote")
                writer.string("no dictionary for '\(language.rawValue)' is installed (\(SpellChecker.dictionaryName(language))): the agenda is not checked")
            }
            writer.endObject()
        }
    }

    mutating func end(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        let session = try checkOut(id, at: now)
        guard session.closed == nil else { throw RPCError(.sessionEnded, "session '\(id)' was already ended") }
        willChange(session, id: id)
        session.close(at: now)
        session.isDirty = true
        JournalRecord.closed(name: session.name, at: now).encode(into: &journal.writer)
        return result(session, [])
    }

    /// `session.delete`: the session gone from memory at once, and from the disk — its file, its
    /// brief, its lines in the journal and every copy of it — before the reply (see `takeBatch`).
    /// One not in memory is not loaded: a full memory, a script gone or a damaged file must not keep
    /// a person from deleting their own data.
    mutating func delete(_ params: Params, at now: Timestamp) throws(RPCError) -> ResultWriter {
        let id = try params.session()
        let name = SessionStore.name(forGateway: id.text)
        if let session = sessions[id] {
            willChange(session, id: id)
            sessions[id] = nil
        } else {
            guard backend.exists(name: name), !isBeingDeleted(name) else { throw RPCError(.unknownSession, "no session '\(id)'") }
            // Only a hashed name can be another id's: its file says whose it is.
            if SessionStore.isHashedGatewayName(name), (try? backend.load(name: name))?.gateway.map(GatewayID.init) != id {
                throw RPCError(.unknownSession, "no session '\(id)' (its file name belongs to another session)")
            }
        }
        journal.removeLines { JournalCopies.line($0, isAbout: name) }
        batches.deletions.append((batches.open, name))
        return { writer in
            writer.beginObject()
            writer.key("session"); writer.string(id.text)
            writer.key("deleted"); writer.bool(true)
            writer.endObject()
        }
    }

    mutating func list() -> ResultWriter {
        var entries: [GatewayID: (status: SessionStatus, step: String?, updated: Timestamp)] = [:]
        for file in backend.gatewaySessions() where !isBeingDeleted(file.name) {
            guard let id = file.gateway.map(GatewayID.init), sessions[id] == nil else { continue }
            let identity = file.transcript.script
            guard let program = program(script: identity.id, language: identity.language) else { continue }
            let session = HostedSession(file: file, conversation: file.transcript.replay(on: program).conversation, lastUsed: 0, isDirty: false)
            entries[id] = (session.status, session.conversation.currentStep?.description, file.updated)
        }
        for (id, session) in sessions {
            entries[id] = (session.status, session.conversation.currentStep?.description, session.updated)
        }
        let sorted = entries.sorted { $0.key.text.utf8.lexicographicallyPrecedes($1.key.text.utf8) }
        return { writer in
            writer.beginObject()
            writer.key("sessions")
            writer.beginArray()
            for (id, entry) in sorted {
                writer.beginObject()
                writer.key("session")
                writer.string(id.text)
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

    /// A session's result: where it stands and what to show. `repeated`: an answer sent again with
    /// a key already applied, which was not applied twice.
    func result(_ session: HostedSession, _ outputs: [Output], repeated: Bool = false) -> ResultWriter {
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
            if repeated {
                writer.key("repeated")
                writer.bool(true)
            }
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
