@preconcurrency import CHunspell
import CoachText
import Foundation

/// Suspected misspellings in what the person sends (the agenda, the shared conclusion), with
/// suggestions, from Debian's hunspell dictionaries. It never corrects: the person decides.
public final class SpellChecker: @unchecked Sendable {
    /// A word the dictionary does not know, and what it suggests instead.
    public struct Suspect: Equatable, Sendable {
        public var word: String
        public var suggestions: [String]

        public init(word: String, suggestions: [String]) {
            self.word = word
            self.suggestions = suggestions
        }
    }

    /// The dictionary of a language (`da_DK`, `en_GB`), looked for where Debian puts it.
    public static func dictionaryName(_ language: Language) -> String { language == .danish ? "da_DK" : "en_GB" }

    public static let folders = ["/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/local/share/hunspell"]

    private let handle: OpaquePointer
    /// The other language's dictionary, when installed: a Danish text borrows English words ("tech
    /// lead", "deadline"), which are not slips.
    private let loans: OpaquePointer?
    /// One checker is used from one thread at a time: hunspell keeps state between calls.
    private let lock = NSLock()

    /// Nil when no dictionary for the language is installed.
    public init?(language: Language, folders: [String] = SpellChecker.folders) {
        guard let handle = Self.open(language, in: folders) else { return nil }
        self.handle = handle
        loans = Self.open(language == .danish ? .english : .danish, in: folders)
    }

    private static func open(_ language: Language, in folders: [String]) -> OpaquePointer? {
        let name = dictionaryName(language)
        guard let folder = folders.first(where: { FileManager.default.fileExists(atPath: "\($0)/\(name).dic") }) else { return nil }
        return Hunspell_create("\(folder)/\(name).aff", "\(folder)/\(name).dic")
    }

    deinit {
        Hunspell_destroy(handle)
        if let loans { Hunspell_destroy(loans) }
    }

    /// The words of `text` the dictionary does not know, each once, in order, with up to three
    /// suggestions. Numbers, abbreviations in capitals (AMU, CIH) and names (a capital word after a
    /// sentence's first) are not checked: a dictionary does not know them. Up to three suggestions.
    public func suspects(in text: String) -> [Suspect] {
        lock.lock()
        defer { lock.unlock() }
        var found: [Suspect] = []
        var seen: Set<String> = []
        for word in Self.candidates(in: text) where seen.insert(word).inserted && Hunspell_spell(handle, word) == 0
            && loans.map({ Hunspell_spell($0, word) == 0 }) ?? true {
            var list: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
            let count = Hunspell_suggest(handle, &list, word)
            var suggestions: [String] = []
            if let words = list {
                for index in 0..<Int(count) where suggestions.count < 3 {
                    if let suggestion = words[index] { suggestions.append(String(cString: suggestion)) }
                }
                Hunspell_free_list(handle, &list, count)
            }
            found.append(Suspect(word: word, suggestions: suggestions))
        }
        return found
    }

    /// The words worth checking: three letters or more (not "kr", "kl", "fx"), letters only, not all
    /// capitals, and capitalised only at a sentence's start — a line's first word starts one too
    /// (a paragraph, a bullet "• Kursus …", a heading).
    static func candidates(in text: String) -> [String] {
        var words: [String] = []
        for line in text.split(whereSeparator: \.isNewline) {
            var sentenceStart = true
            for raw in line.split(whereSeparator: { $0.isWhitespace || $0 == "/" }) {
                let word = raw.trimmingCharacters(in: CharacterSet.letters.inverted)
                // A mark alone ("•", "-", "1.") leaves the next word at the start.
                if word.isEmpty && raw.count <= 3 { continue }
                defer { sentenceStart = raw.last.map { ".!?:".contains($0) } ?? false }
                guard word.count > 2, word.allSatisfy({ $0.isLetter || $0 == "-" }) else { continue }
                if word.allSatisfy({ $0.isUppercase || $0 == "-" }) { continue }
                if word.first?.isUppercase == true && !sentenceStart { continue }
                words.append(word)
            }
        }
        return words
    }
}
