import CoachCycle
import CoachEngine
import CoachLibrary
import CoachScript
import CoachStore
import CoachTerminal
import CoachText

/// The yearly cycle as the sessions record it: the latest follow-up after a MUS, and which of its
/// agreements later preparations say were followed up.
struct YearCycle {
    /// The script whose sessions are follow-ups of a talk.
    static let followUpScript = "opfoelgning"

    /// What a script's shared answers go into: a follow-up's go into the manager's copy of the conclusion.
    static func sharedCopy(of script: Script) -> ChatRenderer.SharedCopy {
        script.id == followUpScript ? .conclusion : .agenda
    }

    let store: SessionStore
    var versions: ScriptVersions
    /// The person's own sessions (not a gateway's, which share a server's store), read once.
    private lazy var files: [SessionFile] = store.list(including: { !SessionStore.isGatewayName($0) }).compactMap { listing in
        if case .session(let file) = listing { file } else { nil }
    }

    init(store: SessionStore, library: DialogueLibrary) {
        self.store = store
        versions = ScriptVersions(library: library, archive: ScriptArchive(store: store))
    }

    /// The follow-ups that reached their end, by the date the talk was held.
    mutating func followUps() -> [FollowUp] {
        files.filter { $0.transcript.script.id == Self.followUpScript }.compactMap { file in
            guard let program = program(of: file), file.transcript.replay(on: program).conversation.status == .ended,
                  let created = LocalDate.local(file.created) else { return nil }
            return FollowUp(file, program: program, created: created)
        }.sorted { $0.held < $1.held }
    }

    /// The follow-up that reached its end most recently (by the date the talk was held).
    mutating func latestFollowUp() -> FollowUp? { followUps().last }

    /// The follow-up session of that name, finished or not.
    mutating func followUp(named name: String) -> FollowUp? {
        guard let file = files.first(where: { $0.name == name && $0.transcript.script.id == Self.followUpScript }),
              let program = program(of: file), let created = LocalDate.local(file.created) else { return nil }
        return FollowUp(file, program: program, created: created)
    }

    /// The script version the session ran on, or the current one when that version is not kept.
    private mutating func program(of file: SessionFile) -> ScriptProgram? {
        versions.program(for: file.transcript.script) ?? versions.current(file.transcript.script)
    }

    /// The preparations (sessions on the `mus` script), each replayed on the version it ran on.
    mutating func preparations() -> [TalkHistory.Preparation] {
        files.filter { $0.transcript.script.id == "mus" }.compactMap { file in
            guard let created = LocalDate.local(file.created), let program = program(of: file) else { return nil }
            return TalkHistory.Preparation(session: file.name, created: created, conversation: file.transcript.replay(on: program).conversation)
        }
    }

    /// The follow-up's agreements that the preparations since do not say were followed up.
    mutating func openAgreements(of followUp: FollowUp) -> [Agreement] {
        let preparations = preparations()
        return followUp.agreements.filter { TalkHistory.outcome(of: $0, after: followUp, in: preparations) != .followedUp }
    }

    mutating func history() -> TalkHistory {
        TalkHistory(followUps: followUps(), preparations: preparations())
    }
}

extension YearCycle {
    /// What a new preparation takes from the year: "yes" to the question tagged `tidligere-mus` and
    /// the open agreements of the last follow-up as suggested items of the list tagged `aftale`, and
    /// the notes written since that talk, offered where they fit.
    mutating func carried(into program: ScriptProgram) -> (suggestions: PreviousAnswers?, notes: NoteOffer?) {
        let followUp = latestFollowUp()
        var suggestions: PreviousAnswers?
        if let followUp {
            let open = openAgreements(of: followUp)
            let tagged = { (tag: String) in program.questions.first { $0.parent == nil && $0.question.tags.contains(tag) } }
            // Only a preparation asks about an earlier MUS; the follow-up's own list of agreements is left empty.
            if !open.isEmpty, let earlier = tagged("tidligere-mus"), earlier.kind == .yesNo, let list = tagged("aftale"), list.kind.isList {
                var carried = PreviousAnswers()
                carried.suggest(.yes(true), for: StepID(question: earlier.id))
                carried.suggest(.items(open.map(\.what)), for: StepID(question: list.id))
                suggestions = carried
            }
        }
        // Notes that cannot be read are said, not a reason to refuse the preparation.
        let written: [Note]
        do {
            let read = try NoteJournal(url: NoteJournal.defaultURL()).read()
            if read.leftOutUnfinishedLine { Console.errorMessage(NoteWarning.unfinishedLineLeftOut) }
            written = read.notes
        } catch {
            Console.errorMessage(NoteWarning.notesLeftOut(error))
            written = []
        }
        let notes = written.filter { note in
            guard let held = followUp?.held else { return true }
            return LocalDate.local(note.written).map { $0 >= held } ?? true
        }
        let offer = NoteOffer(notes: notes.map { ($0.text, $0.tags) }, program: program)
        return (suggestions, notes.isEmpty ? nil : offer)
    }
}

extension LocalDate {
    /// The day of `timestamp` in the local time zone.
    static func local(_ timestamp: Timestamp) -> LocalDate? {
        LocalDate(iso: LocalTime.format(timestamp, "%Y-%m-%d"))
    }
}
