/// What kinds of concreteness a word (or a two-word phrase starting with it) signals.
struct CueKinds: OptionSet, Sendable {
    let rawValue: UInt16
    static let number = CueKinds(rawValue: 1 << 0)
    static let example = CueKinds(rawValue: 1 << 1)
    static let time = CueKinds(rawValue: 1 << 2)
    static let benefit = CueKinds(rawValue: 1 << 3)
    /// The word begins a phrase in `AnswerCues.phrases`.
    static let phraseStart = CueKinds(rawValue: 1 << 4)
    /// After a number, shows that it measures nothing: tenure ("9 år"), a rating ("7 ud af 10",
    /// "et 10-tal", "en 3'er"), a figure of speech ("1000 ting").
    static let notAMeasureAfter = CueKinds(rawValue: 1 << 5)
    /// A unit that makes a round number ("1000 kr.", "100 timer") a measure.
    static let unit = CueKinds(rawValue: 1 << 6)
    /// "ud" in "7 ud af 10": the number after it is the scale's end, no measure either.
    static let outOf = CueKinds(rawValue: 1 << 7)
    /// A preposition of place ("i", "på", "ved"): a long definite noun after it names where or
    /// what ("i vuggestuen", "ved pakkelinjen", "på diabetesområdet"), as a name does.
    static let place = CueKinds(rawValue: 1 << 8)
    /// A definite noun every workplace has ("på arbejdspladsen", "i hverdagen"): no cue after a place word.
    static let everyWorkplace = CueKinds(rawValue: 1 << 9)
    /// "noget", "something": with a `loosely` word after it ("noget med", "something like"), what
    /// follows is named loosely ("noget med teamleder", "something with leadership"): no role or place cue.
    static let something = CueKinds(rawValue: 1 << 10)
    static let loosely = CueKinds(rawValue: 1 << 11)
    /// Words that keep a loose naming going ("noget med at blive teamleder", "something like a team lead").
    static let filler = CueKinds(rawValue: 1 << 12)
    /// Kinds that only say how to read the next word.
    static let context: CueKinds = [.place, .everyWorkplace, .something, .loosely, .filler]
}

