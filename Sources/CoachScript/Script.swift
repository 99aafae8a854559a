import CoachText

/// A dialogue script: the guide's questions as data, checked and ready to run.
public struct Script: Sendable {
    public var id: String
    public var version: Int
    public var language: Language
    public var title: String
    public var greeting: Template?
    /// Said when the whole dialogue is answered (`farewell:`); the engine's own words when absent.
    public var farewell: String?
    public var sections: [Section]
    public var tips: [Tip]
    /// Identifies the exact text the script was loaded from, so a transcript can tell when it changed.
    public var contentHash: String
    public var location: SourceLocation

    public init(id: String, version: Int, language: Language, title: String, greeting: Template?,
                sections: [Section], tips: [Tip], contentHash: String, location: SourceLocation) {
        self.id = id
        self.version = version
        self.language = language
        self.title = title
        self.greeting = greeting
        self.farewell = nil
        self.sections = sections
        self.tips = tips
        self.contentHash = contentHash
        self.location = location
    }

    public func tip(_ id: String) -> Tip? { tips.first { $0.id == id } }

    /// Every top-level and per-item question, in the order they are asked.
    public var allQuestions: [Question] {
        sections.flatMap { $0.questions.flatMap { [$0] + $0.each } }
    }
}

public struct Section: Sendable {
    public var id: String
    public var title: String
    public var intro: Template?
    public var when: Condition?
    public var tips: [String]
    public var questions: [Question]
    public var location: SourceLocation
}

public struct Question: Sendable {
    public var id: String
    public var kind: QuestionKind
    public var prompt: Template
    public var when: Condition?
    public var probes: [Probe]
    public var tags: [String]
    public var tips: [String]
    /// An empty answer is re-asked; an optional question takes it as skipped.
    public var required: Bool
    /// For a `list`: asked once per item, with `{item}` bound to it.
    public var each: [Question]
    /// Ids this question had in earlier versions of the script: a replay carries their answers over.
    public var renamedFrom: [String] = []
    /// Whether the answer goes into what the person sends their manager, until they say otherwise.
    public var sharing: Sharing = .shared
    public var location: SourceLocation
}

/// The guide calls the MUS "en fortrolig samtale": the person decides, answer by answer, what
/// leaves their own preparation (`mus-coach agenda`, `session.agenda`).
public enum Sharing: String, Sendable, Equatable, Codable, CaseIterable {
    /// In the agenda sent to the manager.
    case shared
    /// In the person's own brief only, marked as private there.
    case `private`
}

public enum QuestionKind: Sendable, Equatable {
    case text
    case yesNo
    case choice([ChoiceOption])
    case scale(ScaleSpec)
    case list

    /// Tested without building and comparing a `.list` value, which the engine does on every turn.
    public var isList: Bool {
        if case .list = self { true } else { false }
    }

    public var name: String {
        switch self {
        case .text: "text"
        case .yesNo: "yes-no"
        case .choice: "choice"
        case .scale: "scale"
        case .list: "list"
        }
    }
}

public struct ChoiceOption: Sendable, Hashable {
    public var id: String
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

public struct ScaleSpec: Sendable, Hashable {
    public var min: Int
    public var max: Int
    public var minLabel: String?
    public var maxLabel: String?

    public init(min: Int, max: Int, minLabel: String?, maxLabel: String?) {
        self.min = min
        self.max = max
        self.minLabel = minLabel
        self.maxLabel = maxLabel
    }
}

/// A follow-up asked after an answer when its condition holds on the answer so far.
public struct Probe: Sendable {
    public var id: String
    public var condition: Condition
    public var prompt: Template
    /// How many times it may be asked in a row while the condition keeps holding.
    public var max: Int
    public var location: SourceLocation
}

/// One of the guide's pieces of advice ("10 gode råd", FAKTA), shown where a section or question names it.
public struct Tip: Sendable, Equatable {
    public var id: String
    public var title: String
    public var text: String
    public var location: SourceLocation
}
