import Foundation

/// A wish's case drafted in the person's own voice: short sentences (råd 8), each built from one of
/// their answers and citing it, at most `words` in all. Where a part is missing, the sentence says
/// what to find out; it never supplies a benefit or a fact.
enum Pitch {
    /// The most words of a pitch (a paragraph with its label), and of each answer it quotes: fewer
    /// when the pitch would run over.
    static let words = 80
    static let quoteLengths = [16, 10, 6]

    static func sentences(_ wishCase: WishCase, judgement: WishJudgement, needs: [Point], evidence: [Point],
                          framework: [Point], strings: BriefStrings, topic: @escaping (String) -> Topic) -> [Point] {
        var pitch: [Point] = []
        for quoteWords in quoteLengths {
            pitch = draft(wishCase, judgement: judgement, needs: needs, evidence: evidence, framework: framework, strings: strings,
                          topic: topic, quoteWords: quoteWords)
            if count(pitch) <= words { break }
        }
        return pitch
    }

    private static func draft(_ wishCase: WishCase, judgement: WishJudgement, needs: [Point], evidence: [Point],
                              framework: [Point], strings: BriefStrings, topic: @escaping (String) -> Topic, quoteWords: Int) -> [Point] {
        let wishSources = [wishCase.list.id]
        var sentences: [Point] = []
        let detail = wishCase.detail.map { quote($0.text, limit: quoteWords) }
        sentences.append(Point(text: strings.pitchWish(wishCase.item, detail: detail), sources: wishSources + (wishCase.detail.map { [$0.id] } ?? [])))
        if let need = needs.first {
            sentences.append(Point(text: strings.pitchNeed(quote(need.text, limit: quoteWords)), sources: need.sources))
        } else {
            sentences.append(Point(text: strings.pitchFindNeed, sources: wishSources))
        }
        if judgement.benefit.counts, let benefit = wishCase.benefit {
            let gain = withoutTheNeed(quote(benefit.text, by: Sentences.gain, limit: quoteWords), need: needs.first, topic: topic)
            sentences.append(Point(text: strings.pitchBenefit(gain), sources: benefit.sources))
        } else {
            sentences.append(Point(text: strings.pitchFindBenefit(judgement.benefit), sources: wishSources + (wishCase.benefit?.sources ?? [])))
        }
        if let shown = evidence.first {
            sentences.append(Point(text: strings.pitchShown(quote(shown.text, limit: quoteWords)), sources: shown.sources))
        } else {
            sentences.append(Point(text: strings.pitchFindShown, sources: wishSources))
        }
        if let frame = framework.first {
            sentences.append(Point(text: strings.pitchFramework(quote(frame.text, by: Sentences.relatedness(to: topic(wishCase.about), topic: topic), limit: quoteWords)), sources: frame.sources))
        }
        if let takes = wishCase.takes, judgement.concreteAsk {
            sentences.append(Point(text: strings.pitchTakes(quote(takes.text, limit: quoteWords)), sources: takes.sources))
        } else {
            sentences.append(Point(text: strings.pitchFindTakes(wishCase.takes.map { quote($0.text, limit: quoteWords) }),
                                   sources: wishSources + (wishCase.takes?.sources ?? [])))
        }
        sentences.append(Point(text: strings.pitchProposal, sources: wishSources))
        var pitch = sentences.map { sentence in
            var sentence = sentence
            if let last = sentence.text.last, !".!?]»\"…".contains(last) { sentence.text += "." }
            return sentence
        }
        // Over the limit, the closing proposal goes first, then the framework (it stands in the rows).
        for leaveOut in [strings.pitchProposal, strings.pitchFramework("")] where count(pitch) > words {
            pitch.removeAll { $0.text.hasPrefix(leaveOut.trimmingSpaces) }
        }
        return pitch
    }

    /// An answer's most telling part without its hedges, at most `quoteWords` words; where it must be cut, it is cut
    /// after a clause (", ", " — ") when one ends in its second half, and marked "…".
    private static func quote(_ text: String, by score: (String) -> Int = Sentences.concreteness, limit: Int) -> String {
        let excerpt = Clauses.withoutHedges(Sentences.excerpt(text, by: score, limit: limit))
        let words = excerpt.split(whereSeparator: { $0.isWhitespace })
        guard words.count > limit else { return excerpt }
        let kept = words.prefix(limit)
        let clauseEnd = kept.indices.last { index in index >= limit / 2 && (kept[index].hasSuffix(",") || (index + 1 < words.count && words[index + 1] == "—")) }
        let cut = clauseEnd.map { kept[...$0] } ?? kept
        return cut.joined(separator: " ").trimming(",") + " …"
    }

    /// The gain without the clauses that only restate the need it answers ("Virksomheden mangler
    /// arkitekter, og bedre design giver …" gains "bedre design giver …"): the need has its own sentence.
    private static func withoutTheNeed(_ gain: String, need: Point?, topic: (String) -> Topic) -> String {
        guard let need else { return gain }
        let clauses = gain.components(separatedBy: ", ")
        let needTopic = topic(need.text)
        let kept = clauses.filter { Clauses.saysAConsequence($0) || !topic($0).overlaps(needTopic) }
        guard !kept.isEmpty, kept.count < clauses.count else { return gain }
        // Quoted as said, without the »og« that joined it to the need.
        let joined = kept.joined(separator: ", ")
        let first = joined.prefix { !$0.isWhitespace }.lowercased()
        return ["og", "and", "men", "but"].contains(first) ? String(joined.drop { !$0.isWhitespace }.dropFirst()) : joined
    }

    private static func count(_ pitch: [Point]) -> Int {
        pitch.reduce(0) { $0 + Clauses.words($1.text) }
    }
}
