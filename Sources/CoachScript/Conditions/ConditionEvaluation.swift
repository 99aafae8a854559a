import CoachText

/// A checked answer, as conditions and templates read it.
public enum AnswerValue: Sendable, Equatable, Hashable {
    case text(String)
    case option(String)
    case number(Int)
    case list([String])
}

/// Where a condition reads answers from; the engine provides one over its state.
public protocol ConditionContext {
    /// The answer's value, or nil when the question was skipped, not reached, or not asked.
    func value(of subject: Subject) -> AnswerValue?
    /// Everything written in answer to it, probe answers included.
    func text(of subject: Subject) -> String?
    /// The concreteness of `text(of:)`; a context may cache it.
    func quality(of subject: Subject) -> AnswerQuality?
    /// Whether `text(of:)` mentions what `matcher` looks for; false without an answer.
    func mentions(_ matcher: MentionMatcher, in subject: Subject) -> Bool
    /// In a probe: whether the answer just given has had a probe answered already.
    var isProbed: Bool { get }
}

extension ConditionContext {
    public func quality(of subject: Subject) -> AnswerQuality? {
        text(of: subject).map { AnswerQuality(of: $0) }
    }

    public func mentions(_ matcher: MentionMatcher, in subject: Subject) -> Bool {
        text(of: subject).map(matcher.matches) ?? false
    }
}

extension Expression {
    /// Which measures of `subject`'s text evaluating it reads (`vague`, `words < 8`, …), so that
    /// the analysis is made once up front and stops when they are known; nil when it reads none.
    public func qualityNeeds(of subject: Subject) -> QualityNeeds? {
        var reads = QualityReads()
        reads.collect(self, subject: subject)
        return reads.needs
    }

    /// Inlinable so that it is specialised for the engine's context rather than run through witness tables.
    @inlinable
    public func holds(in context: some ConditionContext) -> Bool {
        switch self {
        case .and(let a, let b): return a.holds(in: context) && b.holds(in: context)
        case .or(let a, let b): return a.holds(in: context) || b.holds(in: context)
        case .not(let inner): return !inner.holds(in: context)
        case .answered(let subject): return context.value(of: subject) != nil
        case .quality(let test, let subject):
            guard let quality = context.quality(of: subject) else { return false }
            return test.holds(for: quality)
        case .mentions(let subject, let matcher):
            return context.mentions(matcher, in: subject)
        case .probed:
            return context.isProbed
        case .hasDate(let subject):
            return context.text(of: subject).map { WrittenDate.first(in: $0) != nil } ?? false
        case .compare(let lhs, let op, let rhs):
            // An unanswered question makes every comparison false, `!=` included: skipping
            // "Kan du nå dine deadlines?" must not bring on "Hvad gør, at deadlines skrider?".
            guard let a = lhs.resolve(in: context), let b = rhs.resolve(in: context) else { return false }
            return Self.compare(a, op, b)
        }
    }

    @usableFromInline
    static func compare(_ a: Resolved, _ op: ComparisonOperator, _ b: Resolved) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return op.holds(x, y)
        case (.text(let x), .text(let y)):
            let equal = Folding.fold(x) == Folding.fold(y)
            return op == .equal ? equal : !equal
        case (.option(let x), .option(let y)): return op == .equal ? x == y : x != y
        default: return false
        }
    }
}

@usableFromInline
enum Resolved {
    case number(Double)
    case text(String)
    case option(String)
}

extension Operand {
    func isWordCount(of subject: Subject) -> Bool {
        if case .measure(.words, let target) = self { target == subject } else { false }
    }

    @inlinable
    func resolve(in context: some ConditionContext) -> Resolved? {
        switch self {
        case .number(let value): return .number(value)
        case .text(let text): return .text(text)
        case .option(let id): return .option(id)
        case .answer(let subject):
            switch context.value(of: subject) {
            case .text(let text)?: return .text(text)
            case .option(let id)?: return .option(id)
            case .number(let value)?: return .number(Double(value))
            case .list?, nil: return nil
            }
        case .measure(.words, let subject):
            return context.quality(of: subject).map { .number(Double($0.words)) }
        case .measure(.chars, let subject):
            return context.text(of: subject).map { .number(Double($0.trimmingCharactersInWhitespace().count)) }
        case .measure(.count, let subject):
            if case .list(let items)? = context.value(of: subject) { return .number(Double(items.count)) }
            return nil
        }
    }
}

extension String {
    @usableFromInline
    func trimmingCharactersInWhitespace() -> Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespaceFast }),
              let last = scalars.lastIndex(where: { !$0.isWhitespaceFast }) else { return "" }
        return Substring(scalars[first...last])
    }
}

/// What an expression reads of one subject's analysis, gathered by walking it.
private struct QualityReads {
    var any = false
    var wordLimit = 0
    var cues: QualityNeeds.Cues = []
    var readsVague = false
    var readsSingleCue = false

    var needs: QualityNeeds? {
        any ? QualityNeeds(wordLimit: wordLimit, cues: cues, anyCueSettles: readsVague && !readsSingleCue) : nil
    }

    mutating func collect(_ expression: Expression, subject: Subject) {
        switch expression {
        case .and(let a, let b), .or(let a, let b):
            collect(a, subject: subject)
            collect(b, subject: subject)
        case .not(let inner):
            collect(inner, subject: subject)
        case .quality(let test, let target) where target == subject:
            any = true
            if test == .vague { readsVague = true } else { readsSingleCue = true }
            cues.formUnion(test.cue)
        case .compare(let lhs, _, let rhs):
            for (side, other) in [(lhs, rhs), (rhs, lhs)] where side.isWordCount(of: subject) {
                any = true
                // Counts above a constant n all compare alike with it: counting to n + 1 tells them apart.
                if case .number(let bound) = other, bound.isFinite, bound < Double(Int32.max) {
                    wordLimit = max(wordLimit, Int(max(0, bound.rounded(.down))) + 1)
                } else {
                    wordLimit = .max
                }
            }
        case .quality, .answered, .mentions, .probed, .hasDate:
            break
        }
    }
}
