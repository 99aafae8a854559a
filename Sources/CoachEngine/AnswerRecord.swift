import CoachScript

/// One answered (or skipped) question: the unit that going back undoes.
public struct AnswerRecord: Hashable, Sendable {
    public struct ProbeAnswer: Hashable, Sendable {
        /// Index into the question's probes.
        public var probe: Int
        public var text: String
    }

    /// Index into `ScriptProgram.questions`.
    public var question: Int
    /// For a per-item follow-up: which item of its list (0-based); otherwise -1.
    public var item: Int
    /// The option index, the scale number, or 1/0 for yes/no; -1 for text, lists and skips.
    public var choice: Int
    public var isSkipped: Bool
    /// What was written: the answer itself, or a list's items one per line.
    public var text: String
    public var probeAnswers: [ProbeAnswer]
    public var at: Timestamp

    /// A list's items.
    public var items: [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The answer with its probe answers, as text analysis reads it.
    public var fullText: String {
        probeAnswers.isEmpty ? text : ([text] + probeAnswers.map(\.text)).joined(separator: "\n")
    }
}
