/// What a condition may refer to at the place it is written.
public struct ConditionScope: Sendable {
    public struct QuestionInfo: Sendable {
        public var kind: QuestionKind
        /// Position in asking order; a condition may only read questions asked before it.
        public var order: Int
        /// The list question whose per-item follow-up this is, if any.
        public var listParent: String?
        public var location: SourceLocation

        public init(kind: QuestionKind, order: Int, listParent: String?, location: SourceLocation) {
            self.kind = kind
            self.order = order
            self.listParent = listParent
            self.location = location
        }
    }

    public var questions: [String: QuestionInfo]
    /// The asking order of the question or section the condition belongs to.
    public var position: Int
    /// The question whose answer a probe looks at; nil outside probes.
    public var current: (id: String, kind: QuestionKind)?
    /// Inside a list's per-item follow-ups: that list's id.
    public var listParent: String?

    public init(questions: [String: QuestionInfo], position: Int,
                current: (id: String, kind: QuestionKind)? = nil, listParent: String? = nil) {
        self.questions = questions
        self.position = position
        self.current = current
        self.listParent = listParent
    }
}

/// A problem in a condition, at an offset (in Unicode scalars) in its source.
public struct ConditionIssue: Sendable, Equatable {
    public var code: DiagnosticCode
    public var message: String
    public var offset: Int
    public var isWarning: Bool = false
}
