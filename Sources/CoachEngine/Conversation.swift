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
        switch event {
        case .started(let at): start(at: at)
        case .answered(let text, let at): answer(text, at: at)
        case .skipped(let at): skip(at: at)
        case .wentBack(let at): goBack(at: at)
        case .revised(let at, _): revise(at: at)
        }
    }

    /// Starts the dialogue over for a new revision: no answers, the first question (no greeting).
    public mutating func revise(at: Timestamp) -> [Output] {
        status = .active
        records = []
        shownSection = -1
        return enterTopLevel(from: program.firstQuestion, after: -1)
    }

    public mutating func start(at: Timestamp) -> [Output] {
        guard status == .notStarted else { return reject(.alreadyStarted) }
        status = .active
        var outputs: [Output] = []
        if let greeting = program.script.greeting {
            outputs.append(.greeting(greeting.render(answer: { _ in nil })))
        }
        outputs += enterTopLevel(from: program.firstQuestion, after: -1)
        return outputs
    }

    public mutating func answer(_ raw: String, at: Timestamp) -> [Output] {
        guard status == .active, let position else { return reject(status == .ended ? .conversationEnded : .notStarted) }
        let text = raw.trimmingWhitespace()
        switch position {
        case .question(let index, let item):
            let entry = program.questions[index]
            switch AnswerParser.parse(text, for: entry) {
            case .rejected(let rejection):
                return reject(rejection)
            case .skipped:
                records.append(.skipped(question: index, item: item, at: at))
                return advance(after: index, item: item)
            case .accepted(let choice):
                records.append(AnswerRecord(question: index, item: item, choice: choice, isSkipped: false,
                                            text: text, probeAnswers: [], at: at))
                if entry.kind.isList {
                    self.position = .listItems(index: index)
                    return [.question(prompt(for: .listItems(index: index), isRepeat: false))]
                }
                return askProbes(of: index, item: item, from: 0, round: 0)
            }
        case .listItems(let index):
            guard !text.isEmpty else { return advanceIntoFollowUps(ofList: index) }
            records[records.count - 1].text += "\n" + text
            return [.question(prompt(for: position, isRepeat: false))]
        case .probe(let index, let item, let probe, let round):
            guard !text.isEmpty else { return askProbes(of: index, item: item, from: probe + 1, round: 0) }
            records[records.count - 1].probeAnswers.append(.init(probe: probe, text: text))
            return askProbes(of: index, item: item, from: probe, round: round + 1)
        }
    }

    public mutating func skip(at: Timestamp) -> [Output] {
        guard status == .active, let position else { return reject(status == .ended ? .conversationEnded : .notStarted) }
        switch position {
        case .question(let index, let item):
            records.append(.skipped(question: index, item: item, at: at))
            return advance(after: index, item: item)
        case .listItems(let index):
            return advanceIntoFollowUps(ofList: index)
        case .probe(let index, let item, _, _):
            return advance(after: index, item: item)
        }
    }

    /// Undoes the last answer, probe answers included, and asks its question again.
    public mutating func goBack(at: Timestamp) -> [Output] {
        guard status != .notStarted else { return reject(.notStarted) }
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
            guard let last = records.last else { return reject(.nothingToGoBackTo) }
            status = .active
            if program.questions[last.question].kind.isList && !last.isSkipped {
                position = .listItems(index: last.question)
            } else {
                records.removeLast()
                position = .question(index: last.question, item: last.item)
            }
        }
        return ask(position!, isRepeat: true)
    }

    // MARK: - Asking

    private func reject(_ rejection: Rejection) -> [Output] {
        guard status == .active, let position else { return [.rejected(rejection)] }
        return [.rejected(rejection), .question(prompt(for: position, isRepeat: true))]
    }

    /// The outputs that ask `position`: a section header when the section changes, tips on first asking, the prompt.
    mutating func ask(_ position: Position, isRepeat: Bool) -> [Output] {
        self.position = position
        var outputs: [Output] = []
        outputs.reserveCapacity(4)
        let entry = program.questions[position.index]
        if entry.section != shownSection {
            shownSection = entry.section
            let section = program.script.sections[entry.section]
            outputs.append(.sectionStarted(SectionHeader(
                id: section.id, title: section.title, intro: section.intro.map(render),
                number: entry.section + 1, count: program.script.sections.count)))
            if !isRepeat && !section.tips.isEmpty { outputs += tipOutputs(section.tips) }
        }
        if !isRepeat && !entry.tips.isEmpty, case .question = position { outputs += tipOutputs(entry.tips) }
        outputs.append(.question(prompt(for: position, isRepeat: isRepeat)))
        return outputs
    }

    private func tipOutputs(_ ids: [String]) -> [Output] {
        ids.compactMap { program.tipsByID[$0].map(Output.tip) }
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
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
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
        return copy.ask(position, isRepeat: true)
    }
}
