/// The one-page brief an employee takes into the MUS. Every point names the answers it came from
/// (`sources`: step ids such as `lykkedes`, `lykkedes/konkret`, `oensker[1]/gavn`); fixed phrasing
/// comes from `BriefStrings`, everything else from the answers.
public struct Brief: Codable, Equatable, Sendable {
    public var format = "mus-coach-brief/2"
    public var language: String
    public var script: String
    public var title: String
    /// When the talk is, in the person's words (the answer tagged `mus-dato`); nil when not given.
    public var talk: Point?
    /// At most five points in the order to raise them: what matters most, the wishes by strength,
    /// then what must be raised.
    public var agenda: [AgendaPoint]
    public var wants: [Point]
    public var results: [Point]
    public var tasksAndMotivation: [Point]
    public var collaboration: [Point]
    /// Where the person wants to go, what they can contribute, and the skills it takes.
    public var future: [Point]
    /// What the organisation offers and allows (courses, schemes, budgets, policies): what the wishes must fit.
    public var framework: [Point]
    public var scales: [ScaleAnswer]
    public var wishes: [WishArgument]
    public var needs: [Point]
    public var commonGround: CommonGround
    public var questions: [Point]
    /// Questions the person's answers suggest asking (feedback they want, the path they named).
    public var suggestedQuestions: [Point]
    public var feedback: [Remark]
    public var checklist: [Point]
    /// The answers the person keeps to themselves, with their probes' ids: a point citing one is
    /// marked private, and none of them is in what goes to the manager.
    public var privateAnswers: [String]

    /// Whether `point` quotes a private answer.
    public func isPrivate(_ point: Point) -> Bool {
        !privateAnswers.isEmpty && point.sources.contains { privateAnswers.contains($0) }
    }
}

/// A line of the brief and the answers behind it.
public struct Point: Codable, Equatable, Sendable {
    public var text: String
    public var sources: [String]
    /// The question it answers, for context (nil for fixed phrasing).
    public var question: String?

    public init(text: String, sources: [String], question: String? = nil) {
        self.text = text
        self.sources = sources
        self.question = question
    }

    /// A point as the brief quotes it: a long, rambling answer by its telling clauses (the ones with
    /// a number, a name, a time, a result), hedges left out, at most `tellingWords` words (with its label, within a paragraph's 90); a shorter one whole.
    var telling: Point {
        if let question, text.hasPrefix(question) { return self }
        guard Clauses.words(text) > Self.tellingWords else { return self }
        let clauses = Clauses.split(text).compactMap(Clauses.cleaned)
        // The most telling first, then the rest in order, as many as fit; then back in the order they were said.
        var words = 0
        let rank = { (index: Int) in Sentences.concreteness(clauses[index]) + (Clauses.namesSomething(clauses[index]) ? 1 : 0) }
        let chosen = Set(clauses.indices.sorted { (rank($0), -$0) > (rank($1), -$1) }
            .filter { index in
                guard words + Clauses.words(clauses[index]) <= Self.tellingWords else { return false }
                words += Clauses.words(clauses[index])
                return true
            })
        guard !chosen.isEmpty else { return keySentence }
        // The person's words as they wrote them; "…" where clauses are left out between.
        var point = self
        var quoted = ""
        var last: Int?
        for index in clauses.indices where chosen.contains(index) {
            if let last { quoted += index == last + 1 ? ", " : " … " }
            quoted += clauses[index]
            last = index
        }
        point.text = quoted + "."
        return point
    }

    static let tellingWords = 75

    /// A long point cut to its most telling sentence, for the printed page.
    var keySentence: Point {
        // A choice or a scale is quoted after its question: that stays whole, as does a short answer.
        if let question, text.hasPrefix(question) { return self }
        if text.split(separator: " ").count <= Sentences.quoteWords { return self }
        var point = self
        point.text = Sentences.excerpt(text)
        return point
    }
}

public struct ScaleAnswer: Codable, Equatable, Sendable {
    public var question: String
    public var value: Int
    public var min: Int
    public var max: Int
    public var minLabel: String?
    public var maxLabel: String?
    /// What the person wrote beside the number ("alt for mange møder").
    public var comment: String?
    public var source: String
}

/// One development wish argued the guide's way: my wish ∩ the company's needs, backed by results.
public struct WishArgument: Codable, Equatable, Sendable {
    public var wish: Point
    /// What the person added when asked what the wish involves, or when a named one happens (the follow-ups tagged `uddybning`).
    public var detail: Point?
    public var why: Point?
    public var benefit: Point?
    /// The company needs named elsewhere in the conversation that this wish meets.
    public var meetsNeeds: [Point]
    public var evidence: [Point]
    public var takes: Point?
    public var nextStep: Point
    /// What the organisation offers or allows that makes the wish possible (a scheme, a budget).
    public var framework: [Point]
    public var judgement: WishJudgement
    /// What the manager is likely to answer, and the reply prepared from the person's answers.
    public var objections: [PreparedReply]
    /// The case in the person's own voice, a sentence a point, each citing its answers; where a
    /// part is missing, a sentence says what to find out.
    public var pitch: [Point]
}

public struct CommonGround: Codable, Equatable, Sendable {
    /// Wish text → the needs it meets.
    public var shared: [SharedGround]
    public var wishesWithoutNeed: [Point]
    public var needsWithoutWish: [Point]
}

public struct SharedGround: Codable, Equatable, Sendable {
    public var wish: Point
    public var needs: [Point]
}

/// Where the preparation is thin, and what to add.
public struct Remark: Codable, Equatable, Sendable {
    public var kind: Kind
    public var text: String
    public var sources: [String]

    public enum Kind: String, Codable, Sendable {
        case wishWithoutBenefit, wishWithoutNeed, weakWish, resultsNotConcrete, personalCriticism, lowWellBeing,
             agreementNotFollowedUp, thinAnswers, stillVague
        /// A wish whose cost is above the budget the person named.
        case overBudget
    }
}

/// One line of the agenda and why it is there.
public struct AgendaPoint: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        /// The one point the person said matters most.
        case priority
        case wish
        /// Low well-being, with the person's own causes and proposal.
        case wellBeing
        /// Demands that did not fit the resources.
        case demands
        /// An agreement from last time not kept.
        case agreement
    }

    public var kind: Kind
    public var text: String
    public var sources: [String]
}

/// A likely objection to a wish and the reply to it.
public struct PreparedReply: Codable, Equatable, Sendable {
    /// The bank entry's id.
    public var id: String
    public var objection: String
    /// The reply from the person's own answers, or, when a part of the case is missing, what to find out.
    public var reply: String
    /// Whether the reply could be made from the answers.
    public var isPrepared: Bool
    public var sources: [String]
}
