import CoachText
import Foundation

/// An answer cut into the pieces that each hold one fact, and those pieces made into sentences in
/// the person's own voice: the words are theirs, only openers and hedges go ("Ja,", "jamen", "tror
/// jeg" at the end, a »jo« that softens), and each sentence starts with a capital and ends with one mark.
enum Clauses {
    /// The clauses of an answer: its sentences, cut again at " — ", "; " and ", ". A clause that
    /// ends in a relative word goes on in the next one ("no evictions all year which, I mean, for
    /// Westfield is quite something"), the hedge between them left out.
    static func split(_ text: String) -> [String] {
        Sentences.split(text.replacingOccurrences(of: " — ", with: "\n")).flatMap { sentence in
            let pieces = sentence.components(separatedBy: ", ").flatMap { $0.components(separatedBy: "; ") }
                .map { $0.trimming(" .!?;:") }.filter { !$0.isEmpty }
            var clauses: [String] = []
            for piece in pieces {
                guard let last = clauses.last, let word = last.split(separator: " ").last, relatives.contains(fold(String(word))) else {
                    clauses.append(piece)
                    continue
                }
                if !isHedge(piece) { clauses[clauses.count - 1] = last + " " + piece }
            }
            return clauses
        }
    }

    /// Words that open a relative clause, when a comma follows them.
    private static let relatives: Set<String> = ["which", "who", "som", "hvilket"]

    /// Words that open a clause without saying anything ("Ja,", "jamen", "og"), taken off its start.
    private static let openers: Set<String> = ["ja", "jamen", "nej", "altså", "og", "men", "tja", "øh", "yes", "yeah", "and", "but", "um", "oh"]
    /// Openers that are also words of the sentence ("So far", "Well-paid"): taken off only before a comma.
    private static let openersBeforeComma: Set<String> = ["so", "well"]

    /// Hedges that soften a fact the manager should read plainly. They go only at a clause's edge
    /// ("tror jeg" at its end, "I think" at its start) or as a clause of their own: inside a clause
    /// the same words carry the meaning ("Det tror jeg ikke", "jeg ved ikke nok om sårpleje").
    private static let hedges: [[String]] = [
        "tror jeg", "synes jeg", "egentlig", "altså", "sådan set", "ved ikke", "jeg ved det ikke",
        "i think", "i guess", "i suppose", "i mean", "you know", "basically", "to be honest", "honestly", "i don't know",
    ].map { $0.split(separator: " ").map(String.init) }

    private static func isHedge(_ clause: String) -> Bool {
        hedges.contains(clause.split(separator: " ").map { fold(String($0)) })
    }
    /// A hedge before one of these is part of what is said ("tror jeg ikke", "I think not").
    private static let negations: Set<String> = ["ikke", "aldrig", "not", "never"]
    /// Hedges that go only as a clause of their own: at a clause's start what follows is what they
    /// do not know, at its end they are what is said ("Nye kolleger ved ikke").
    private static let wholeOnly: Set<[String]> = [["ved", "ikke"], ["jeg", "ved", "det", "ikke"], ["i", "don't", "know"]]

    /// What someone does not know enough of is a fact, not an evasion ("jeg ved ikke nok om sårpleje").
    private static let knowledgeGap = Phrases(["ved ikke nok", "ved for lidt", "ved ikke meget", "don't know enough", "don't know much", "know too little"])

    /// The clause without openers and hedges; nil when nothing else is left, or when it judges a
    /// person (råd 9), or evades without saying anything concrete.
    static func cleaned(_ clause: String) -> String? {
        var words = clause.split(separator: " ").map(String.init)
        while let first = words.first {
            let bare = fold(first)
            guard openers.contains(bare) || (openersBeforeComma.contains(bare) && first.hasSuffix(",")) else { break }
            words.removeFirst()
        }
        var folded = words.map(fold)
        var changed = true
        while changed, !words.isEmpty {
            changed = false
            for hedge in hedges where words.count >= hedge.count {
                if folded == hedge { return nil }
                guard !wholeOnly.contains(hedge) else { continue }
                if folded.starts(with: hedge), !negations.contains(folded[hedge.count]) {
                    words.removeFirst(hedge.count)
                    folded.removeFirst(hedge.count)
                    changed = true
                } else if folded.suffix(hedge.count).elementsEqual(hedge) {
                    words.removeLast(hedge.count)
                    folded.removeLast(hedge.count)
                    changed = true
                }
            }
        }
        // »jo« inside a clause only softens it ("vi får jo flere"), unless it compares ("jo før jo bedre").
        if folded.filter({ $0 == "jo" }).count == 1, !folded.contains("desto") {
            words = words.indices.filter { $0 == 0 || folded[$0] != "jo" }.map { words[$0] }
        }
        let cleaned = words.joined(separator: " ").trimming(" ,.;:")
        guard cleaned.split(separator: " ").count >= 2 else { return nil }
        if Phrases.personal.occurs(in: cleaned) { return nil }
        if Phrases.evasion.occurs(in: clause) && !knowledgeGap.occurs(in: clause) && !othersDoNotKnow(folded)
            && AnswerQuality(of: cleaned).isVague { return nil }
        return cleaned
    }

