import CoachText
import Foundation

/// What the person sends their manager, composed in their own voice: what they want from the talk,
/// each wish as a short case (the need it meets, the gain, what they have shown, what it takes, what
/// they propose) built from the telling clauses of their answers, what else must be raised, and
/// their questions. Nothing the coach thinks of it, nothing still vague, each fact once.
struct ComposedAgenda {
    struct Case {
        /// The wish as its list item, and the paragraph's title.
        var wish: String
        var title: String
        var paragraph: Point
    }

    var talk: String?
    var wants: [Point] = []
    var cases: [Case] = []
    var alsoRaise: [Point] = []
    var questions: [Point] = []
    var results: [Point] = []

    /// The words of the whole agenda the manager reads at most, headings included (one printed page).
    static let wordLimit = 420
    /// The words of one paragraph at most.
    static let paragraphWords = 85
    /// The words a wish is made specific with, at most.
    static let detailWords = 25
    /// The words of a wish's gain, at most.
    static let gainWords = 40
    /// A need said in this many words or fewer is a name, not a sentence.
    static let fewWords = 4

    /// Words that open a condition on what was said: an aside, when the talk is booked.
    private static let conditions: Set<String> = ["assuming", "provided", "unless", "if", "hvis", "medmindre", "forudsat"]

    private static func isAnAside(_ clause: String) -> Bool {
        clause.split(separator: " ").first.map { conditions.contains($0.lowercased()) } ?? false
    }

    /// The first clauses that fit in `limit` words.
    private static func within(_ limit: Int, _ clauses: [String]) -> [String] {
        var words = 0
        return Array(clauses.prefix { clause in
            words += Clauses.words(clause)
            return words <= limit
        })
    }

