import CoachScript
import CoachText

/// The state of one conversation over a script: a value, changed only by events.
///
/// Like swift-nio's state machines, each input is a `mutating func` returning what to show;
/// the front ends switch on the `Output`s and do the IO.
public struct Conversation: Sendable {
    public enum Status: Hashable, Sendable {
        case notStarted, active, ended
    }

    /// What is being asked now.
    public enum Position: Hashable, Sendable {
        /// A question; `item` is the list item a follow-up is about, or -1.
        case question(index: Int, item: Int)
        /// A list is open for more items.
        case listItems(index: Int)
        /// A probe of the question whose record is last; `round` counts its repeats.
        case probe(index: Int, item: Int, probe: Int, round: Int)
    }

    public let program: ScriptProgram
    /// Every event applied, earlier revisions included: the transcript it was folded from.
    public internal(set) var log: EventLog
    /// The section whose header was shown last, so a header is shown once per entry into a section.
    var shownSection: Int?
    public internal(set) var position: Position?
    public internal(set) var status: Status = .notStarted
    /// Words written to a scale without its number, where they lie in the log's text: they become
    /// the comment of the number that follows. Any other step lets them go (they stay in the log).
    private var heldComment: Range<Int>?

    public init(program: ScriptProgram) {
        self.program = program
        // One allocation for a whole dialogue's records, where growing would leave freed blocks behind.
        log = EventLog(expectedEvents: program.questions.count + 8, expectedRecords: program.questions.count)
    }

    /// The records, probe answers and text, which the log's storage keeps (see `ConversationStore`).
    /// Changed only while applying an event: the log has made it unique by then.
    var store: ConversationStore { log.store }
    /// The answers given, in order; going back pops the last. Their texts lie in the log.
    var storedRecords: UnsafeMutableBufferPointer<StoredRecord> { log.store.records }
    /// The probe answers of all records, in order.
    var storedProbes: UnsafeMutableBufferPointer<StoredProbeAnswer> { log.store.probes }

    public var messages: Messages { program.messages }

    /// The answers given, in order, as values.
    public var records: [AnswerRecord] { storedRecords.indices.map(answerRecord(at:)) }

    /// The events applied, as a transcript would hold them.
    public var events: [Event] { log.events }

    /// Whether going back has an answer to take back (else it is refused and changes nothing).
    public var canGoBack: Bool {
        switch position {
        case .listItems?, .probe?: true
        case .question?, nil: status != .notStarted && !storedRecords.isEmpty
        }
    }

    public mutating func apply(_ event: Event) -> [Output] {
        var outputs: [Output] = []
        apply(event, into: &outputs)
        return outputs
    }

    /// Appends what to show to `outputs`, so that a front end running many turns can reuse one buffer.
    public mutating func apply(_ event: Event, into outputs: inout [Output]) {
        // A sharing choice changes what leaves the preparation, not where the dialogue stands.
        if case .sharingChanged = event {
            log.append(event)
            return
        }
        let span = log.append(event, continuing: status == .active && position?.continuesRecord == true)
        let held = heldComment
        heldComment = nil
        switch event {
        case .started: start(into: &outputs)
        case .answered: answer(trimmed: span!, held: held, into: &outputs)
        case .skipped: skip(into: &outputs)
        case .wentBack: goBack(into: &outputs)
        case .revised: revise(into: &outputs)
        case .sharingChanged: break
        }
    }

    /// Takes `events` into the log without applying them: the revisions before the current one.
    mutating func logWithoutApplying(_ events: some Sequence<Event>) {
        for event in events { log.append(event) }
    }

    /// Starts the dialogue over for a new revision: no answers, the first question (no greeting).
    public mutating func revise(at: Timestamp, previous: Transcript.ScriptIdentity) -> [Output] {
        apply(.revised(at: at, previous: previous))
    }

    public mutating func start(at: Timestamp) -> [Output] {
        apply(.started(at: at))
    }