    /// Whether »ved ikke« / "don't know" is said of others ("Nye kolleger ved ikke"): a fact about
    /// them, not the person evading.
    private static func othersDoNotKnow(_ folded: [String]) -> Bool {
        folded.indices.contains { index in
            let said = folded[index...].prefix(2)
            guard said.elementsEqual(["ved", "ikke"]) || said.elementsEqual(["don't", "know"]) || said.elementsEqual(["doesn't", "know"]) else { return false }
            return index > 0 && !["jeg", "i", "det"].contains(folded[index - 1])
        }
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

    /// The text as it was said, less what only softens it: the openers and hedges it starts with
    /// (»Ja, altså jeg vil gerne …«), a hedge at a clause's end (»1.240 kr tror jeg, og …« →
    /// »1.240 kr, og …«) and a clause that is nothing but a hedge (», ved ikke«). Every other word
    /// and mark stays as written, so what is quoted is still the person's own words.
    static func withoutHedges(_ text: String) -> String {
        // An excerpt cut short ends or starts in "…": the hedge beside the mark is still at its clause's edge.
        if text.hasSuffix(" …"), case let cut = String(text.dropLast(2)), !cut.isEmpty {
            let clean = withoutHedges(cut)
            return clean == cut ? text : clean + " …"
        }
        if text.hasPrefix("… "), case let cut = String(text.dropFirst(2)), !cut.isEmpty {
            let clean = withoutHedges(cut)
            return clean == cut ? text : "… " + clean
        }
        var pieces = Self.pieces(of: text)
        var atStart = true
        for index in pieces.indices {
            var words = pieces[index].clause.split(separator: " ").map(String.init)
            var folded = words.map(fold)
            if atStart {
                while let first = folded.first {
                    if openers.contains(first) {
                        words.removeFirst()
                        folded.removeFirst()
                    } else if let hedge = hedges.first(where: { !wholeOnly.contains($0) && folded.count > $0.count && folded.starts(with: $0) }),
                              !negations.contains(folded[hedge.count]) {
                        words.removeFirst(hedge.count)
                        folded.removeFirst(hedge.count)
                    } else {
                        break
                    }
                }
            }
            let clause = words.joined(separator: " ")
            // Only an evasion that is the whole clause goes (»ved ikke«), not one that says something
            // (»kollegerne ved ikke«, »not much overtime«, »ved ikke hvor mange«).
            if hedges.contains(folded) || Phrases.evasion.isWhole(clause) {
                words = []
            } else if let hedge = hedges.first(where: { !wholeOnly.contains($0) && folded.count > $0.count + 1 && folded.suffix($0.count).elementsEqual($0) }) {
                let mark = words.last.map { $0.reversed().prefix { ",.;:!?".contains($0) }.reversed() }.map { String($0) } ?? ""
                words.removeLast(hedge.count)
                if let last = words.last?.last, ",.;:!?…".contains(last) {} else { words[words.count - 1] += mark }
            }
            if atStart { atStart = words.isEmpty }
            pieces[index].clause = words.joined(separator: " ")
        }
        // A clause left empty goes, and the stronger of the marks around it stays (»A. Ved ikke, B« →
        // »A. B«); the first clause kept has none before it.
        var kept: [(separator: String, clause: String)] = []
        var dropped: String?
        for piece in pieces {
            if piece.clause.isEmpty {
                if dropped.map({ Self.strength($0) < Self.strength(piece.separator) }) ?? true { dropped = piece.separator }
                continue
            }
            var separator = piece.separator
            if let dropped, Self.strength(dropped) > Self.strength(separator) { separator = dropped }
            dropped = nil
            kept.append(kept.isEmpty ? ("", piece.clause) : (separator, piece.clause))
        }
        guard !kept.isEmpty else { return text }
        var result = kept.map { $0.separator + $0.clause }.joined()
        if let last = pieces.last, last.clause.isEmpty, let end = text.last, ".!?".contains(end), !result.hasSuffix(String(end)) {
            result += String(end)
        }
        return result
    }

    /// How strongly a mark between clauses separates them: a sentence's end more than a comma.
    private static func strength(_ separator: String) -> Int {
        switch separator {
        case ". ", "! ", "? ", "\n": 2
        case "; ", " — ": 1
        default: 0
        }
    }

    /// The text cut at the marks between clauses (", ", "; ", " — " and a sentence's end before a
    /// space), each clause with the mark before it, so that joining them gives the text again.
    private static func pieces(of text: String) -> [(separator: String, clause: String)] {
        var pieces: [(separator: String, clause: String)] = []
        var separator = ""
        var rest = Substring(text)
        while !rest.isEmpty {
            let marks = [", ", "; ", " — ", ". ", "! ", "? ", "\n"].compactMap { mark in rest.range(of: mark).map { ($0, mark) } }
            guard let (range, _) = marks.min(by: { $0.0.lowerBound < $1.0.lowerBound }) else {
                pieces.append((separator, String(rest)))
                break
            }
            pieces.append((separator, String(rest[..<range.lowerBound])))
            separator = String(rest[range])
            rest = rest[range.upperBound...]
        }
        return pieces
    }

    /// The cleaned clauses of an answer that tell something concrete, in their order.
    static func tellingClauses(of text: String) -> [String] {
        split(text).compactMap(cleaned).filter { Sentences.concreteness($0) > 0 }
    }

    /// Clauses as one sentence: the first letter capital, one end mark (a question keeps its "?").
    /// A clause that keeps its capital after `continuing` starts a sentence of its own (»ingen penge
    /// sidste år. Prøver igen«, not »…, Prøver igen«): a name or a noun written so reads as well there.
    static func sentence(_ clauses: [String]) -> String {
        var text = ""
        for (offset, clause) in clauses.enumerated() {
            guard offset > 0 else {
                text = clause
                continue
            }
            let continued = continuing(clause)
            if let last = text.last, ".!?…".contains(last) {
                text += " " + continued
                continue
            }
            let startsASentence = continued.first?.isUppercase == true && !text.isEmpty
            text = text.trimming(" ,;:") + (startsASentence ? ". " : ", ") + continued
        }
        return Prose.sentences([text.trimming(" ,.;:")])
    }

    /// A clause that goes on a sentence (after a comma or a colon): its first word in lowercase when
    /// it is a common one ("Fra august" → "fra august", "Det er tit …" → "det er tit …"); a name, a
    /// noun written with a capital and English "I" keep theirs.
    static func continuing(_ clause: String) -> String {
        // "I" is English "I" or Danish »I« (in): which one, the language says (`BriefStrings.afterColon`).
        guard let first = clause.split(separator: " ", maxSplits: 1).first, let letter = first.first, letter.isUppercase, first != "I",
              first.count == 1 || !first.allSatisfy({ !$0.isLetter || $0.isUppercase }) else { return clause }
        let bare = fold(String(first))
        guard commonStarts.contains(bare) || (StopWords.contains(bare, .danish) && !namesAmongStopWords.contains(bare)) else { return clause }
        return letter.lowercased() + clause.dropFirst()
    }

    /// Stop words that are also first names ("Hans starter 1. maj", "Will is off"): kept as written.
    private static let namesAmongStopWords: Set<String> = ["hans", "will", "jo", "may", "mark", "sine"]

    /// Words that start a clause and are no name, beyond the stop words.
    private static let commonStarts: Set<String> = [
        "det", "der", "den", "de", "jeg", "vi", "man", "en", "et", "vores", "min", "mit", "mine", "som", "når", "hvis", "efter",
        "i", "på", "til", "med", "for", "om", "at", "så", "hele", "alle", "nogle", "mange", "flere", "ikke", "kun", "også", "hver",
        "ingen", "intet", "færre", "mere", "mindre", "bedre",
        "the", "we", "it", "there", "our", "my", "a", "an", "when", "if", "after", "in", "on", "with", "this", "that", "they", "all",
        "some", "most", "not", "only", "also", "every", "each", "two", "three", "more", "fewer", "less", "better", "no",
    ]

    /// How many words a clause has, for the agenda's word limits.
    static func words(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if scalar.isWhitespaceFast {
                inWord = false
            } else if !inWord {
                inWord = true
                count += 1
            }
        }
        return count
    }

    private static func fold(_ word: String) -> String {
        Folding.fold(word.trimming(",.;:!?"))
    }
}
