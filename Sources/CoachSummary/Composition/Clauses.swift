import CoachText
import Foundation

/// An answer cut into the pieces that each hold one fact, and those pieces made into sentences in
/// the person's own voice: the words are theirs, only openers and hedges go ("Ja,", "jamen", "tror
/// jeg", "ved ikke"), and each sentence starts with a capital and ends with one mark.
enum Clauses {
    /// The clauses of an answer: its sentences, cut again at " — ", "; " and ", ".
    static func split(_ text: String) -> [String] {
        Sentences.split(text.replacingOccurrences(of: " — ", with: "\n")).flatMap { sentence in
            sentence.components(separatedBy: ", ").flatMap { $0.components(separatedBy: "; ") }
        }.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " .!?;:")) }.filter { !$0.isEmpty }
    }

    /// Words that open a clause without saying anything ("Ja,", "jamen", "og"), taken off its start.
    private static let openers = Phrases([
        "ja", "jamen", "nej", "altså", "og", "men", "tja", "øh", "yes", "yeah", "well", "and", "but", "um", "oh", "so",
    ])

    /// Hedges anywhere in a clause: they soften a fact the manager should read plainly.
    private static let hedges: [String] = [
        "tror jeg", "synes jeg", "synes egentlig", "egentlig", "vel", "jo", "altså", "ved ikke", "sådan set",
        "i think", "i guess", "i suppose", "sort of", "kind of", "basically", "to be honest", "honestly", "you know", "i don't know", "really",
    ]

    /// The clause without openers and hedges; nil when nothing else is left, or when it judges a
    /// person (råd 9), or evades without saying anything concrete.
    static func cleaned(_ clause: String) -> String? {
        var words = clause.split(separator: " ").map(String.init)
        while let first = words.first, openers.occurs(in: [Self.fold(first)]) { words.removeFirst() }
        var text = " " + words.joined(separator: " ") + " "
        for hedge in hedges {
            // Whole words only, in any case: " tror jeg " and " tror jeg, ".
            text = text.replacingOccurrences(of: " \(hedge) ", with: " ", options: [.caseInsensitive])
            text = text.replacingOccurrences(of: " \(hedge), ", with: " ", options: [.caseInsensitive])
        }
        let cleaned = text.trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:"))
        guard cleaned.split(separator: " ").count >= 2 else { return nil }
        if Phrases.personal.occurs(in: cleaned) { return nil }
        if Phrases.evasion.occurs(in: clause) && AnswerQuality(of: cleaned).isVague { return nil }
        return cleaned
    }

    /// How much a clause tells a manager: a measure counts most, then a name or an example, a time, a gain.
    static func telling(_ clause: String) -> Int {
        Sentences.concreteness(clause)
    }

    /// Whether a clause names something: a number, or a capitalised word after its first (a name,
    /// a system, a course).
    static func namesSomething(_ clause: String) -> Bool {
        clause.contains(where: \.isNumber) || clause.split(separator: " ").dropFirst().contains { $0.first?.isUppercase == true }
    }

    /// Words that say what something brings about: the gain of a wish ("så kan jeg", "fewer").
    private static let consequences = Phrases([
        "så kan jeg", "så jeg kan", "så kan vi", "så vi kan", "i stedet for", "så skal", "kan jeg tage", "sparer", "spare", "færre",
        "hurtigere", "undgå", "slipper", "frigør", "bedre", "mere tid",
        "so i can", "so i'd", "so we can", "so we'd", "instead of", "frees", "free up", "fewer", "faster", "save", "saves",
        "cut", "avoid", "would mean", "less time", "more time",
    ])

    /// Whether a clause says what something brings about.
    static func saysAConsequence(_ clause: String) -> Bool {
        consequences.occurs(in: clause)
    }

    /// The cleaned clauses of an answer that tell something concrete, in their order.
    static func tellingClauses(of text: String) -> [String] {
        split(text).compactMap(cleaned).filter { telling($0) > 0 }
    }

    /// Clauses as one sentence: the first letter capital, one end mark (a question keeps its "?").
    static func sentence(_ clauses: [String]) -> String {
        var text = clauses.joined(separator: ", ").trimmingCharacters(in: CharacterSet(charactersIn: " ,.;:"))
        guard let first = text.first else { return "" }
        text = first.uppercased() + text.dropFirst()
        if let last = text.last, "!?".contains(last) { return text }
        return text + "."
    }

    /// Words (folded) of a clause, for comparing facts.
    static func words(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }

    private static func fold(_ word: String) -> String {
        Folding.fold(word.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:!?")))
    }
}