    init(brief: Brief, answers: [Answer], strings: BriefStrings, topic: @escaping (String) -> Topic) {
        var used = FactLedger(topic: topic)
        // When and where, without the asides ("assuming Karen doesn't move it again").
        talk = brief.talk.flatMap { point in
            let said = Clauses.split(point.text).compactMap(Clauses.cleaned).filter { !Self.isAnAside($0) }
            let telling = said.filter { Sentences.concreteness($0) > 0 }
            return said.isEmpty ? nil : (telling.isEmpty ? said : telling).joined(separator: ", ")
        }
        let answer = { (id: String) in answers.first { $0.id == id } }

        // The wishes in the order the person would raise them: the one they named most important first.
        let priority = answers.first { $0.isTopLevel && $0.tags.contains("prioritet") }.map { topic($0.text) }
        let wishes = brief.wishes.enumerated().sorted { first, second in
            let rank = { (wish: WishArgument) in priority.map { topic(wish.wish.text).overlaps($0) } == true ? 0 : 1 }
            return (rank(first.element), first.offset) < (rank(second.element), second.offset)
        }.map(\.element)

        for wish in wishes {
            let title = Clauses.sentence([wish.wish.text]).dropLast().description
            // The wish made specific: what the person added when asked (the course's name, its days, when).
            let detail = Self.within(Self.detailWords, wish.detail.map { Clauses.split($0.text).compactMap(Clauses.cleaned) } ?? [])
            let specific = detail.isEmpty ? title : title + ": " + strings.afterColon(Clauses.sentence(detail))
            wants.append(Point(text: Clauses.sentence([specific]), sources: wish.wish.sources + (wish.detail?.sources ?? [])))
            used.record(used.fresh(detail))
            cases.append(Case(wish: wish.wish.text, title: title,
                              paragraph: Self.paragraph(for: wish, within: Self.paragraphWords - Clauses.words(title), used: &used, strings: strings, topic: topic)))
        }
        if let feedback = answers.first(where: { $0.isTopLevel && $0.tags.contains("feedback") && $0.entry.kind == .text }),
           let said = Clauses.split(feedback.record.text).compactMap(Clauses.cleaned).first {
            wants.append(Point(text: strings.feedbackOn(said), sources: [feedback.id]))
        }

        for point in brief.agenda where point.kind != .priority && point.kind != .wish {
            switch point.kind {
            case .agreement:
                // Each agreement named, with what the person said of it: what is missing, what they propose.
                for status in point.sources.compactMap(answer) where !status.isTopLevel {
                    guard let item = status.listItem, let label = status.record.optionLabel(in: status.program) else { continue }
                    let said = answers.filter { $0.entry.parent == status.entry.parent && $0.record.item == status.record.item && $0.id != status.id }
                    let fresh = used.fresh(said.flatMap { Clauses.split($0.record.text).compactMap(Clauses.cleaned) }).prefix(3)
                    used.record(fresh)
                    let line = strings.agendaAgreement(item, status: label) + (fresh.isEmpty ? "." : ": " + strings.afterColon(Clauses.sentence(Array(fresh))))
                    alsoRaise.append(Point(text: line, sources: [status.id] + said.map(\.id)))
                }
            default:
                // What is said of the manager is said to the manager (»hun svarer først …« → »du svarer først …«).
                let said = point.sources.compactMap(answer).flatMap { source in
                    Clauses.tellingClauses(of: source.text).map { source.tags.contains("leder") ? strings.addressingTheManager($0, asking: false) : $0 }
                }
                let fresh = used.fresh(said).prefix(3)
                guard !fresh.isEmpty else { continue }
                used.record(fresh)
                let aboutTheManager = point.sources.compactMap(answer).contains { $0.tags.contains("leder") }
                let label = aboutTheManager ? strings.agendaWorkingTogether : point.kind == .demands ? strings.agendaDemands : strings.agendaWellBeing
                alsoRaise.append(Point(text: label + ": " + strings.afterColon(Clauses.sentence(Array(fresh))), sources: point.sources))
            }
        }

        // Criticism said the way råd 9 asks: what happens and what it does to the work, and what would
        // help — the clauses that judged a person are gone (`Clauses.cleaned`).
        for criticism in answers where criticism.criticisesAPerson {
            // Said of the manager, it is said to the manager (»du svarer først …«), never passed off as
            // a colleague's doing.
            let aboutTheManager = criticism.tags.contains("leder")
            let said = Clauses.split(criticism.text).compactMap(Clauses.cleaned)
                .map { aboutTheManager ? strings.addressingTheManager($0, asking: false) : strings.withoutThePerson($0) }
            // Its first words set the scene ("det er tit om morgenen") when they are few.
            let scene = said.first.flatMap { Clauses.words($0) <= 8 && Sentences.concreteness($0) == 0 ? $0 : nil }
            let facts = used.fresh([scene].compactMap { $0 } + said.filter { Sentences.concreteness($0) > 0 || Phrases.proposal.occurs(in: $0) }).prefix(4)
            guard !facts.isEmpty else { continue }
            used.record(facts)
            let label = aboutTheManager ? strings.agendaWorkingTogether : strings.agendaWork
            let sentence = strings.afterColon(Clauses.sentence(Array(facts)))
            alsoRaise.append(Point(text: label + ": " + (aboutTheManager ? sentence : strings.oneColleague(sentence)), sources: criticism.sources))
        }

        var asked: [Topic] = []
        questions = brief.questions.compactMap { question in
            // An answer with its probe's reply: the part that asks (ends in "?") is the question.
            let parts = question.text.components(separatedBy: " — ")
            let asking = parts.last { $0.trimmingSpaces.hasSuffix("?") } ?? parts[0]
            guard let cleaned = Clauses.cleaned(asking), used.isFresh(cleaned) else { return nil }
            // A question that asks what an earlier one asked, in other words, is asked once.
            let subject = topic(cleaned)
            guard !asked.contains(where: { $0.shared(with: subject) >= 3 }) else { return nil }
            asked.append(subject)
            used.record([cleaned])
            // What the person wants to ask the manager is asked of them: »om hun ser mig« becomes
            // »Jeg vil gerne høre, om du ser mig …«.
            let toTheManager = question.sources.compactMap(answer).contains { $0.tags.contains("leder") }
            let said = toTheManager ? strings.addressingTheManager(cleaned) : cleaned
            if said.hasSuffix(".") { return Point(text: said, sources: question.sources) }
            let sentence = Clauses.sentence([said])
            return Point(text: sentence.hasSuffix("?") ? sentence : String(sentence.dropLast()) + "?", sources: question.sources)
        }

        let achieved = used.fresh(brief.results.flatMap { Clauses.tellingClauses(of: $0.text) })
        if !achieved.isEmpty {
            results = [Point(text: Clauses.sentence(Array(achieved.prefix(2))), sources: brief.results.flatMap(\.sources))]
        }
        trim()
    }

