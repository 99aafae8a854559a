/// Decides, where the ranges of the values make it decidable, whether a condition can ever hold.
///
/// `words < 0` never holds, nor `answer > 5` on a 1–5 scale; anything that depends on the text
/// of an answer is taken as possible.
enum Reachability {
    enum Verdict { case never, always, maybe }

    static func never(_ expression: Expression, scope: ConditionScope) -> Bool {
        verdict(expression, scope) == .never
    }

    private static func verdict(_ expression: Expression, _ scope: ConditionScope) -> Verdict {
        switch expression {
        case .and(let a, let b):
            let (x, y) = (verdict(a, scope), verdict(b, scope))
            if x == .never || y == .never { return .never }
            return x == .always && y == .always ? .always : .maybe
        case .or(let a, let b):
            let (x, y) = (verdict(a, scope), verdict(b, scope))
            if x == .always || y == .always { return .always }
            return x == .never && y == .never ? .never : .maybe
        case .not(let inner):
            switch verdict(inner, scope) {
            case .never: return .always
            case .always: return .never
            case .maybe: return .maybe
            }
        case .compare(let lhs, let op, let rhs):
            guard let a = range(lhs, scope), let b = range(rhs, scope) else { return .maybe }
            return compare(a, op, b)
        case .quality, .answered, .mentions, .probed, .hasDate:
            return .maybe
        }
    }

    private static func range(_ operand: Operand, _ scope: ConditionScope) -> ClosedRange<Double>? {
        switch operand {
        case .number(let value): return value...value
        case .measure: return 0...Double.infinity
        case .answer(let subject):
            let kind: QuestionKind? = switch subject {
            case .current: scope.current?.kind
            case .question(let id, _): scope.questions[id]?.kind
            case .item: QuestionKind.text
            }
            guard case .scale(let scale)? = kind else { return nil }
            return Double(scale.min)...Double(scale.max)
        case .text, .option: return nil
        }
    }

    private static func compare(_ a: ClosedRange<Double>, _ op: ComparisonOperator, _ b: ClosedRange<Double>) -> Verdict {
        let (possible, certain): (Bool, Bool) = switch op {
        case .less: (a.lowerBound < b.upperBound, a.upperBound < b.lowerBound)
        case .lessOrEqual: (a.lowerBound <= b.upperBound, a.upperBound <= b.lowerBound)
        case .greater: (a.upperBound > b.lowerBound, a.lowerBound > b.upperBound)
        case .greaterOrEqual: (a.upperBound >= b.lowerBound, a.lowerBound >= b.upperBound)
        case .equal: (a.overlaps(b), a.lowerBound == a.upperBound && a == b)
        case .notEqual: (!(a.lowerBound == a.upperBound && a == b), !a.overlaps(b))
        }
        return !possible ? .never : (certain ? .always : .maybe)
    }
}
