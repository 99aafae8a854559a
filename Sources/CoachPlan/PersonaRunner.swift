import CoachEngine
import CoachScript

/// Holds a persona's preparation with the engine, as the person would: each question asked gets
/// their answer (or a skip where they have none), each probe their next reply.
public enum PersonaRunner {
    public struct Run: Sendable {
        public var transcript: Transcript
        /// Answers in the persona that the dialogue never asked for: a persona out of step with its script.
        public var unused: [String]
    }

    public struct Failure: Error, CustomStringConvertible {
        public var persona: String
        public var message: String
        public var description: String { "\(persona): \(message)" }
    }

    public static func run(_ persona: Persona, on program: ScriptProgram) throws(Failure) -> Run {
        var conversation = Conversation(program: program)
        var clock: Int64 = 0
        func next() -> Timestamp {
            clock += 1_000
            return Timestamp(millisecondsSince1970: clock)
        }
        var repliesUsed: [String: Int] = [:]
        var used: Set<String> = []
        var outputs = conversation.start(at: next())
        for _ in 0..<2_000 {
            if case .rejected(let rejection)? = outputs.last(where: { if case .rejected = $0 { true } else { false } }) {
                throw Failure(persona: persona.name, message: "the coach refused an answer (\(rejection.planName)) before \(conversation.position.map { "\($0)" } ?? "the end")")
            }
            guard let prompt = outputs.last(where: { if case .question = $0 { true } else { false } }).flatMap({ output -> Prompt? in
                if case .question(let prompt) = output { prompt } else { nil }
            }) else {
                let unused = Set(persona.answers.keys).union(persona.probeReplies.keys).subtracting(used).sorted()
                return Run(transcript: Transcript(script: program.script, events: conversation.events), unused: unused)
            }
            let step = prompt.step
            if step.probe != nil {
                let asked = StepID(question: step.question, item: step.item).description
                let replies = persona.probeReplies[asked] ?? []
                let index = repliesUsed[asked, default: 0]
                repliesUsed[asked] = index + 1
                if index < replies.count {
                    used.insert(asked)
                    outputs = conversation.answer(replies[index], at: next())
                } else {
                    outputs = conversation.skip(at: next())
                }
                continue
            }
            let key = step.description
            switch (persona.answers[key], prompt.kind) {
            case (.items(let items)?, .list(let itemsSoFar)):
                used.insert(key)
                outputs = itemsSoFar < items.count ? conversation.answer(items[itemsSoFar], at: next())
                    : itemsSoFar == 0 ? conversation.skip(at: next()) : conversation.answer("", at: next())
            case (.text(let text)?, _):
                used.insert(key)
                outputs = conversation.answer(text, at: next())
            case (.items?, _):
                throw Failure(persona: persona.name, message: "'\(key)' is not a list question, but the persona gives a list")
            case (nil, _):
                outputs = conversation.skip(at: next())
            }
        }
        throw Failure(persona: persona.name, message: "the conversation did not end after 2,000 steps")
    }
}
