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

/// The content words of a text as stems: what wishes, needs and results are matched on. Stop words,
/// words of two letters and words that could be about anything ("arbejde", "bedre", "brug") are left
/// out, so that two answers match on what they are about.
struct Topic {
    /// Each content stem with its synonym groups.
    let stems: [String: Set<Int>]
    let groups: Set<Int>

    init(_ text: String, language: Language, synonyms: Synonyms) {
        var stems: [String: Set<Int>] = [:]
        for token in Tokenizer.tokens(in: text) where ContentWords.isContent(token.text, language) {
            let stem = language.stem(token.text)
            stems[stem] = synonyms.groups(of: stem)
        }
        self.stems = stems
        groups = stems.values.reduce(into: Set<Int>()) { $0.formUnion($1) }
    }

    /// How many of this topic's stems the other has, itself, as a compound part or as a synonym.
    func shared(with other: Topic) -> Int {
        stems.filter { stem, groups in
            !groups.isDisjoint(with: other.groups) || other.stems.keys.contains { ContentWords.match(stem, $0) }
        }.count
    }

    func overlaps(_ other: Topic) -> Bool { shared(with: other) > 0 }
}

enum ContentWords {
    static func isContent(_ folded: String, _ language: Language) -> Bool {
        folded.count > 2 && !StopWords.contains(folded, language) && !generic.contains(folded) && !folded.contains(where: \.isNumber)
    }

    /// Stems match when equal or inflections of one another, when one is the other's last part
    /// ("certifikat" in "truckcertifikat"), its first part ("diabetes" in "diabetesambulatoriet"), or
    /// both are compounds of one first part ("sårklinik", "sårpleje") — a part of three letters or
    /// more that is not a prefix such as "for" or "over".
    static func match(_ a: String, _ b: String) -> Bool {
        if stemsMatch(a, b) { return true }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        if short.count >= 5 && long.hasSuffix(short) { return true }
        if short.count >= 4 && long.hasPrefix(short) && long.count - short.count >= 3 { return true }
        let common = zip(a, b).prefix { $0 == $1 }.count
        return common >= 3 && a.count - common >= 4 && b.count - common >= 4 && !prefixes.contains(String(a.prefix(common)))
    }

    private static let prefixes: Set<String> = [
        "for", "fore", "over", "under", "sam", "mod", "til", "ind", "gen", "mis", "efter", "med", "mel", "uden", "imod", "ved",
        "pro", "pre", "con", "com", "dis", "inter", "trans", "super", "sub", "out", "non", "anti", "mul", "sel", "hel",
        "ste", "sta", "str", "spr", "kon", "kom", "fra", "ant", "and", "ans", "arb", "be", "ud", "op", "af",
    ]

    /// Words that say little about what a wish or a need is about ("lige" as in "ved ikke lige", which
    /// Snowball stems as it stems "ligger").
    private static let generic: Set<String> = Set("""
        ved brug bruge bruger arbejde arbejdet arbejder opgave opgaver opgaverne ting tingene noget mere flere bedre bedst god         gode godt fint ny nye nyt også lave laver lavet tage tager taget give giver gøre gør hjælpe hjælper hjælp tid tiden         gang gange dag dage året uge uger måned måneder virksomhed virksomheden firma firmaet afdeling afdelingen kollega         kolleger kollegerne team teamet medarbejder medarbejdere folk udvikling udvikle udvikler udviklet kompetence         kompetencer ansvar mulighed muligheder behov behovet brug kunne skulle måske synes tror ønske ønsker vigtigt vigtig         stor store lille meget altid aldrig hele helt andre anden andet mange både særlig særligt egentlig rigtig rigtigt         færre flere mindre større hurtigere nemmere lettere lige komme kommer kommet blive bliver kræver kræve sted steder sige siger del dele får fået gerne nok lidt endnu stadig         work working worked job jobs task tasks thing things better best good great fine new also make makes made take takes         give gives help helps helping time times day days week weeks month months year years company team teams department         colleague colleagues people staff development develop developing skill skills responsibility opportunity         opportunities need needs needed use using used able maybe think wish wishes important big small lot lots always never         whole other others many much especially actually really become becomes get gets got way ways part parts enough still         fewer less faster easier yet something anything everything come comes going one two
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
