/// A wish's case drafted in the person's own voice: short sentences (råd 8), each built from one of
/// their answers and citing it. Where a part is missing, the sentence says what to find out; it never
/// supplies a benefit or a fact.
enum Pitch {
    static func sentences(_ wishCase: WishCase, judgement: WishJudgement, needs: [Point], evidence: [Point],
                          framework: [Point], strings: BriefStrings, topic: @escaping (String) -> Topic) -> [Point] {
        let wishSources = [wishCase.list.id]
        var sentences: [Point] = []
        let detail = wishCase.detail.map { Sentences.excerpt($0.text) }
        sentences.append(Point(text: strings.pitchWish(wishCase.item, detail: detail), sources: wishSources + (wishCase.detail.map { [$0.id] } ?? [])))
        if let need = needs.first {
            sentences.append(Point(text: strings.pitchNeed(need.text), sources: need.sources))
        } else {
            sentences.append(Point(text: strings.pitchFindNeed, sources: wishSources))
        }
        if judgement.benefit.counts, let benefit = wishCase.benefit {
            sentences.append(Point(text: strings.pitchBenefit(Sentences.excerpt(benefit.text, by: Sentences.gain)), sources: benefit.sources))
        } else {
            sentences.append(Point(text: strings.pitchFindBenefit(judgement.benefit), sources: wishSources + (wishCase.benefit?.sources ?? [])))
        }
        if let shown = evidence.first {
            sentences.append(Point(text: strings.pitchShown(Sentences.excerpt(shown.text)), sources: shown.sources))
        } else {
            sentences.append(Point(text: strings.pitchFindShown, sources: wishSources))
        }
        if let frame = framework.first {
            sentences.append(Point(text: strings.pitchFramework(Sentences.excerpt(frame.text, by: Sentences.relatedness(to: topic(wishCase.about), topic: topic))), sources: frame.sources))
        }
        if let takes = wishCase.takes, judgement.concreteAsk {
            sentences.append(Point(text: strings.pitchTakes(Sentences.excerpt(takes.text)), sources: takes.sources))
        } else {
            sentences.append(Point(text: strings.pitchFindTakes(wishCase.takes.map { Sentences.excerpt($0.text) }),
                                   sources: wishSources + (wishCase.takes?.sources ?? [])))
        }
        sentences.append(Point(text: strings.pitchProposal, sources: wishSources))
        return sentences.map { sentence in
            var sentence = sentence
            if let last = sentence.text.last, !".!?]»\"…".contains(last) { sentence.text += "." }
            return sentence
        }
    }
}
