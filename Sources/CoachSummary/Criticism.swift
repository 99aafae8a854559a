import Foundation
import CoachText

/// Criticism of a person is never a talking point (the guide's råd 9): a sentence that judges
/// someone is left out, and what remains of the answer — what happens, how it affects the work —
/// is what the brief may quote.
enum Criticism {
    /// Whether a sentence of `text` judges a person. A phrase found in no part of the whole text is
    /// in none of its sentences, so most answers are read once, not sentence by sentence.
    static func isPersonal(_ text: String) -> Bool {
        Phrases.personal.occurs(in: text) && Sentences.split(text).contains { Phrases.personal.occurs(in: $0) }
    }

    /// The answer without what judges a person: in a sentence that does, the clauses that judge go
    /// and the facts around them stay (»…, så er det os der tager hendes første 2 besøg« is what
    /// råd 9 asks to say); punctuation and wording otherwise kept.
    static func professional(_ text: String) -> String {
        guard Phrases.personal.occurs(in: text) else { return text }
        let sentences = Sentences.split(text)
        guard sentences.contains(where: { Phrases.personal.occurs(in: $0) }) else { return text }
        return sentences.compactMap { sentence -> String? in
            guard Phrases.personal.occurs(in: sentence) else { return sentence }
            let kept = sentence.components(separatedBy: ", ").filter { !Phrases.personal.occurs(in: $0) }
            guard !kept.isEmpty else { return nil }
            let joined = kept.joined(separator: ", ")
            return joined.last.map { ".!?".contains($0) } == true ? joined : joined + "."
        }.joined(separator: " ")
    }
}

extension Sentences {
    /// How much of what makes an answer concrete a sentence holds: a number that measures counts
    /// most, then a name or an example, a time frame, a gain.
    static func concreteness(_ sentence: String) -> Int {
        let quality = AnswerQuality(of: sentence)
        return (quality.hasNumber ? 3 : 0) + (quality.hasExample ? 1 : 0) + (quality.hasTime ? 1 : 0) + (quality.hasBenefit ? 1 : 0)
    }

    /// The sentence scoring highest, the one with more words on a tie; the whole text when it is one sentence.
    /// A short reply to a follow-up ("Omkring fem timer om ugen") says little alone: it is quoted after
    /// the sentence it answers.
    static func best(in text: String, by score: (String) -> Int = concreteness) -> String {
        let parts = text.components(separatedBy: " — ").map(split)
        let sentences = parts.flatMap { $0 }
        guard sentences.count > 1 else { return text }
        func words(_ sentence: String) -> Int { sentence.split(separator: " ").count }
        func total(_ sentence: String) -> Int { score(sentence) * 100 + min(words(sentence), 99) }
        guard let best = sentences.indices.max(by: { total(sentences[$0]) < total(sentences[$1]) }) else { return text }
        let opensAReply = parts.indices.dropFirst().contains { part in
            parts[part].first != nil && parts[..<part].reduce(0) { $0 + $1.count } == best
        }
        if opensAReply && words(sentences[best]) <= 10 && best > 0 && words(sentences[best - 1]) >= 3 {
            return sentences[best - 1] + " — " + sentences[best]
        }
        return sentences[best]
    }

    /// The most concrete sentence.
    static func mostConcrete(in text: String) -> String { best(in: text) }

    /// For what a wish gains: an amount of money counts on top of being concrete, so that
    /// "så er det cirka 400.000 kr. mere i dækningsbidrag" is quoted before the discount it follows from.
    static func gain(_ sentence: String) -> Int {
        concreteness(sentence) + (Phrases.money.occurs(in: sentence) ? 2 : 0)
    }
}

extension Sentences {
    /// A score for sentences by the content words they share with a topic, concreteness breaking ties.
    static func relatedness(to other: Topic, topic: @escaping (String) -> Topic) -> (String) -> Int {
        { sentence in topic(sentence).shared(with: other) * 10 + concreteness(sentence) }
    }
}

extension Sentences {
    /// A quotable length for the pitch and the agenda (råd 8: answer precisely, no long explanations).
    static let quoteWords = 32

    /// The best sentence by `score`, or, when it runs past `quoteWords`, the run of its comma-separated
    /// clauses around the best one that fits, marked with "…" where words are left out.
    static func excerpt(_ text: String, by score: (String) -> Int = concreteness, limit quoteWords: Int = quoteWords) -> String {
        let sentence = best(in: text, by: score)
        func words(_ text: String) -> Int { text.split(separator: " ").count }
        guard words(sentence) > quoteWords else { return sentence }
        let clauses = sentence.components(separatedBy: ", ")
        guard clauses.count > 1 else { return sentence }
        let best = clauses.firstIndex(of: Sentences.best(in: clauses.joined(separator: "\n"), by: score)) ?? 0
        var range = best...best
        var count = words(clauses[best])
        while true {
            let before = range.lowerBound - 1, after = range.upperBound + 1
            if before >= 0, count + words(clauses[before]) <= quoteWords {
                count += words(clauses[before])
                range = before...range.upperBound
            } else if after < clauses.count, count + words(clauses[after]) <= quoteWords {
                count += words(clauses[after])
                range = range.lowerBound...after
            } else {
                break
            }
        }
        var quoted = clauses[range].joined(separator: ", ")
        if range.lowerBound > 0 { quoted = "… " + quoted }
        if range.upperBound < clauses.count - 1 { quoted = quoted.trimming(" .,") + " …" }
        return quoted
    }
}
