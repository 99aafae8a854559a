import CoachText

/// Whose answer a condition looks at: the one just given (in a probe) or an earlier question's.
/// A question is named by its id and resolved, when the script loads, to its number in asking order
/// (sections in order, each question followed by its list's follow-ups: `ScriptProgram.questions`),
/// so that a condition checked on every turn reads an answer without looking an id up.
public enum Subject: Sendable, Equatable, Hashable {
    case current
    case question(String, index: Int)
    /// In a list's per-item follow-up: the item itself (`vague(item)`), of the list named.
    case item(ofList: String, index: Int)
}

/// A checked condition, ready to evaluate; names are already resolved to questions and options.
public indirect enum Expression: Sendable {
    case and(Expression, Expression)
    case or(Expression, Expression)
    case not(Expression)
    case compare(Operand, ComparisonOperator, Operand)
    case quality(QualityTest, Subject)
    case answered(Subject)
    case mentions(Subject, MentionMatcher)
    /// `has_date`: the text holds a date the calendar can read (`1/3`, `2027-03-01`, `1. marts`), a
    /// stricter test than `has_time`, which a month or "næste uge" already meets.
    case hasDate(Subject)
    /// In a probe: the answer has had a follow-up already, so a second probe can go further than the first.
    case probed
}

public enum Operand: Sendable, Equatable {
    case number(Double)
    case text(String)
    case option(String)
    case answer(Subject)
    case measure(Measure, Subject)
}

public enum Measure: String, Sendable {
    case words, chars, count
}

public enum QualityTest: String, Sendable, CaseIterable {
    case vague
    case hasNumber = "has_number"
    case hasExample = "has_example"
    case hasTime = "has_time"
    case hasBenefit = "has_benefit"
    /// What a probe asks for exactly: `missing_number` is `not has_number`, said as the probe means it.
    case missingNumber = "missing_number"
    case missingExample = "missing_example"
    case missingTime = "missing_time"
    case missingBenefit = "missing_benefit"

    @usableFromInline
    func holds(for quality: AnswerQuality) -> Bool {
        switch self {
        case .vague: quality.isVague
        case .hasNumber: quality.hasNumber
        case .hasExample: quality.hasExample
        case .hasTime: quality.hasTime
        case .hasBenefit: quality.hasBenefit
        case .missingNumber: !quality.hasNumber
        case .missingExample: !quality.hasExample
        case .missingTime: !quality.hasTime
        case .missingBenefit: !quality.hasBenefit
        }
    }

    /// The cues a test reads: `vague` is settled by any of its three, never by a benefit.
    var cue: QualityNeeds.Cues {
        switch self {
        case .vague: [.number, .example, .time]
        case .hasNumber, .missingNumber: .number
        case .hasExample, .missingExample: .example
        case .hasTime, .missingTime: .time
        case .hasBenefit, .missingBenefit: .benefit
        }
    }
}

/// A condition as written in the script, with its checked expression.
public struct Condition: Sendable {
    public var source: String
    public var expression: Expression
    public var location: SourceLocation
    /// The questions it reads, for the graph and for replays.
    public var references: [String]

    public init(source: String, expression: Expression, location: SourceLocation, references: [String]) {
        self.source = source
        self.expression = expression
        self.location = location
        self.references = references
    }
}
