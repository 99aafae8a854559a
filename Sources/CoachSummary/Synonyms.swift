import CoachText

/// Groups of words that count as the same topic when wishes are matched with needs
/// ("arkitekt", "arkitektur", "design"), kept as editable data: one group a line, comma-separated,
/// `#` for comments.
public struct Synonyms: Sendable {
    /// Each stem's group numbers.
    private var groups: [String: Set<Int>] = [:]
    private let language: Language

    public init(text: String, language: Language) {
        self.language = language
        for (number, line) in text.split(separator: "\n").enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            for word in content.split(separator: ",") {
                for token in Tokenizer.tokens(in: String(word)) {
                    groups[language.stem(token.text), default: []].insert(number)
                }
            }
        }
    }

    public static func empty(_ language: Language) -> Synonyms { Synonyms(text: "", language: language) }

    func groups(of stem: String) -> Set<Int> { groups[stem] ?? [] }
}

/// The content words of a text as stems, without stop words: what wishes, needs and results are matched on.
struct Topic {
    let stems: Set<String>
    let groups: Set<Int>

    init(_ text: String, language: Language, synonyms: Synonyms) {
        let stems = Set(Tokenizer.tokens(in: text).filter { !StopWords.contains($0.text, language) && $0.text.count > 2 }
            .map { language.stem($0.text) })
        self.stems = stems
        groups = stems.reduce(into: Set<Int>()) { $0.formUnion(synonyms.groups(of: $1)) }
    }

    func overlaps(_ other: Topic) -> Bool {
        !groups.isDisjoint(with: other.groups) || stems.contains { stem in other.stems.contains { stemsMatch(stem, $0) } }
    }
}
