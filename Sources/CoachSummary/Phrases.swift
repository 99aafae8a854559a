import Foundation
import CoachText

/// Word sequences that mark what an answer does (evades, speaks only for the person, attacks
/// someone), matched on folded tokens. One list per mark, Danish and English together: a person
/// may mix them.
struct Phrases: Sendable {
    /// The sequences by their first word, so a text is read once whatever the length of the list.
    private let sequencesByFirst: [String: [[String]]]

    init(_ lines: [String]) {
        sequencesByFirst = Dictionary(grouping: lines.map { Tokenizer.tokens(in: $0).map(\.text) }.filter { !$0.isEmpty }, by: { $0[0] })
    }

    func occurs(in tokens: [String]) -> Bool {
        tokens.indices.contains { start in
            sequencesByFirst[tokens[start]]?.contains { sequence in
                start + sequence.count <= tokens.count && tokens[start..<start + sequence.count].elementsEqual(sequence)
            } ?? false
        }
    }

    func occurs(in text: String) -> Bool { occurs(in: Tokenizer.tokens(in: text).map(\.text)) }

    /// Whether `text` is one of the phrases and nothing more ("ved ikke", not "ved ikke hvor mange").
    func isWhole(_ text: String) -> Bool {
        let tokens = Tokenizer.tokens(in: text).map(\.text)
        guard let first = tokens.first else { return false }
        return sequencesByFirst[first]?.contains(tokens) ?? false
    }

    /// A hedge or an evasion in place of an answer.
    static let evasion = Phrases([
        "svært at sige", "svaert at sige", "ved ikke", "ved ik", "ved jeg ikke", "aner det ikke", "aner ikke", "ikke sikker",
        "kommer an på", "det må tiden vise", "tja", "ingen anelse", "ikke rigtig", "ikke noget særligt",
        "hard to say", "not sure", "don't know", "dont know", "do not know", "no idea", "who knows", "it depends", "depends",
        "not really", "i guess", "not much",
    ])

    /// A gain for the person alone.
    static let ownSake = Phrases([
        "for min egen skyld", "for min skyld", "mest for mig selv", "for mig selv", "jeg selv synes er sjovt", "synes er sjovt",
        "er sjovt", "sjovt for mig", "spændende for mig", "har lyst", "ser frem til at rejse",
        "for my own sake", "for myself", "mostly for me", "i find fun", "find it fun", "it's fun", "its fun", "is fun",
        "fun for me", "i enjoy", "interesting for me", "just for me",
    ])

    /// A reply to a probe that only points back at what was said ("det skrev jeg jo", "see above"):
    /// it adds nothing to quote.
    static let alreadySaid = Phrases([
        "det skrev jeg", "det har jeg skrevet", "det har jeg lige skrevet", "det sagde jeg", "det har jeg sagt", "som sagt",
        "se ovenfor", "se ovenstående", "står ovenfor", "det har jeg svaret på", "i already said", "i already wrote",
        "i've already said", "i said that already", "i wrote that already", "see above", "as i said", "already answered",
    ])

    /// Character judgements and contempt: criticism of a person rather than of what happens (the guide's råd 9).
    static let personal = Phrases([
        "doven", "dovne", "skid", "idiot", "idioter", "ligeglad", "ligeglade", "sløset", "sløsede", "sjusket", "egoistisk",
        "egoistiske", "uinteresseret", "uinteresserede", "inkompetent", "inkompetente", "umulig at arbejde med", "dum", "dumme",
        "klovn", "fjols", "tåbe", "nar", "arrogant", "arrogante", "uduelig", "uduelige", "ubrugelig", "irriterende", "utålelig",
        "tarvelig", "sådan en type", "kun tænker på sig selv", "tænker kun på sig selv", "gider ikke", "gider aldrig",
        "gemmer sig", "står bare og", "fatter ikke", "fatter intet", "aner ikke hvad han", "aner ikke hvad hun", "latterlig",
        "lazy", "idiot", "idiots", "useless", "clueless", "incompetent", "selfish", "arrogant", "rude", "stupid", "moron",
        "jerk", "hopeless", "annoying", "unbearable", "doesn't care", "doesnt care", "couldn't care less", "couldnt care less",
        "only thinks about himself", "only thinks about herself", "hides in", "a joke", "can't be bothered", "cant be bothered",
    ])

