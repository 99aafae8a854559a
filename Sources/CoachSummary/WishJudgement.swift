/// How well a wish is argued, and why: what a manager weighs before saying yes.
public struct WishJudgement: Codable, Equatable, Sendable {
    public enum Rating: String, Codable, Sendable {
        case strong, needsWork, weak
    }

    /// What the person said the company gains.
    public enum Benefit: String, Codable, Sendable {
        /// A gain for the work, concrete or tied to a named need.
        case given
        /// A gain, but in words that could back any wish ("bedre kvalitet", "more tasks").
        case generic
        /// An evasion or a hedge in place of a gain ("svært at sige, egentlig").
        case evasive
        /// A gain for the person only ("mostly something I find fun").
        case ownSake
        case missing

        /// Whether it can stand as the wish's argument.
        public var counts: Bool { self == .given || self == .generic }
    }

    public var rating: Rating
    public var benefit: Benefit
    /// Meets a need the person named.
    public var meetsNeed: Bool
    /// Backed by something the person has already shown.
    public var backed: Bool
    /// The ask says what, how much or when.
    public var concreteAsk: Bool
}
