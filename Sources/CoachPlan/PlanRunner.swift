import CoachEngine
import CoachScript

/// Runs a plan against a script and reports the first place where the conversation went otherwise.
public struct PlanResult: Sendable {
    public var plan: Plan
    public var failure: Failure?
    public var stepsRun: Int
    /// The events the plan fed the engine: a transcript in the dialogue's own terms, for fixtures.
    public var events: [Event]

    public var passed: Bool { failure == nil }

    public struct Failure: Sendable, CustomStringConvertible {
        public var path: String
        public var line: Int
        public var message: String

        public var description: String { "\(path):\(line): \(message)" }
    }
}

public enum PlanRunner {
    public static func run(_ plan: Plan, on program: ScriptProgram) -> PlanResult {
        var state = RunState(plan: plan, conversation: Conversation(program: program))
        let start = state.nextTimestamp()
        state.events.append(.started(at: start))
        state.pending = state.conversation.start(at: start)
        for step in plan.steps {
            if let message = state.perform(step) {
                return PlanResult(plan: plan, failure: .init(path: plan.path, line: step.line, message: message), stepsRun: state.stepsRun, events: state.events)
            }
            state.stepsRun += 1
        }
        if let unexpected = state.pending.first(where: { !state.isSoft($0) }) {
            let line = plan.steps.last?.line ?? 1
            return PlanResult(plan: plan, failure: .init(path: plan.path, line: line,
                                                         message: "the plan ends, but the coach still showed \(describe(unexpected))"),
                              stepsRun: state.stepsRun, events: state.events)
        }
        return PlanResult(plan: plan, failure: nil, stepsRun: state.stepsRun, events: state.events)
    }

    static func describe(_ output: Output) -> String {
        switch output {
        case .greeting: "the greeting"
        case .sectionStarted(let header): "section '\(header.id)'"
        case .tip(let tip): "tip '\(tip.id)'"
        case .question(let prompt): prompt.isListContinuation ? "the next-item prompt of '\(prompt.step)'" : "question '\(prompt.step)'"
        case .rejected(let rejection): "a rejection (\(rejection.planName))"
        case .ended: "the end"
        }
    }
}

/// The conversation under test and the outputs not yet matched by the plan.
private struct RunState {
    let plan: Plan
    var conversation: Conversation
    var pending: [Output] = []
    var lastMatched: Output?
    var clock: Int64 = 0
    var stepsRun = 0
    var events: [Event] = []

    init(plan: Plan, conversation: Conversation) {
        self.plan = plan
        self.conversation = conversation
    }

    mutating func nextTimestamp() -> Timestamp {
        clock += 1000
        return Timestamp(millisecondsSince1970: clock)
    }

    /// Headers, tips, the greeting and the next-item prompt of an open list may pass unmentioned.
    func isSoft(_ output: Output) -> Bool {
        switch output {
        case .greeting, .sectionStarted, .tip: true
        case .question(let prompt): prompt.isListContinuation
        case .rejected, .ended: false
        }
    }

    /// Performs one plan step; returns why it failed, or nil.
    mutating func perform(_ step: Plan.Step) -> String? {
        let instruction = step.instruction
        if instruction.isInput {
            if let unexpected = pending.first(where: { !isSoft($0) }) {
                return "the coach showed \(PlanRunner.describe(unexpected)) before this input; add a line expecting it"
            }
            pending = []
            let at = nextTimestamp()
            let event: Event
            switch instruction {
            case .answer(let text): event = .answered(text, at: at)
            case .skip: event = .skipped(at: at)
            default: event = .wentBack(at: at)
            }
            events.append(event)
            pending = conversation.apply(event)
            return nil
        }
        if case .expectText(let text) = instruction {
            guard let lastMatched else { return "nothing has been matched yet to contain \"\(text)\"" }
            let visible = lastMatched.visibleText(conversation.messages)
            return visible.contains(text) ? nil
                : "expected \(PlanRunner.describe(lastMatched)) to say \"\(text)\", but it says \"\(visible)\""
        }
        while !pending.isEmpty {
            let output = pending.removeFirst()
            if matches(output, instruction) {
                lastMatched = output
                return nil
            }
            if !isSoft(output) {
                return "expected \(instruction.planDescription), but the coach showed \(PlanRunner.describe(output))"
            }
        }
        return "expected \(instruction.planDescription), but the coach showed nothing more"
    }

    private func matches(_ output: Output, _ instruction: Plan.Instruction) -> Bool {
        switch (output, instruction) {
        case (.question(let prompt), .expectQuestion(let step)): prompt.step.description == step
        case (.sectionStarted(let header), .expectSection(let id)): header.id == id
        case (.tip(let tip), .expectTip(let id)): tip.id == id
        case (.greeting, .expectGreeting): true
        case (.rejected(let rejection), .expectRejected(let reason)): reason == nil || rejection.planName == reason
        case (.ended, .expectEnd): true
        default: false
        }
    }
}

extension Plan.Instruction {
    var planDescription: String {
        switch self {
        case .expectQuestion(let step): "question '\(step)'"
        case .expectSection(let id): "section '\(id)'"
        case .expectTip(let id): "tip '\(id)'"
        case .expectGreeting: "the greeting"
        case .expectRejected(let reason): reason.map { "a rejection (\($0))" } ?? "a rejection"
        case .expectEnd: "the end"
        case .expectText(let text): "text \"\(text)\""
        case .answer, .skip, .back: "input"
        }
    }
}

extension Rejection {
    /// The name a plan uses after `rejected`.
    public var planName: String {
        switch self {
        case .emptyAnswer: "empty-answer"
        case .notYesNo: "not-yes-no"
        case .bothYesAndNo: "yes-and-no"
        case .unknownOption: "unknown-option"
        case .severalOptions: "several-options"
        case .outOfRange: "out-of-range"
        case .numberMissing: "number-missing"
        case .emptyList: "empty-list"
        case .nothingToGoBackTo: "nothing-to-go-back-to"
        case .notStarted: "not-started"
        case .alreadyStarted: "already-started"
        case .conversationEnded: "conversation-ended"
        }
    }
}

extension Output {
    /// The words a person would read for this output.
    public func visibleText(_ messages: Messages) -> String {
        switch self {
        case .greeting(let text): text
        case .sectionStarted(let header): [header.title, header.intro].compactMap { $0 }.joined(separator: "\n")
        case .tip(let tip): tip.title + ": " + tip.text
        case .question(let prompt): prompt.text
        case .rejected(let rejection): messages.message(for: rejection)
        case .ended: messages.finished
        }
    }
}