/// Danish and English cue words for the answer-quality predicates, folded.
///
/// Answers mix languages ("vi shippede featuren i Q3"), so both lexicons always apply: words that
/// are common words in the other language stay out (Danish "to", English "may").
///
/// A cue is what makes an answer concrete in the guide's sense (råd 5): a number that measures the
/// work, a name or an example, a time frame tied to what is said. Words that only sound concrete
/// are no cue: a time word standing alone ("næste", "dage", "siden"), "konkret" itself, "projekter"
/// in general. A benefit word ("gavner", "bedre") is read by `has_benefit`; alone it makes nothing concrete.
enum AnswerCues {
    private static let numberWords = """
        tre fire fem seks syv otte ni ti elleve tolv femten tyve tredive fyrre halvtreds hundrede \
        hundred tusind tusinde million millioner milliard procent halvdelen halvt dobbelt dobbelte kr \
        kroner dkk mio mia stk two three four five six seven eight nine ten eleven twelve fifteen twenty \
        thirty forty fifty thousand millions billion percent half double twice dozen dozens eur usd
        """
    /// An example, a named role or a program typed in lowercase. A role a workplace gives one person
    /// ("superbruger", "værkfører") is as specific as a name, where "en lederrolle" or "mere ansvar" is
    /// not; the managers above a person are no cue ("vi har fået ny afdelingsleder", "teamlederen
    /// har sagt", "my supervisor").
    private static let exampleWords = """
        eksempel eksemplet eksempelvis fx example instance namely \
        nøgleperson nøglepersonen superbruger superbrugeren superbrugere ressourceperson ressourcepersonen tovholder \
        tovholderen teamleder værkfører souschef praktikvejleder praktikvejlederen \
        arbejdsmiljørepræsentant tillidsrepræsentant superuser superusers foreman forewoman \
        excel powerpoint vba sql python jira navision sap autocad revit
        """
    private static let timeWords = """
        ugentlig ugentligt månedlig kvartal kvartalet halvår halvåret foråret sommeren efteråret vinteren \
        januar februar marts april maj juni juli august september oktober november december mandag \
        tirsdag onsdag torsdag fredag q1 q2 q3 q4 tomorrow weekly monthly quarterly january february march june \
        july august september october november december monday tuesday wednesday thursday friday
        """
    private static let notAMeasureAfterWords = """
        år års aar years ud out ting things tal er bolde balls gange
        """
    private static let unitWords = """
        kr kroner dkk eur euro usd mio mia stk timer hours minutter minutes dage days uger weeks sager \
        cases procent percent
        """
    private static let placeWords = "i på ved med hos"
    private static let everyWorkplaceWords = """
        arbejdspladsen afdelingen organisationen hverdagen kollegerne kollegaerne virksomheden ledelsen \
        fællesskabet opgaverne kommunen fremtiden ressourcerne udviklingen samarbejdet tidspunktet \
        personalet medarbejderne personalemødet personalemøderne trivselsmålingen medarbejdersamtalen udviklingssamtalen \
        arbejdsmarkedet arbejdsmiljøet arbejdsgangene arbejdsdagen arbejdsopgaverne kommunikationen sammenhængen \
        virkeligheden forandringerne udfordringerne kompetencerne mulighederne situationen situationerne processerne \
        strukturen fagligheden ledergruppen afdelingerne systemerne kalenderen weekenden øjeblikket forvejen princippet \
        mellemtiden begyndelsen udlandet dagligdagen opgaveløsningen kerneopgaven
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
    /// A course with its subject ("kursus i forflytning", "a course in forklift safety") names it;
    /// so do the roles said in two words ("key person", "team lead") and "in charge of".
    static let phrases: [String: [(second: String, kinds: CueKinds)]] = [
        "for": [("eksempel", .example), ("example", .example), ("instance", .example)],
        "kursus": [("i", .example)],
        "kurset": [("i", .example)],
        "uddannelse": [("i", .example)],
        "efteruddannelse": [("i", .example)],
        "certificering": [("i", .example)],
        "course": [("in", .example), ("on", .example)],
        "training": [("in", .example), ("on", .example)],
        "certificate": [("in", .example)],
        "key": [("person", .example)],
        "team": [("lead", .example), ("leader", .example)],
        "shift": [("lead", .example), ("leader", .example), ("supervisor", .example)],
        "charge": [("of", .example)],
        "f": [("eks", .example)],
        "bl": [("a", .example)],
        "blandt": [("andet", .example)],
        "e": [("g", .example)],
        "such": [("as", .example)],
        "da": [("jeg", .example), ("vi", .example)],
        "så": [("at", .benefit)],
        "so": [("that", .benefit)],
        "i": [("går", .time), ("morgen", .time), ("overmorgen", .time), ("sommer", .time), ("vinter", .time), ("efteråret", .time)],
        "sidste": [("uge", .time), ("måned", .time), ("år", .time), ("kvartal", .time)],
        "næste": [("uge", .time), ("måned", .time), ("kvartal", .time), ("halvår", .time)],
        "last": [("week", .time), ("month", .time), ("year", .time), ("spring", .time), ("summer", .time), ("autumn", .time), ("winter", .time)],
        "next": [("week", .time), ("month", .time), ("quarter", .time), ("spring", .time), ("summer", .time), ("autumn", .time)],
        "this": [("spring", .time), ("summer", .time), ("autumn", .time), ("winter", .time)],
        "the": [("spring", .time), ("summer", .time), ("autumn", .time), ("winter", .time), ("fall", .time)],
        "in": [("spring", .time), ("summer", .time), ("autumn", .time), ("winter", .time)],
        "since": [("the", .time), ("last", .time), ("then", .time)],
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
        add(notAMeasureAfterWords, .notAMeasureAfter)
        add(unitWords, .unit)
        add("ud out", .outOf)
        add(placeWords, .place)
        add("noget something", .something)
        add("med with like omkring around", .loosely)
        add("at en et blive være a an the be become", .filler)
        add(everyWorkplaceWords, .everyWorkplace)
        for first in phrases.keys { lexicon[first, default: []].insert(.phraseStart) }
        return lexicon
    }()
}