    /// A proposal: what the person would change.
    static let proposal = Phrases([
        "foreslår", "forslag", "vil foreslå", "ville hjælpe", "kunne hjælpe", "vil gerne have", "ønsker mig", "bør",
        "suggest", "propose", "proposal", "would help", "could help", "i'd like", "we could", "should",
    ])

    /// Money, schemes and rules the organisation sets: the frame a wish must fit, not a need of the work.
    static let framework = Phrases([
        "budget", "budgettet", "uddannelsesbudget", "uddannelsesbudgettet", "kompetencefond", "kompetencefonden", "fond",
        "fonden", "pulje", "puljen", "puljer", "beløb", "beløbet", "politik", "politikken", "personalehåndbog",
        "personalehåndbogen", "mentorordning", "mentorordningen", "ordning", "ordningen", "kursuskatalog", "frikøb",
        "budget", "budgets", "fund", "funding", "allowance", "policy", "policies", "scheme", "handbook", "catalogue", "catalog",
    ])

    /// Money for learning: what pays for a course.
    static let money = Phrases([
        "budget", "budgettet", "uddannelsesbudget", "uddannelsesbudgettet", "kompetencefond", "kompetencefonden", "fond", "fonden",
        "pulje", "puljen", "beløb", "beløbet", "kr", "kroner", "euro", "euros", "dollars", "budgets", "fund", "funding", "allowance",
    ])

    /// Nothing to show: the answer says there is none.
    static let nothing = Phrases([
        "nej", "intet", "ingenting", "ikke noget", "ikke endnu", "ikke rigtig noget", "no", "nothing", "not yet", "none",
    ])
}

/// An answer cut into sentences, for quoting the one that carries the point and leaving out one that
/// attacks a person. A full stop after an abbreviation ("kl.", "ca.") or after a number with a lowercase
/// word next ("1. oktober") is not an end.
enum Sentences {
    private static let abbreviations: Set<String> = [
        "kl", "ca", "fx", "pr", "stk", "jvf", "iflg", "f.eks", "bl.a", "dvs", "mv", "osv", "nr", "pga", "mio", "kr", "jf", "evt", "inkl", "ekskl", "tlf",
        "e.g", "i.e", "etc", "approx", "vs", "dr", "mr", "mrs", "ms", "no", "min", "max", "d",
    ]

    /// Words an ordinal stands before ("1. oktober", "3. kvartal"): after a number and a full stop,
    /// any other lowercase word starts a new sentence ("… i stedet for 12. vi nåede ikke …").
    private static let ordinalNouns: Set<String> = [
        "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
        "kvartal", "halvår", "gang", "gangs", "klasse", "sal", "plads", "del", "time", "udgave", "runde", "uge",
        "år", "prioritet", "dag", "måned", "semester", "trin", "etape", "modul", "niveau",
    ]

    static func split(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character == "\n" {
                flush(&current, into: &sentences)
                continue
            }
            current.append(character)
            guard character == "." || character == "!" || character == "?" || character == ";", index + 1 == characters.count || characters[index + 1].isWhitespace else { continue }
            if character == "." {
                let word = current.dropLast().split(whereSeparator: { $0.isWhitespace }).last.map { $0.lowercased() } ?? ""
                let next = String(characters[(index + 1)...].drop { $0.isWhitespace }.prefix { $0.isLetter }).lowercased()
                if abbreviations.contains(word) || (!word.isEmpty && word.allSatisfy(\.isNumber) && ordinalNouns.contains(next)) { continue }
            }
            flush(&current, into: &sentences)
        }
        flush(&current, into: &sentences)
        return sentences
    }

    private static func flush(_ current: inout String, into sentences: inout [String]) {
        let trimmed = current.trimmingSpaces
        if !trimmed.isEmpty { sentences.append(trimmed) }
        current = ""
    }
}
