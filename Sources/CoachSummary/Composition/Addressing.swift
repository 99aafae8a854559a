import CoachText
import Foundation

/// The grammar the agenda needs to put the person's own words to the manager: the third person
/// made the second for the manager, a colleague named without pointing at anyone (råd 9), and a
/// sentence going on after a colon.
extension BriefStrings {
    /// A question the person wrote about their manager, put to the manager: the third person
    /// becomes the second (»om hun ser mig« → »om du ser mig«, "whether she sees me" → "whether you
    /// see me"), and a question that is only its »om«/"whether" part is said whole ("Jeg vil gerne
    /// høre, om du ser mig …").
    /// `asking`: the text is a question to put (a statement about the manager, »om morgenen svarer
    /// hun …«, is only put in the second person).
    func addressingTheManager(_ question: String, asking: Bool = true) -> String {
        var words = question.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var addressed = false
        for index in words.indices {
            let bare = words[index].trimming(where: \.isPunctuation)
            // A capital inside the sentence is a name ("om Hans kan tage mine vagter").
            if index > 0, bare.first?.isUppercase == true { continue }
            let next = index + 1 < words.count ? words[index + 1].trimming(where: \.isPunctuation).lowercased() : nil
            let endsThere = words[index].last.map { $0.isPunctuation } ?? false
            // Once the manager is »du«, their »sig« and »sin« are »dig« and »din«.
            let swapped = secondPerson(bare.lowercased(), next: endsThere ? nil : next)
                ?? (addressed && language == .danish ? Self.danishReflexives[bare.lowercased()] : nil)
            guard let swapped else { continue }
            words[index] = words[index].replacingOccurrences(of: bare, with: bare.first?.isUppercase == true ? swapped.capitalized : swapped)
            addressed = addressed || ["du", "you"].contains(swapped)
            // English: the verb with "she"/"he" takes the second person ("she sees" → "you see",
            // "does he think" → "do you think"); not across a comma, nor an adverb in "-ly".
            if language == .english, ["she", "he"].contains(bare.lowercased()) {
                let before = index > 0 ? words[index - 1].trimming(where: \.isPunctuation) : ""
                if ["is", "was", "has", "does"].contains(before.lowercased()) {
                    let verb = Self.secondPersonVerb(before.lowercased())
                    words[index - 1] = words[index - 1].replacingOccurrences(of: before, with: before.first?.isUppercase == true ? verb.capitalized : verb)
                } else if !endsThere, var verbIndex = next.map({ _ in index + 1 }) {
                    // "she always sees": the verb is after the adverb.
                    while verbIndex + 1 < words.count, Self.isEnglishAdverb(words[verbIndex].lowercased()) { verbIndex += 1 }
                    let verb = words[verbIndex].trimming(where: \.isPunctuation)
                    if !Self.englishFunctionWords.contains(verb.lowercased()) {
                        words[verbIndex] = words[verbIndex].replacingOccurrences(of: verb, with: Self.secondPersonVerb(verb.lowercased()))
                    }
                }
            }
        }
        let said = words.joined(separator: " ")
        guard asking, let first = words.first?.lowercased(), (language == .danish ? ["om"] : ["whether"]).contains(first) else { return said }
        let trimmed = said.trimming(" ?.")
        let body = trimmed.prefix(1).lowercased() + trimmed.dropFirst()
        return text("Jeg vil gerne høre, \(body).", "I'd like to hear \(body).")
    }

    /// The second-person word for a third-person one, nil when the word is not one. A Danish
    /// possessive agrees with its noun: »dit« before the neuter nouns such questions use, »dine«
    /// before a plural, »din« otherwise; English "her" is "your" before a noun, "you" at the end.
    private func secondPerson(_ word: String, next: String?) -> String? {
        if language == .danish {
            switch word {
            case "hun", "han": return "du"
            case "hende", "ham": return "dig"
            case "hendes", "hans":
                guard let noun = next else { return "din" }
                if Self.neuterNouns.contains(noun) { return "dit" }
                let plural = noun == "mål" || noun.hasSuffix("erne") || (noun.hasSuffix("er") && !Self.singularInEr.contains(noun))
                return plural ? "dine" : "din"
            default: return nil
            }
        }
        switch word {
        case "she", "he": return "you"
        case "she's", "he's": return next == "been" || next == "got" ? "you've" : "you're"
        case "she'd", "he'd": return "you'd"
        case "she'll", "he'll": return "you'll"
        case "him": return "you"
        case "his": return "your"
        case "her":
            guard let following = next, !Self.englishFunctionWords.contains(following) else { return "you" }
            return "your"
        default: return nil
        }
    }