    public mutating func answer(_ raw: String, at: Timestamp) -> [Output] {
        apply(.answered(raw, at: at))
    }

    public mutating func skip(at: Timestamp) -> [Output] {
        apply(.skipped(at: at))
    }

    /// Undoes the last answer, probe answers included, and asks its question again.
    public mutating func goBack(at: Timestamp) -> [Output] {
        apply(.wentBack(at: at))
    }

    private mutating func revise(into outputs: inout [Output]) {
        status = .active
        store.removeAllRecords()
        shownSection = nil
        enterTopLevel(from: program.firstQuestion, after: -1, into: &outputs)
    }

    private mutating func start(into outputs: inout [Output]) {
        guard status == .notStarted else { return reject(.alreadyStarted, into: &outputs) }
        status = .active
        if let greeting = program.script.greeting {
            outputs.append(.greeting(greeting.render(answer: { _ in nil })))
        }
        enterTopLevel(from: program.firstQuestion, after: -1, into: &outputs)
    }

    /// `trimmed`: where the answer, without the whitespace around it, lies in the log's text.
    /// `held`: the comment a scale's number is awaited for (see `heldComment`).
    private mutating func answer(trimmed: Range<Int>, held: Range<Int>?, into outputs: inout [Output]) {
        guard status == .active, let position else {
            return reject(status == .ended ? .conversationEnded : .notStarted, into: &outputs)
        }
        switch position {
        case .question(let index, let item):
            let entry = program.questions[index]
            switch AnswerParser.parse(isEmpty: trimmed.isEmpty, text: { store.string(trimmed) }, for: entry) {
            case .rejected(let rejection):
                if case .numberMissing = rejection {
                    heldComment = held.map { log.gather($0, trimmed) } ?? trimmed
                } else {
                    heldComment = held
                }
                reject(rejection, into: &outputs)
            case .skipped:
                store.appendRecord(.skipped(question: index, item: item))
                advance(after: index, item: item, into: &outputs)
            case .accepted(let choice):
                var stored = choice
                if case .scale(let scale) = entry.kind { stored -= scale.min }
                // The number first, so that the comment reads as what follows it ("2\nalt for mange møder").
                let span = held.map { log.gather(trimmed, $0) } ?? trimmed
                store.appendRecord(StoredRecord(question: index, item: item, choice: stored), span: span)
                if entry.kind.isList {
                    self.position = .listItems(index: index)
                    outputs.append(.question(prompt(for: .listItems(index: index), isRepeat: false)))
                } else {
                    askProbes(of: index, item: item, from: 0, round: 0, into: &outputs)
                }
            }
        case .listItems(let index):
            guard !trimmed.isEmpty else { return advanceIntoFollowUps(ofList: index, into: &outputs) }
            _ = extendLastRecord(with: trimmed)
            outputs.append(.question(prompt(for: position, isRepeat: false)))
        case .probe(let index, let item, let probe, let round):
            guard !trimmed.isEmpty else { return askProbes(of: index, item: item, from: probe + 1, round: 0, into: &outputs) }
            let placed = extendLastRecord(with: trimmed)
            store.appendProbe(StoredProbeAnswer(start: UInt32(placed.lowerBound), length: UInt32(placed.count),
                                                record: UInt32(storedRecords.count - 1), probe: UInt32(probe)))
            askProbes(of: index, item: item, from: probe, round: round + 1, into: &outputs)
        }
    }

    private mutating func skip(into outputs: inout [Output]) {
        guard status == .active, let position else {
            return reject(status == .ended ? .conversationEnded : .notStarted, into: &outputs)
        }
        switch position {
        case .question(let index, let item):
            store.appendRecord(.skipped(question: index, item: item))
            advance(after: index, item: item, into: &outputs)
        case .listItems(let index):
            advanceIntoFollowUps(ofList: index, into: &outputs)
        case .probe(let index, let item, _, _):
            advance(after: index, item: item, into: &outputs)
        }
    }

