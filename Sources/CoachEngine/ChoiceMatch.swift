import CoachScript
import CoachText

/// Which option of a choice an answer names, and what it adds — as people answer, not only with
/// the option's exact text: by its number ("2", "2 — fordi …"), by its id or whole label, or by its
/// first words (`ofte` for »Ofte urealistiske«, `delvis` for »Delvist«). What follows the named
/// option is kept as the answer's comment, as a scale keeps one (`ja var på det i marts`).
enum ChoiceMatch {
    struct Match: Equatable {
        var index: Int
        var comment: String?
    }

    enum Reading: Equatable {
        case named(Match)
        case noOption
        /// Two options alike, or one and then another in what follows it ("ja og nej", "ja til tider").
        case severalOptions
    }

    static func read(_ text: String, options: [ChoiceOption]) -> Reading {
        let words = Self.words(in: text)
        guard let first = words.first else { return .noOption }
        if let number = Int(first.text), options.indices.contains(number - 1) {
            return .named(Match(index: number - 1, comment: comment(in: text, after: first)))
        }
        var best: (index: Int, matched: Int, whole: Bool)?
        var tied = false
        for (index, option) in options.enumerated() {
            // The id's words (`ja-ikke-laest`) or the label's, whichever the answer follows further.
            let candidates = [Self.words(in: option.label).map(\.text), option.id.split(separator: "-").map(String.init)]
            guard let (matched, whole) = candidates.compactMap({ leading(words.map(\.text), $0) }).max(by: { ($0.0, $0.1 ? 1 : 0) < ($1.0, $1.1 ? 1 : 0) }) else { continue }
            if let current = best {
                if (matched, whole ? 1 : 0) > (current.matched, current.whole ? 1 : 0) {
                    best = (index, matched, whole)
                    tied = false
                } else if (matched, whole) == (current.matched, current.whole) {
                    tied = true
                }
            } else {
                best = (index, matched, whole)
            }
        }
        guard let best else { return .noOption }
        if tied { return .severalOptions }
        let rest = words.dropFirst(best.matched).map(\.text).drop { joiners.contains($0) }
        for (index, option) in options.enumerated() where index != best.index {
            let candidates = [Self.words(in: option.label).map(\.text), option.id.split(separator: "-").map(String.init)]
            // A second option only when it is all that follows ("ja og nej"); an option's words that
            // start a comment ("Sjældent, for det meste skrider de …") are the comment's.
            if !rest.isEmpty, candidates.contains(where: { leading(Array(rest), $0).map { $0.0 == rest.count } ?? false }) {
                return .severalOptions
            }
        }
        return .named(Match(index: best.index, comment: comment(in: text, after: words[best.matched - 1])))
    }

    /// The option an answer names and what it adds; nil when it names none, or more than one.
    static func match(_ text: String, options: [ChoiceOption]) -> Match? {
        if case .named(let match) = read(text, options: options) { return match }
        return nil
    }

    /// Words that join a second option on ("ja og nej", "delvist eller nej").
    private static let joiners: Set<String> = ["og", "eller", "men", "and", "or", "but"]

    /// How many of the answer's first words follow the option's words, and whether all of the
    /// option's are there; the last word the answer gives may be the start of the option's
    /// (three letters at least). Nil when not even the first word does.
    private static func leading(_ answer: [String], _ option: [String]) -> (Int, Bool)? {
        var matched = 0
        while matched < min(answer.count, option.count) {
            let said = answer[matched], word = option[matched]
            if said == word {
                matched += 1
            } else if said.count >= 3, word.hasPrefix(said) {
                matched += 1
                return (matched, false)
            } else {
                break
            }
        }
        return matched == 0 ? nil : (matched, matched == option.count)
    }

    /// The text after `word`, without the marks that join a comment on (" — ", ", ").
    private static func comment(in text: String, after word: Word) -> String? {
        let rest = text[word.end...].drop { $0.isWhitespace || "—–-,.:;/!?".contains($0) }
        let trimmed = rest.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    struct Word {
        var text: String
        var end: String.Index
    }

    /// Folded words and where each ends: letters and digits, split at anything else.
    private static func words(in text: String) -> [Word] {
        var words: [Word] = []
        var current = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character.isLetter || character.isNumber {
                current += Folding.fold(String(character))
                if next == text.endIndex { words.append(Word(text: current, end: next)) }
            } else if !current.isEmpty {
                words.append(Word(text: current, end: index))
                current = ""
            }
            index = next
        }
        return words
    }
}