    private static let neuterNouns: Set<String> = [
        "syn", "bud", "indtryk", "forslag", "billede", "perspektiv", "ønske", "budget", "team", "arbejde", "ansvar", "råd", "svar",
        "kendskab", "overblik", "udgangspunkt", "projekt", "job", "møde", "kursus", "netværk", "samarbejde",
    ]
    /// Nouns in »-er« that are one (»hans leder« is »din leder«).
    private static let singularInEr: Set<String> = ["leder", "chef", "kalender", "computer", "søster", "datter", "mester", "partner"]
    private static let danishReflexives = ["sig": "dig", "sin": "din", "sit": "dit", "sine": "dine"]

    private static func isEnglishAdverb(_ word: String) -> Bool {
        ["always", "also", "never", "often", "still", "really", "usually", "already", "actually", "perhaps", "sometimes", "maybe"]
            .contains(word) || (word.hasSuffix("ly") && word.count > 4)
    }
    private static let englishFunctionWords: Set<String> = ["as", "to", "for", "about", "on", "in", "if", "and", "or", "that", "with", "at"]

    private static func secondPersonVerb(_ verb: String) -> String {
        switch verb {
        case "is": return "are"
        case "was": return "were"
        case "has": return "have"
        case "does": return "do"
        default:
            if ["ches", "shes", "sses", "xes", "zes", "oes"].contains(where: verb.hasSuffix) { return String(verb.dropLast(2)) }
            if verb.hasSuffix("ies") { return String(verb.dropLast(3)) + "y" }
            return verb.hasSuffix("s") && !verb.hasSuffix("ss") ? String(verb.dropLast()) : verb
        }
    }

    /// The colleague named once as »en kollega« / "a colleague", and after that as the one already
    /// named (»kollegaen«, "the colleague"), so that two mentions do not read as two people.
    func oneColleague(_ text: String) -> String {
        let (first, again): ([String], [String]) = language == .danish
            ? (["en kollegas", "en kollega"], ["kollegaens", "kollegaen"]) : (["a colleague's", "a colleague"], ["the colleague's", "the colleague"])
        var result = text
        for (mention, later) in zip(first, again) {
            guard let firstRange = result.range(of: mention) else { continue }
            let head = result[..<firstRange.upperBound]
            result = head + result[firstRange.upperBound...].replacingOccurrences(of: mention, with: later)
        }
        return result
    }

    /// A clause of criticism about the situation, not the person (råd 9): the colleague it is about
    /// is »en kollega« / "a colleague", never »hun« or »hans«, which would point at someone.
    func withoutThePerson(_ clause: String) -> String {
        let words = clause.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        return words.indices.map { index in
            let word = words[index]
            let bare = word.trimming(where: \.isPunctuation)
            let next = index + 1 < words.count && word.last?.isPunctuation != true ? words[index + 1].lowercased() : nil
            let replacement: String? = switch (language, bare.lowercased()) {
            case (.danish, "hun"), (.danish, "han"), (.danish, "hende"), (.danish, "ham"): "en kollega"
            case (.danish, "hendes"), (.danish, "hans"): "en kollegas"
            case (.english, "she"), (.english, "he"), (.english, "him"): "a colleague"
            case (.english, "his"): "a colleague's"
            case (.english, "her"): next.map { Self.englishFunctionWords.contains($0) } ?? true ? "a colleague" : "a colleague's"
            default: nil
            }
            guard let replacement else { return word }
            let cased = index == 0 && bare.first?.isUppercase == true ? replacement.prefix(1).uppercased() + replacement.dropFirst() : replacement
            return word.replacingOccurrences(of: bare, with: cased)
        }.joined(separator: " ")
    }

    /// A sentence that goes on after a colon (`Clauses.continuing`); an English "i" typed in
    /// lowercase is given its capital, and a Danish »I« (in) loses it.
    func afterColon(_ sentence: String) -> String {
        var words = sentence.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        switch language {
        case .english: words = words.map { $0 == "i" ? "I" : $0.hasPrefix("i'") ? "I" + $0.dropFirst() : $0 }
        case .danish: if words.first == "I" { words[0] = "i" }
        }
        return Clauses.continuing(words.joined(separator: " "))
    }
}
