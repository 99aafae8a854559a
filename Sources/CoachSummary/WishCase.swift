import CoachText

/// What the person said about one wish, read together: the parts a manager weighs, and the
/// judgement drawn from them.
struct WishCase {
    let list: Answer
    let index: Int
    let item: String
    let detail: Answer?
    let why: Answer?
    let benefit: Answer?
    let shown: Answer?
    let takes: Answer?

    /// What the wish is and what it is for, for matching it with needs and the framework.
    var about: String {
        ([item] + [detail, why, benefit].compactMap { $0?.text }).joined(separator: " ")
    }

    /// All the person said about the wish, what they have shown included: for finding the results that back it.
    var aboutWithEvidence: String { about + " " + (shown?.text ?? "") }

    /// The benefit's verdict: an evasion or a gain for the person alone is not an argument, however
    /// it is worded; a gain that is concrete, or that meets a named need, is.
    func benefitVerdict(meetsNeed: Bool) -> WishJudgement.Benefit {
        guard let benefit else { return .missing }
        let text = benefit.analysable
        let quality = AnswerQuality(of: text)
        if Phrases.ownSake.occurs(in: text) && !(quality.hasNumber && meetsNeed) { return .ownSake }
        if Phrases.evasion.occurs(in: text) && !quality.hasNumber { return .evasive }
        return !quality.isVague || meetsNeed ? .given : .generic
    }

    /// What they have shown themselves: an answer that says there is nothing yet does not count.
    var hasOwnEvidence: Bool {
        guard let shown else { return false }
        let text = shown.analysable
        let tokens = Tokenizer.tokens(in: text).map(\.text)
        let saysNothing = Phrases.nothing.occurs(in: Array(tokens.prefix(3))) && AnswerQuality(of: text).isVague
        return !saysNothing && !Phrases.evasion.occurs(in: text)
    }

    /// The ask says what, how much or when.
    var isConcreteAsk: Bool {
        !AnswerQuality(of: ([item] + [detail, takes].compactMap { $0?.analysable }).joined(separator: "\n")).isVague
    }

    /// Weak when the benefit is no argument or at most one of the four holds (a concrete gain, a need
    /// met, backing, a concrete ask); strong when the gain is given and backed and three hold.
    func judgement(meetsNeed: Bool, relatedResults: Int) -> WishJudgement {
        let benefit = benefitVerdict(meetsNeed: meetsNeed)
        let backed = hasOwnEvidence || relatedResults > 0
        let concrete = isConcreteAsk
        let concreteGain = benefit == .given && !(self.benefit.map { AnswerQuality(of: $0.analysable).isVague } ?? true)
        let holding = [concreteGain, meetsNeed, backed, concrete].filter { $0 }.count
        let rating: WishJudgement.Rating
        if !benefit.counts || holding <= 1 {
            rating = .weak
        } else if benefit == .given && backed && holding >= 3 {
            rating = .strong
        } else {
            rating = .needsWork
        }
        return WishJudgement(rating: rating, benefit: benefit, meetsNeed: meetsNeed, backed: backed, concreteAsk: concrete)
    }
}
