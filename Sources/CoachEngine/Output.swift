import CoachScript

/// What the front end should show after an event. Front ends switch on these and nothing else.
public enum Output: Hashable, Sendable {
    case greeting(String)
    case sectionStarted(SectionHeader)
    case tip(TipView)
    case question(Prompt)
    /// The input was not accepted; the same thing is asked again right after.
    case rejected(Rejection)
    case ended
}

public struct SectionHeader: Hashable, Sendable {
    public var id: String
    public var title: String
    public var intro: String?
    /// 1-based.
    public var number: Int
    public var count: Int
}

public struct TipView: Hashable, Sendable {
    public var id: String
    public var title: String
    public var text: String
}

public struct Prompt: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case text
        case yesNo
        case choice([ChoiceOption])
        case scale(ScaleSpec)
        /// `itemsSoFar` > 0: the list is open and this asks for the next item.
        case list(itemsSoFar: Int)
    }

    public var step: StepID
    public var text: String
    public var kind: Kind
    public var required: Bool
    public var progress: Progress
    /// Asked again after a rejected answer or after going back.
    public var isRepeat: Bool
    /// Set when the text is the script's own, with no answer or list item in it: the same every
    /// time this step is asked. It is the step's `ScriptProgram.stepSlot(of:)`, so that a front
    /// end may keep what it made of the prompt in an array rather than hashing the step's ids.
    public var fixedTextKey: Int?

    public var isListContinuation: Bool {
        if case .list(let count) = kind { count > 0 } else { false }
    }
}

/// Where the person is: section k of n, question i of m in the section, and the share of the
/// dialogue's top-level questions behind them.
public struct Progress: Hashable, Sendable {
    public var section: Int
    public var sections: Int
    public var question: Int
    public var questions: Int
    public var fraction: Double

    public init(section: Int, sections: Int, question: Int, questions: Int, fraction: Double) {
        self.section = section
        self.sections = sections
        self.question = question
        self.questions = questions
        self.fraction = fraction
    }
}

public enum Rejection: Hashable, Sendable {
    case emptyAnswer
    case notYesNo
    case unknownOption(optionCount: Int)
    case outOfRange(min: Int, max: Int)
    case emptyList
    case nothingToGoBackTo
    case notStarted
    case alreadyStarted
    case conversationEnded
}