    private mutating func goBack(into outputs: inout [Output]) {
        guard status != .notStarted else { return reject(.notStarted, into: &outputs) }
        switch position {
        case .listItems(let index)?:
            let last = storedRecords.count - 1
            if let lastBreak = store.withFullText(of: last, { $0.lastIndex(of: 0x0A) }) {
                let start = store.span(ofRecord: last).lowerBound
                store.setSpan(ofRecord: last, start..<start + lastBreak)
            } else {
                store.removeLastRecord()
                position = .question(index: index, item: -1)
            }
        case .probe(let index, let item, _, _)?:
            store.removeLastRecord()
            position = .question(index: index, item: item)
        case .question?, nil:
            guard let last = storedRecords.last else { return reject(.nothingToGoBackTo, into: &outputs) }
            status = .active
            let question = last.question
            if program.questions[question].kind.isList && !last.isSkipped {
                position = .listItems(index: question)
            } else {
                let item = store.item(ofRecord: storedRecords.count - 1, in: program)
                store.removeLastRecord()
                position = .question(index: question, item: item)
            }
        }
        ask(position!, isRepeat: true, into: &outputs)
    }

    // MARK: - Asking

    private func reject(_ rejection: Rejection, into outputs: inout [Output]) {
        outputs.append(.rejected(rejection))
        guard status == .active, let position else { return }
        outputs.append(.question(prompt(for: position, isRepeat: true)))
    }

    /// Asks `position`: a section header when the section changes, tips on first asking, the prompt.
    mutating func ask(_ position: Position, isRepeat: Bool, into outputs: inout [Output]) {
        self.position = position
        let entry = program.questions[position.index]
        if entry.section != shownSection {
            shownSection = entry.section
            if let header = program.plainSectionHeaders[entry.section] {
                outputs.append(.sectionStarted(header))
            } else {
                let section = program.script.sections[entry.section]
                outputs.append(.sectionStarted(SectionHeader(
                    id: section.id, title: section.title,
                    intro: program.sectionIntros[entry.section].map { render($0, item: -1, list: nil) },
                    number: entry.section + 1, count: program.script.sections.count, isScriptOwn: false)))
            }
            if !isRepeat { for tip in program.sectionTips[entry.section] { outputs.append(.tip(tip)) } }
        }
        if !isRepeat, case .question = position {
            for tip in program.questionTips[position.index] { outputs.append(.tip(tip)) }
        }
        outputs.append(.question(prompt(for: position, isRepeat: isRepeat)))
    }
}

extension Conversation.Position {
    /// The question this position belongs to.
    public var index: Int {
        switch self {
        case .question(let index, _), .listItems(let index), .probe(let index, _, _, _): index
        }
    }

    /// Whether an answer here is added to the last record's text (a list item, a probe answer).
    var continuesRecord: Bool {
        switch self {
        case .question: false
        case .listItems, .probe: true
        }
    }
}

extension Conversation: Equatable {
    /// Same script (the same shared program) and the same state.
    public static func == (lhs: Conversation, rhs: Conversation) -> Bool {
        lhs.program === rhs.program && lhs.status == rhs.status && lhs.position == rhs.position
            && lhs.storedRecords.elementsEqual(rhs.storedRecords) && lhs.storedProbes.elementsEqual(rhs.storedProbes)
            && lhs.store.wideSpans == rhs.store.wideSpans
            && lhs.shownSection == rhs.shownSection && lhs.heldComment == rhs.heldComment && lhs.log == rhs.log
    }
}

extension Conversation {
    /// What to show when a saved conversation is opened again: the section it stands in and its question.
    public func reshow() -> [Output] {
        guard status == .active, let position else { return status == .ended ? [.ended] : [] }
        var copy = self
        copy.shownSection = nil
        var outputs: [Output] = []
        copy.ask(position, isRepeat: true, into: &outputs)
        return outputs
    }
}
