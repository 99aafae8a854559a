import CoachEngine
import CoachScript
import CoachText

/// How well the running dialogue hears vagueness: each labelled answer is given at its topic's
/// question, reached through the engine like a person would, and what counts is whether the coach
/// then asks a probe of that answer (for a list item: a follow-up of it asked only on a condition).
public struct ProbeQuality: Sendable {
    public struct Count: Sendable, Equatable {
        public var vague = 0
        public var vagueProbed = 0
        public var concrete = 0
        public var concreteProbed = 0

        /// The share of vague answers probed (nil with none).
        public var vagueShare: Double? { vague == 0 ? nil : Double(vagueProbed) / Double(vague) }
        /// The share of concrete answers probed (nil with none).
        public var concreteShare: Double? { concrete == 0 ? nil : Double(concreteProbed) / Double(concrete) }

        /// Both counts together.
        public static func + (lhs: Count, rhs: Count) -> Count {
            Count(vague: lhs.vague + rhs.vague, vagueProbed: lhs.vagueProbed + rhs.vagueProbed,
                  concrete: lhs.concrete + rhs.concrete, concreteProbed: lhs.concreteProbed + rhs.concreteProbed)
        }

        mutating func add(concrete isConcrete: Bool, probed: Bool) {
            if isConcrete {
                concrete += 1
                if probed { concreteProbed += 1 }
            } else {
                vague += 1
                if probed { vagueProbed += 1 }
            }
        }
    }

    public private(set) var bySplit: [LabelledAnswer.Split: Count] = [:]
    public private(set) var byTopic: [LabelledAnswer.Split: [String: Count]] = [:]
    /// Answers whose topic the dialogue never reached (a topic that is not a question of the script).
    public private(set) var unreached: [String] = []
    /// Answers the coach probed, or did not, against their label: what to read when tuning.
    public private(set) var misses: [(answer: LabelledAnswer, probed: Bool)] = []

    public static func measure(_ answers: [LabelledAnswer], on program: ScriptProgram) -> ProbeQuality {
        var quality = ProbeQuality()
        for answer in answers {
            guard let probed = probes(answer, on: program) else {
                quality.unreached.append(answer.id)
                continue
            }
            quality.bySplit[answer.split, default: Count()].add(concrete: answer.isConcrete, probed: probed)
            quality.byTopic[answer.split, default: [:]][answer.topic, default: Count()].add(concrete: answer.isConcrete, probed: probed)
            if probed == answer.isConcrete { quality.misses.append((answer, probed)) }
        }
        return quality
    }

    /// Whether the coach probes `answer` at its topic; nil when the topic is never asked.
    static func probes(_ answer: LabelledAnswer, on program: ScriptProgram) -> Bool? {
        var conversation = Conversation(program: program)
        var clock: Int64 = 0
        func next() -> Timestamp {
            clock += 1_000
            return Timestamp(millisecondsSince1970: clock)
        }
        var outputs = conversation.start(at: next())
        var answered = false
        for _ in 0..<400 {
            guard let prompt = outputs.lastPrompt else { return answered ? false : nil }
            let step = prompt.step
            if answered {
                // A list asks its items' follow-ups once it is closed: close it after the one item.
                if step.question == answer.topic && prompt.isListContinuation {
                    outputs = conversation.answer("", at: next())
                    continue
                }
                if step.question == answer.topic { return step.probe != nil && step.item?.index ?? 0 == 0 }
                // After a list item, a follow-up asked because the item is vague (`when: vague(item)`) is its
                // probe; one asked of a concrete item ("when?") is not.
                guard let item = step.item, item.list == answer.topic, item.index == 0, step.probe == nil,
                      let index = program.index(of: step.question) else { return false }
                return program.questions[index].question.when.map { Self.asksBecauseVague($0.expression) } ?? false
            }
            let reply: String
            if step.question == answer.topic && step.probe == nil && !prompt.isListContinuation {
                reply = answer.text
                answered = true
            } else {
                reply = Route.reply(to: prompt, towards: answer.topic, language: program.script.language)
            }
            outputs = conversation.answer(reply, at: next())
        }
        return nil
    }

    /// Whether a condition holds because the item is vague: `vague(item)` read as it is, not negated.
    private static func asksBecauseVague(_ expression: Expression, negated: Bool = false) -> Bool {
        switch expression {
        case .and(let a, let b), .or(let a, let b): asksBecauseVague(a, negated: negated) || asksBecauseVague(b, negated: negated)
        case .not(let inner): asksBecauseVague(inner, negated: !negated)
        case .quality(.vague, .item): !negated
        default: false
        }
    }

    /// The answers that take the dialogue to every question: the branch that asks the most.
    enum Route {
        /// Choices whose follow-up questions only some options lead to.
        static let branches = ["politikker": "ja", "krav-ressourcer": "til-tider", "deadlines": "for-det-meste", "uddannelse": "kursus",
                               "aftale-fulgt-op": "nej"]

        static func reply(to prompt: Prompt, towards topic: String, language: Language) -> String {
            let step = prompt.step
            if step.probe != nil { return "" }
            switch prompt.kind {
            case .yesNo: return step.question == "kompetencer-nu" ? "no" : "yes"
            case .choice(let options):
                let wanted = step.question == "politikker" && topic == "politikker-undersoeg" ? "ja-ukendt" : branches[step.question]
                return options.first { $0.id == wanted }?.id ?? options[0].id
            case .scale(let scale): return String(scale.max)
            case .list(let itemsSoFar):
                guard itemsSoFar == 0 else { return "" }
                return language == .danish ? "Kursus i Excel" : "An Excel course"
            case .text:
                return language == .danish ? "Jeg leverede projekt Apollo i marts." : "I delivered project Apollo in March."
            }
        }
    }
}

private extension [Output] {
    var lastPrompt: Prompt? {
        for output in reversed() { if case .question(let prompt) = output { return prompt } }
        return nil
    }
}
