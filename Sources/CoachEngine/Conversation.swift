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
    public internal(set) var status: Status = .notStarted
    public internal(set) var position: Position?
    /// The answers given, in order; going back pops the last.
    public internal(set) var records: [AnswerRecord] = []
    /// The section whose header was shown last, so a header is shown once per entry into a section.
    var shownSection = -1

    public init(program: ScriptProgram) {
        self.program = program
    }

    public var messages: Messages { program.messages }

    public mutating func apply(_ event: Event) -> [Output] {
        var outputs: [Output] = []
        apply(event, into: &outputs)
        return outputs
    }

    /// Appends what to show to `outputs`, so that a front end running many turns can reuse one buffer.
    public mutating func apply(_ event: Event, into outputs: inout [Output]) {
        switch event {
        case .started(let at): start(at: at, into: &outputs)
        case .answered(let text, let at): answer(text, at: at, into: &outputs)
        case .skipped(let at): skip(at: at, into: &outputs)
        case .wentBack(let at): goBack(at: at, into: &outputs)
        case .revised(let at, _): revise(at: at, into: &outputs)
        }
    }

    /// Starts the dialogue over for a new revision: no answers, the first question (no greeting).
    public mutating func revise(at: Timestamp) -> [Output] {
        collecting { $0.revise(at: at, into: &$1) }
    }

    public mutating func start(at: Timestamp) -> [Output] {
        collecting { $0.start(at: at, into: &$1) }
    }

    public mutating func answer(_ raw: String, at: Timestamp) -> [Output] {
        collecting { $0.answer(raw, at: at, into: &$1) }
    }

    public mutating func skip(at: Timestamp) -> [Output] {
        collecting { $0.skip(at: at, into: &$1) }
    }

    /// Undoes the last answer, probe answers included, and asks its question again.
    public mutating func goBack(at: Timestamp) -> [Output] {
        collecting { $0.goBack(at: at, into: &$1) }
    }

    private mutating func collecting(_ body: (inout Conversation, inout [Output]) -> Void) -> [Output] {
        var outputs: [Output] = []
        body(&self, &outputs)
        return outputs
    }

    mutating func revise(at: Timestamp, into outputs: inout [Output]) {
        status = .active
        records = []
        shownSection = -1
        enterTopLevel(from: program.firstQuestion, after: -1, into: &outputs)
    }

    mutating func start(at: Timestamp, into outputs: inout [Output]) {
        guard status == .notStarted else { return reject(.alreadyStarted, into: &outputs) }
        status = .active
        if let greeting = program.script.greeting {
            outputs.append(.greeting(greeting.render(answer: { _ in nil })))
        }
        enterTopLevel(from: program.firstQuestion, after: -1, into: &outputs)
    }

    mutating func answer(_ raw: String, at: Timestamp, into outputs: inout [Output]) {
        guard status == .active, let position else {
            return reject(status == .ended ? .conversationEnded : .notStarted, into: &outputs)
        }
        let text = raw.trimmingWhitespace()
        switch position {
        case .question(let index, let item):
            let entry = program.questions[index]
            switch AnswerParser.parse(text, for: entry) {
            case .rejected(let rejection):
                reject(rejection, into: &outputs)
            case .skipped:
                records.append(.skipped(question: index, item: item, at: at))
                advance(after: index, item: item, into: &outputs)
            case .accepted(let choice):
                records.append(AnswerRecord(question: index, item: item, choice: choice, isSkipped: false,
                                            text: text, probeAnswers: [], at: at))
                if entry.kind.isList {
                    self.position = .listItems(index: index)
                    outputs.append(.question(prompt(for: .listItems(index: index), isRepeat: false)))
                } else {
                    askProbes(of: index, item: item, from: 0, round: 0, into: &outputs)
                }
            }
        case .listItems(let index):
            guard !text.isEmpty else { return advanceIntoFollowUps(ofList: index, into: &outputs) }
            records[records.count - 1].text += "\n" + text
            outputs.append(.question(prompt(for: position, isRepeat: false)))
        case .probe(let index, let item, let probe, let round):
            guard !text.isEmpty else { return askProbes(of: index, item: item, from: probe + 1, round: 0, into: &outputs) }
            records[records.count - 1].probeAnswers.append(.init(probe: probe, text: text))
            askProbes(of: index, item: item, from: probe, round: round + 1, into: &outputs)
        }
    }

    mutating func skip(at: Timestamp, into outputs: inout [Output]) {
        guard status == .active, let position else {
            return reject(status == .ended ? .conversationEnded : .notStarted, into: &outputs)
        }
        switch position {
        case .question(let index, let item):
            records.append(.skipped(question: index, item: item, at: at))
            advance(after: index, item: item, into: &outputs)
        case .listItems(let index):
            advanceIntoFollowUps(ofList: index, into: &outputs)
        case .probe(let index, let item, _, _):
            advance(after: index, item: item, into: &outputs)
        }
    }

    mutating func goBack(at: Timestamp, into outputs: inout [Output]) {
        guard status != .notStarted else { return reject(.notStarted, into: &outputs) }
        switch position {
        case .listItems(let index)?:
            var items = records[records.count - 1].items
            items.removeLast()
            if items.isEmpty {
                records.removeLast()
                position = .question(index: index, item: -1)
            } else {
                records[records.count - 1].text = items.joined(separator: "\n")
            }
        case .probe(let index, let item, _, _)?:
            records.removeLast()
            position = .question(index: index, item: item)
        case .question?, nil:
            guard let last = records.last else { return reject(.nothingToGoBackTo, into: &outputs) }
            status = .active
            if program.questions[last.question].kind.isList && !last.isSkipped {
                position = .listItems(index: last.question)
            } else {
                records.removeLast()
                position = .question(index: last.question, item: last.item)
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
            let section = program.script.sections[entry.section]
            outputs.append(.sectionStarted(SectionHeader(
                id: section.id, title: section.title, intro: section.intro.map(render),
                number: entry.section + 1, count: program.script.sections.count)))
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
}

extension AnswerRecord {
    static func skipped(question: Int, item: Int, at: Timestamp) -> AnswerRecord {
        AnswerRecord(question: question, item: item, choice: -1, isSkipped: true, text: "", probeAnswers: [], at: at)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        // Most answers start and end with a visible ASCII character: nothing to trim.
        let untrimmed = utf8.withContiguousStorageIfAvailable { bytes in
            guard let first = bytes.first, let last = bytes.last else { return false }
            return first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80
        }
        if untrimmed == true { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespaceFast }),
              let last = scalars.lastIndex(where: { !$0.isWhitespaceFast }) else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}

extension Conversation: Equatable {
    /// Same script (the same shared program) and the same state.
    public static func == (lhs: Conversation, rhs: Conversation) -> Bool {
        lhs.program === rhs.program && lhs.status == rhs.status && lhs.position == rhs.position
            && lhs.records == rhs.records && lhs.shownSection == rhs.shownSection
    }
}

extension Conversation {
    /// What to show when a saved conversation is opened again: the section it stands in and its question.
    public func reshow() -> [Output] {
        guard status == .active, let position else { return status == .ended ? [.ended] : [] }
        var copy = self
        copy.shownSection = -1
        var outputs: [Output] = []
        copy.ask(position, isRepeat: true, into: &outputs)
        return outputs
    }
}
