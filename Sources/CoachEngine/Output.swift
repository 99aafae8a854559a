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
    /// The text is the script's own, the same for every conversation; false when the intro shows
    /// an earlier answer, so that a front end keeping what it wrote of a header keeps only these.
    public var isScriptOwn: Bool
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

    /// What is the same every time a step is asked, made once per program: a prompt then takes
    /// one retain to make and one release to drop, rather than one for each of its strings.
    final class Step: Sendable {
        /// Its ids; a per-item follow-up's with item 0.
        let step: StepID
        /// The text, unless it has an answer or a list item in it.
        let plainText: String?
        /// A list's kind with no items.
        let kind: Kind
        let required: Bool
        let progress: Progress
        /// `ScriptProgram.stepSlot(of:)`.
        let slot: Int

        init(step: StepID, plainText: String?, kind: Kind, required: Bool, progress: Progress, slot: Int) {
            self.step = step
            self.plainText = plainText
            self.kind = kind
            self.required = required
            self.progress = progress
            self.slot = slot
        }
    }

    private let fixed: Step
    /// The list item it is about, or -1.
    private let item: Int
    /// The text when it has an answer or a list item in it.
    private let filledText: String?
    private let itemsSoFar: Int
    /// Asked again after a rejected answer or after going back.
    public let isRepeat: Bool

    init(_ fixed: Step, item: Int, filledText: String?, itemsSoFar: Int = 0, isRepeat: Bool) {
        self.fixed = fixed
        self.item = item
        self.filledText = filledText
        self.itemsSoFar = itemsSoFar
        self.isRepeat = isRepeat
    }

    public var step: StepID {
        var step = fixed.step
        step.item?.index = item
        return step
    }

    public var text: String { filledText ?? fixed.plainText ?? "" }

    public var kind: Kind {
        if case .list = fixed.kind { .list(itemsSoFar: itemsSoFar) } else { fixed.kind }
    }

    public var required: Bool { fixed.required }
    public var progress: Progress { fixed.progress }

    /// Set when the text is the script's own, with no answer or list item in it: the same every
    /// time this step is asked. It is the step's `ScriptProgram.stepSlot(of:)`, so that a front
    /// end may keep what it made of the prompt in an array rather than hashing the step's ids.
    public var fixedTextKey: Int? { filledText == nil ? fixed.slot : nil }

    public var isListContinuation: Bool { itemsSoFar > 0 }

    public static func == (lhs: Prompt, rhs: Prompt) -> Bool {
        lhs.step == rhs.step && lhs.text == rhs.text && lhs.kind == rhs.kind && lhs.required == rhs.required
            && lhs.progress == rhs.progress && lhs.isRepeat == rhs.isRepeat && lhs.fixedTextKey == rhs.fixedTextKey
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(step)
        hasher.combine(text)
        hasher.combine(isRepeat)
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
    /// A yes/no answer holding both words ("ja nej").
    case bothYesAndNo
    case unknownOption(optionCount: Int)
    /// A choice answered with more than one of its options ("ja og nej").
    case severalOptions(optionCount: Int)
    case outOfRange(min: Int, max: Int)
    /// A scale answered with words and no number: the words are kept as its comment, the number is asked for.
    case numberMissing(min: Int, max: Int)
    case emptyList
    case nothingToGoBackTo
    case notStarted
    case alreadyStarted
    case conversationEnded
}
