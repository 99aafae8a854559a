import CoachEngine
import CoachStore

/// Session files, the journal and memory: what is written when, so that every acknowledged
/// answer survives a crash and memory stays bounded.
extension SessionHost {
    /// Writes out and drops sessions untouched for the idle time, and sessions the gateway ended.
    /// Returns how many were dropped. The caller syncs afterwards (`needsSync`).
    public mutating func evictIdle(now: Timestamp) throws(StoreError) -> Int {
        let cutoff = now.millisecondsSince1970 - configuration.idleMilliseconds
        let idle = sessions.filter { $0.value.lastUsed <= cutoff || $0.value.closed != nil }
        for (id, session) in idle {
            if session.isDirty {
                try backend.write(session.fileWithEvents)
                needsSync = true
            }
            sessions[id] = nil
        }
        return idle.count
    }

    /// Writes sessions with events not yet in their files, as long as `proceed` allows. Returns
    /// whether all are written: then, after the caller's sync, the journal holds nothing the files
    /// lack and can be emptied.
    public mutating func checkpoint(while proceed: () -> Bool = { true }) throws(StoreError) -> Bool {
        for (id, session) in sessions where session.isDirty {
            guard proceed() else { return false }
            try backend.write(session.fileWithEvents)
            sessions[id]?.isDirty = false
            needsSync = true
        }
        return true
    }

    /// The journal reduced to what the session files lack: every event of each session in memory
    /// with events not yet in its file. Sessions written out earlier need nothing (the caller has
    /// synced their files). Rewriting the journal this way costs one sequential write, where
    /// writing thousands of session files costs thousands of file creations.
    public func writeCompactedJournal(_ write: ([UInt8]) throws -> Void) rethrows {
        var bytes: [UInt8] = []
        for session in sessions.values where session.isDirty {
            let file = session.fileWithEvents
            guard let gateway = file.gateway, case .started(let at)? = file.transcript.events.first else { continue }
            JournalRecord.started(gateway: gateway, name: file.name, script: file.transcript.script, at: at).encode(into: &bytes)
            for (index, event) in file.transcript.events.enumerated().dropFirst() {
                JournalRecord.event(name: file.name, index: index, event).encode(into: &bytes)
            }
            for key in file.requestKeys ?? [] {
                JournalRecord.requestKey(name: file.name, key: key.key, event: key.event, at: at).encode(into: &bytes)
            }
            if let closed = file.closed { JournalRecord.closed(name: file.name, at: closed).encode(into: &bytes) }
            if bytes.count >= 1 << 20 {
                try write(bytes)
                bytes.removeAll(keepingCapacity: true)
            }
        }
        if !bytes.isEmpty { try write(bytes) }
    }

    /// Applies a journal left by an earlier run to the session files (written, to be synced by the
    /// caller). Records already in a file are skipped, so a journal can be applied twice.
    public mutating func recover(_ lines: [[UInt8]]) -> Recovery {
        var files: [String: SessionFile] = [:]
        var recovery = Recovery()
        for (number, line) in lines.enumerated() {
            guard let record = JournalRecord(line: line) else {
                recovery.problems.append("journal line \(number + 1) cannot be read; it is kept in the set-aside journal")
                continue
            }
            switch record {
            case .started(let gateway, let name, let script, let at):
                guard files[name] == nil, !backend.exists(name: name) else { continue }
                var file = SessionFile(name: name, created: at, transcript: Transcript(script: script, events: [.started(at: at)]))
                file.gateway = gateway
                files[name] = file
            case .event(let name, let index, let event):
                guard var file = loadForRecovery(name, &files, &recovery) else { continue }
                if index == file.transcript.events.count {
                    file.transcript.events.append(event)
                    file.updated = event.timestamp
                    files[name] = file
                } else if index > file.transcript.events.count {
                    recovery.problems.append("session '\(name)' misses events before journal line \(number + 1)")
                }
            case .closed(let name, let at):
                guard var file = loadForRecovery(name, &files, &recovery), file.closed == nil else { continue }
                file.closed = at
                file.updated = at
                files[name] = file
            case .requestKey(let name, let key, let event, _):
                guard var file = loadForRecovery(name, &files, &recovery) else { continue }
                var keys = file.requestKeys ?? []
                // A key the file has, or one older than those it kept, was applied already.
                guard !keys.contains(where: { GatewayID.sameBytes($0.key, key) }), event > keys.last?.event ?? -1 else { continue }
                keys.append(SessionFile.RequestKey(key: key, event: event))
                file.requestKeys = Array(keys.suffix(SessionFile.RequestKey.kept))
                files[name] = file
            }
        }
        for file in files.values {
            do {
                try backend.write(file)
                needsSync = true
                recovery.sessions += 1
            } catch {
                recovery.unwritten.append(error)
            }
        }
        return recovery
    }

    private func loadForRecovery(_ name: String, _ files: inout [String: SessionFile], _ recovery: inout Recovery) -> SessionFile? {
        if let file = files[name] { return file }
        do {
            let file = try backend.load(name: name)
            files[name] = file
            return file
        } catch {
            recovery.problems.append(error.description)
            return nil
        }
    }

    public struct Recovery: Equatable, Sendable {
        /// Session files brought up to date.
        public var sessions = 0
        /// What could not be applied; the caller keeps the journal aside when there is any.
        public var problems: [String] = []
        /// Session files that could not be written now (a full disk): the journal must stay as it is.
        public var unwritten: [StoreError] = []
    }
}
