import Yams

/// One person's whole preparation and what their brief must show (`Tests/Fixtures/personas/*.yaml`):
/// the answers they give at each step, their replies when probed, and expectations in the brief's terms.
public struct Persona: Sendable {
    public var name: String
    /// `mus.da` or `mus.en`.
    public var script: String
    public var split: LabelledAnswer.Split
    /// Written before the rules it measures were changed (`goal: true`): its expectations are a goal
    /// the brief is measured against and held to a floor, not each a test that must pass.
    public var isGoal: Bool
    /// Step id (`lykkedes`, `oensker[1]/gavn`) → the answer, or a list's items.
    public var answers: [String: Answer]
    /// Step id → the replies to its probes, in the order they are asked.
    public var probeReplies: [String: [String]]
    public var expect: Expectations

    public enum Answer: Sendable, Equatable {
        case text(String)
        case items([String])
    }

    public struct Expectations: Sendable {
        public var wishes: Int
        /// Wishes whose benefit must be flagged as missing, evasive or only the person's own.
        public var benefitMissing: [String]
        /// Wishes whose benefit must not be flagged.
        public var benefitGiven: [String]
        public var weak: [String]
        public var notWeak: [String]
        /// Facts from the answers the brief must keep.
        public var mustAppear: [String]
        /// Facts nobody gave: the brief must not hold them.
        public var mustNotAppear: [String]
        /// Personal attacks that must not reach the brief.
        public var notATalkingPoint: [String]
        public var lowWellBeingRaised: Bool
        public var criticismReframed: Bool
        public var thinAnswersNoted: Bool
        /// What the manager's agenda and the judgement must show (issue 40's keys; absent in older personas).
        public var composed = Composed()
    }

    /// Expectations of what is sent to the manager and how each wish is judged.
    public struct Composed: Sendable {
        /// Whether the answers show a public workplace: the agenda then speaks of borgere, not kunder.
        public var publicWorkplace: Bool?
        public var agendaMustContain: [String] = []
        public var agendaMustNotContain: [String] = []
        /// Wish → the fact that is its gain for the workplace.
        public var gains: [String: String] = [:]
        /// Wish → a text that must not be presented as its gain.
        public var notGain: [String: String] = [:]
        /// Wishes whose gain stayed vague after the probes: never judged as argued.
        public var vagueGain: [String] = []
        /// Wish → a need the person named, perhaps elsewhere and in other words, offered as common ground.
        public var needsMet: [String: String] = [:]
        /// Answer text that is not the framework the wishes must fit.
        public var notFramework: [String] = []
        /// Wishes whose cost is above a stated budget: the private brief compares the two.
        public var budgetGap: [String] = []
        /// Professional facts inside a personal remark that the brief keeps.
        public var criticismFactKept: [String] = []
    }

    public struct LoadError: Error, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    public init(yaml: String, path: String) throws(LoadError) {
        func fail(_ message: String) -> LoadError { LoadError(path: path, message: message) }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else { throw fail("the file is empty") }
            root = node
        } catch let error as LoadError {
            throw error
        } catch {
            throw fail("not YAML: \(error)")
        }
        func scalar(_ node: Node?, _ key: String) throws(LoadError) -> String {
            guard let value = node?.scalar?.string else { throw fail("expected a text at '\(key)'") }
            return value
        }
        func strings(_ node: Node?, _ key: String) throws(LoadError) -> [String] {
            guard let node else { return [] }
            guard let sequence = node.sequence else { throw fail("expected a list at '\(key)'") }
            var values: [String] = []
            for item in sequence { values.append(try scalar(item, key)) }
            return values
        }
        func pairs(_ node: Node?, _ key: String) throws(LoadError) -> [String: String] {
            guard let node else { return [:] }
            guard let mapping = node.mapping else { throw fail("expected a mapping at '\(key)'") }
            var values: [String: String] = [:]
            for (name, value) in mapping { values[try scalar(name, key)] = try scalar(value, key) }
            return values
        }
        func flag(_ node: Node?, _ key: String) throws(LoadError) -> Bool {
            switch try scalar(node, key) {
            case "true": return true
            case "false": return false
            default: throw fail("expected true or false at '\(key)'")
            }
        }
        name = try scalar(root["persona"], "persona")
        let language = try scalar(root["language"], "language")
        script = "mus.\(language)"
        guard let split = LabelledAnswer.Split(rawValue: try scalar(root["split"], "split")) else { throw fail("split is tune or test") }
        self.split = split
        isGoal = root["goal"] == nil ? false : try flag(root["goal"], "goal")
        guard let answerMap = root["answers"]?.mapping else { throw fail("expected a mapping at 'answers'") }
        answers = [:]
        for (key, value) in answerMap {
            let step = try scalar(key, "answers")
            answers[step] = value.sequence != nil ? .items(try strings(value, step)) : .text(try scalar(value, step))
        }
        probeReplies = [:]
        for (key, value) in root["probes"]?.mapping ?? [:] {
            let step = try scalar(key, "probes")
            probeReplies[step] = try strings(value, step)
        }
        let expect = root["expect"]
        guard let wishes = Int(try scalar(expect?["wishes"], "expect.wishes")) else { throw fail("expect.wishes is a number") }
        self.expect = Expectations(
            wishes: wishes,
            benefitMissing: try strings(expect?["benefit_missing"], "benefit_missing"),
            benefitGiven: try strings(expect?["benefit_given"], "benefit_given"),
            weak: try strings(expect?["weak"], "weak"), notWeak: try strings(expect?["not_weak"], "not_weak"),
            mustAppear: try strings(expect?["must_appear"], "must_appear"),
            mustNotAppear: try strings(expect?["must_not_appear"], "must_not_appear"),
            notATalkingPoint: try strings(expect?["not_a_talking_point"], "not_a_talking_point"),
            lowWellBeingRaised: try flag(expect?["low_wellbeing_raised"], "low_wellbeing_raised"),
            criticismReframed: try flag(expect?["criticism_reframed"], "criticism_reframed"),
            thinAnswersNoted: try flag(expect?["thin_answers_noted"], "thin_answers_noted"))
        let agenda = expect?["agenda"]
        self.expect.composed = Composed(
            publicWorkplace: expect?["public_workplace"] == nil ? nil : try flag(expect?["public_workplace"], "public_workplace"),
            agendaMustContain: try strings(agenda?["must_contain"], "agenda.must_contain"),
            agendaMustNotContain: try strings(agenda?["must_not_contain"], "agenda.must_not_contain"),
            gains: try pairs(expect?["gains"], "gains"), notGain: try pairs(expect?["not_gain"], "not_gain"),
            vagueGain: try strings(expect?["vague_gain"], "vague_gain"), needsMet: try pairs(expect?["needs_met"], "needs_met"),
            notFramework: try strings(expect?["not_framework"], "not_framework"), budgetGap: try strings(expect?["budget_gap"], "budget_gap"),
            criticismFactKept: try strings(expect?["criticism_fact_kept"], "criticism_fact_kept"))
    }
}
