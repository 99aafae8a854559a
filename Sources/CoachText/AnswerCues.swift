/// What kinds of concreteness a word (or a two-word phrase starting with it) signals.
struct CueKinds: OptionSet, Sendable {
    let rawValue: UInt8
    static let number = CueKinds(rawValue: 1 << 0)
    static let example = CueKinds(rawValue: 1 << 1)
    static let time = CueKinds(rawValue: 1 << 2)
    static let benefit = CueKinds(rawValue: 1 << 3)
    /// The word begins a phrase in `AnswerCues.phrases`.
    static let phraseStart = CueKinds(rawValue: 1 << 4)
}

/// Danish and English cue words for the answer-quality predicates, folded.
///
/// Answers mix languages ("vi shippede featuren i Q3"), so both lexicons always apply.
enum AnswerCues {
    private static let numberWords = """
        to tre fire fem seks syv otte ni ti elleve tolv femten tyve tredive fyrre halvtreds hundrede \
        hundred tusind tusinde million millioner milliard procent halvdelen halvt dobbelt dobbelte kr \
        kroner dkk mio mia stk two three four five six seven eight nine ten eleven twelve fifteen twenty \
        thirty forty fifty thousand millions billion percent half double twice dozen dozens eur usd
        """
    private static let exampleWords = """
        eksempel eksempler eksemplet eksempelvis fx konkret konkrete projekt projektet projekter \
        projekterne kunde kunden sag sagen nemlig herunder example examples instance project projects \
        specifically namely case
        """
    private static let timeWords = """
        dag dage dagen uge ugen uger ugerne ugentlig ugentligt måned måneden måneder månederne månedlig \
        år året årene årlig årligt kvartal kvartalet kvartaler halvår halvåret time timer deadline \
        deadlines dato datoen frist fristen siden sidste næste inden indenfor forår foråret sommer \
        sommeren efterår efteråret vinter vinteren januar februar marts april maj juni juli august \
        september oktober november december mandag tirsdag onsdag torsdag fredag q1 q2 q3 q4 \
        day days week weeks weekly month months monthly year years yearly annually quarter quarters \
        hour hours date since last next within spring summer autumn fall winter january february \
        march may june july october monday tuesday wednesday thursday friday
        """
    private static let benefitWords = """
        gavn gavne gavner gavnet gavnlig gavnligt spare sparer sparede sparet besparelse besparelser \
        øge øger øgede øget forbedre forbedrer forbedrede forbedret forbedring forbedringer bedre \
        hurtigere effektiv effektivt effektivisere effektivisering kunder kunderne kvalitet kvaliteten \
        omsætning omsætningen indtjening reducere reducerer reducerede færre værdi værdien fordel \
        fordele fordelen styrke styrker styrket derfor dermed løfte løfter \
        benefit benefits beneficial help helps helped save saves saved saving savings improve improves \
        improved improvement increase increases increased reduce reduces reduced faster better \
        efficient efficiency customers quality revenue value fewer advantage therefore strengthen
        """
    /// Two-word cues, keyed by their first word.
    static let phrases: [String: [(second: String, kinds: CueKinds)]] = [
        "for": [("eksempel", .example), ("example", .example), ("instance", .example)],
        "f": [("eks", .example)],
        "bl": [("a", .example)],
        "blandt": [("andet", .example)],
        "e": [("g", .example)],
        "such": [("as", .example)],
        "da": [("jeg", .example), ("vi", .example)],
        "when": [("i", .example), ("we", .example)],
        "så": [("at", .benefit)],
        "so": [("that", .benefit)],
        "i": [("går", .time)],
    ]

    static let table = CueTable(lexicon: lexicon, phrases: phrases)

    static let lexicon: [String: CueKinds] = {
        var lexicon: [String: CueKinds] = [:]
        func add(_ words: String, _ kind: CueKinds) {
            for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                lexicon[Folding.fold(String(word)), default: []].insert(kind)
            }
        }
        add(numberWords, .number)
        add(exampleWords, .example)
        add(timeWords, .time)
        add(benefitWords, .benefit)
        for first in phrases.keys { lexicon[first, default: []].insert(.phraseStart) }
        return lexicon
    }()
}
