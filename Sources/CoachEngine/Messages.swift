import CoachText

/// The engine's own fixed phrasing, in the script's language.
public struct Messages: Sendable {
    public var language: Language
    /// The script's own closing words (a follow-up is not a preparation).
    private var farewell: String?

    public init(_ language: Language, farewell: String? = nil) {
        self.language = language
        self.farewell = farewell
    }

    private func text(_ da: String, _ en: String) -> String {
        language == .danish ? da : en
    }

    public func message(for rejection: Rejection) -> String {
        switch rejection {
        case .emptyAnswer: text("Skriv venligst et svar.", "Please write an answer.")
        case .notYesNo: text("Svar ja eller nej.", "Please answer yes or no.")
        case .bothYesAndNo: text("Dit svar siger både ja og nej. Svar med det ene.", "Your answer says both yes and no. Please answer with one.")
        case .unknownOption(let count):
            text("Vælg en af mulighederne: et tal fra 1 til \(count) eller teksten.",
                 "Choose one of the options: a number from 1 to \(count), or its text.")
        case .severalOptions(let count):
            text("Dit svar nævner mere end én af mulighederne. Vælg den, der passer bedst (1–\(count)), og skriv resten efter den.",
                 "Your answer names more than one of the options. Choose the one that fits best (1–\(count)) and write the rest after it.")
        case .outOfRange(let min, let max):
            text("Svar med et helt tal fra \(min) til \(max).", "Answer with a whole number from \(min) to \(max).")
        case .numberMissing(let min, let max):
            text("Hvilket tal fra \(min) til \(max) passer bedst? Det, du skrev, kommer med som kommentar til tallet.",
                 "Which number from \(min) to \(max) fits best? What you wrote goes with it as its comment.")
        case .emptyList: text("Skriv mindst ét punkt.", "Write at least one item.")
        case .nothingToGoBackTo: text("Der er ikke noget at gå tilbage til.", "There is nothing to go back to.")
        case .notStarted: text("Samtalen er ikke startet.", "The conversation has not started.")
        case .alreadyStarted: text("Samtalen er allerede startet.", "The conversation has already started.")
        case .conversationEnded: text("Samtalen er afsluttet.", "The conversation has ended.")
        }
    }

    /// The prompt for the next item of an open list.
    public var nextListItem: String {
        text("Næste (tom linje når du er færdig):", "Next (empty line when you are done):")
    }

    /// Said when the whole dialogue has been answered.
    public var finished: String {
        farewell ?? text("Du er igennem hele forberedelsen. Godt arbejde!", "You have been through the whole preparation. Well done!")
    }

    /// "Afsnit 2/11" / "Part 2/11".
    public func sectionNumber(_ number: Int, of count: Int) -> String {
        text("Afsnit \(number)/\(count)", "Part \(number)/\(count)")
    }

    /// How a list is answered when each message is one item.
    public var listHint: String {
        text("Ét punkt pr. besked; send en tom besked (eller Færdig) når du er færdig.",
             "One item per message; send an empty message (or Done) when you are done.")
    }

    public var listDone: String { text("Færdig", "Done") }

    /// Whether a folded word says yes (true), no (false) or neither (nil). Either language's
    /// words are understood whatever the script's language: people mix them. A `switch` rather
    /// than a set: a yes/no answer is read again whenever a condition asks for it, and hashing
    /// cost more than comparing a few short strings.
    public static func yesOrNo(_ word: String) -> Bool? {
        switch word {
        case "ja", "j", "jo", "jep", "yes", "y", "yep": true
        case "nej", "n", "nope", "no": false
        default: nil
        }
    }

    /// Words that join a yes and a no ("ja og nej", "yes or no") without settling either.
    public static func joinsYesAndNo(_ word: String) -> Bool {
        switch word {
        case "og", "eller", "and", "or": true
        default: false
        }
    }

    public var yesLabel: String { text("Ja", "Yes") }
    public var noLabel: String { text("Nej", "No") }
}