    /// A wish's case in a few sentences: the need it meets, the gain (never the need itself), what
    /// the person has shown, what it takes. A part that is vague or missing is left out here: the
    /// person's own brief says what to add.
    private static func paragraph(for wish: WishArgument, within limit: Int, used: inout FactLedger, strings: BriefStrings,
                                  topic: (String) -> Topic) -> Point {
        var sentences: [String] = []
        var sources: [String] = []
        var words = 0
        func add(_ clauses: [String], from point: Point?) {
            // As many of the clauses as fit: the first of them says the most.
            var fresh = used.fresh(clauses)
            while !fresh.isEmpty, words + Clauses.words(Clauses.sentence(fresh)) > limit { fresh.removeLast() }
            guard let point, !fresh.isEmpty else { return }
            let sentence = Clauses.sentence(fresh)
            words += Clauses.words(sentence)
            sentences.append(sentence)
            sources += point.sources
            used.record(fresh)
        }
        let need = wish.meetsNeeds.first
        // The need's most telling clause; a need said without a measure as said, and a few words
        // ("Flere arkitekter") said as a need.
        if let telling = need.flatMap({ Clauses.tellingClauses(of: $0.text).first }) {
            add([telling], from: need)
        } else if let said = need.flatMap({ Clauses.split($0.text).compactMap(Clauses.cleaned).first }) {
            add([Clauses.words(said) <= Self.fewWords ? strings.pitchNeed(strings.afterColon(said)) : said], from: need)
        }
        if wish.judgement.benefit == .given, let benefit = wish.benefit {
            // The gain is what the wish brings about, not the need it answers: clauses that repeat a
            // need's facts are the reason, not the gain.
            let said = Clauses.split(benefit.text).compactMap { clause in Clauses.cleaned(clause).map { (raw: clause, cleaned: $0) } }
                .filter { !Self.sharesANumber($0.cleaned, with: wish.meetsNeeds.map(\.text)) }
            // What the wish brings about ("so I'd be handling my own notices": read on the clause as
            // said, for its "so" says it is a consequence), then the clause that measures it best,
            // then the other consequences and measures in the order said, as many as fit in `gainWords`.
            let consequences = said.indices.filter { Clauses.saysAConsequence(said[$0].raw) }
            let measures = said.indices.filter { Sentences.concreteness(said[$0].cleaned) > 0 }
            let best = measures.filter { !consequences.prefix(1).contains($0) }
                .max { (Sentences.concreteness(said[$0].cleaned), -$0) < (Sentences.concreteness(said[$1].cleaned), -$1) }
            let order = Array(consequences.prefix(1)) + [best].compactMap { $0 } + said.indices.filter { consequences.contains($0) || measures.contains($0) }
            var words = 0
            var chosen: Set<Int> = []
            for index in order where !chosen.contains(index) && words + Clauses.words(said[index].cleaned) <= Self.gainWords {
                words += Clauses.words(said[index].cleaned)
                chosen.insert(index)
            }
            add(said.indices.filter(chosen.contains).map { said[$0].cleaned }, from: benefit)
        }
        if let shown = wish.evidence.first { add(Array(Clauses.tellingClauses(of: shown.text).prefix(2)), from: shown) }
        if let takes = wish.takes {
            // "at min rute bliver 3 besøg kortere" answers what it takes: said as such.
            var clauses = Array(Clauses.tellingClauses(of: takes.text).prefix(2))
            if let first = clauses.first { clauses[0] = strings.itTakes(first) }
            add(clauses, from: takes)
        }
        return Point(text: sentences.joined(separator: " "), sources: sources)
    }

    /// Whether a clause holds a fact with a number that one of the texts holds too: the same
    /// number with the same word after it ("2 udviklere"), or the same long number ("400.000").
    private static func sharesANumber(_ clause: String, with texts: [String]) -> Bool {
        // Numbers as written between spaces, their separators gone: "400.000" is one number.
        func facts(_ text: String) -> Set<String> {
            let words = text.split(whereSeparator: \.isWhitespace).map { Folding.fold(String($0)).trimming(where: \.isPunctuation) }
            return Set(words.indices.compactMap { index in
                let digits = words[index].filter(\.isNumber)
                guard !digits.isEmpty else { return nil }
                return digits.count >= 3 || index + 1 == words.count ? digits : digits + " " + words[index + 1]
            })
        }
        let own = facts(clause)
        return texts.contains { !own.isDisjoint(with: facts($0)) }
    }

    /// The words the title, the date line and the section headings take.
    static let headingWords = 25

    /// One page: what is least needed goes first when the agenda runs long — the further points
    /// beyond one, the questions beyond three, then the results (they back the cases).
    private mutating func trim() {
        func total() -> Int {
            ([talk ?? ""] + wants.map(\.text) + cases.map { $0.title + " " + $0.paragraph.text } + alsoRaise.map(\.text)
             + questions.map(\.text) + results.map(\.text)).reduce(0) { $0 + Clauses.words($1) } + Self.headingWords
        }
        while total() > Self.wordLimit, alsoRaise.count > 1 { alsoRaise.removeLast() }
        while total() > Self.wordLimit, questions.count > 3 { questions.removeLast() }
        while total() > Self.wordLimit, !results.isEmpty { results.removeLast() }
    }
}
