import CoachText

/// Parses and checks a condition against its scope in one pass:
///
///     expr    := and ("or" and)*
///     and     := unary ("and" unary)*
///     unary   := "not" unary | "(" expr ")" | operand (cmp operand)?
///     operand := NUMBER | STRING | NAME | NAME "(" args ")"
///     cmp     := "==" | "!=" | "<" | "<=" | ">" | ">="
public struct ConditionParser {
    private var tokens: [ConditionToken] = []
    private var index = 0
    private let scope: ConditionScope
    private let language: Language
    private var issues: [ConditionIssue] = []
    private var references: [String] = []

    /// The result: an expression when it parsed and checked cleanly, and every issue found.
    public struct Result: Sendable {
        public var expression: Expression?
        public var issues: [ConditionIssue]
        public var references: [String]
    }

    public static func parse(_ source: String, scope: ConditionScope, language: Language) -> Result {
        var parser = ConditionParser(scope: scope, language: language)
        return parser.run(source)
    }

    private init(scope: ConditionScope, language: Language) {
        self.scope = scope
        self.language = language
    }

    private mutating func run(_ source: String) -> Result {
        do throws(ConditionSyntaxError) {
            tokens = try ConditionLexer.tokens(source)
            guard tokens.count > 1 else {
                throw ConditionSyntaxError(message: "empty condition", offset: 0)
            }
            let typed = try parseOr()
            guard case .end = peek.kind else {
                throw ConditionSyntaxError(message: "unexpected \(describe(peek)) after the condition", offset: peek.offset)
            }
            if case .value = typed.type {
                issues.append(ConditionIssue(code: .conditionType,
                                             message: "a condition must be true or false; compare the value with '==' or another operator",
                                             offset: 0))
            }
            let expression = issues.isEmpty ? typed.boolean : nil
            if let expression, Reachability.never(expression, scope: scope) {
                issues.append(ConditionIssue(code: .conditionNeverHolds, message: "this condition can never hold",
                                             offset: 0, isWarning: true))
            }
            return Result(expression: expression, issues: issues, references: references)
        } catch {
            issues.append(ConditionIssue(code: .conditionSyntax, message: error.message, offset: error.offset))
            return Result(expression: nil, issues: issues, references: references)
        }
    }

    // MARK: - Grammar

    /// An intermediate result: either a boolean expression or a value operand awaiting comparison.
    private struct Typed {
        /// `unknown` follows a name already reported, so one typo gives one diagnostic.
        enum Kind { case boolean, value(ValueType), unknown }
        var type: Kind
        var boolean: Expression
        var operand: Operand
        var offset: Int

        static func boolean(_ expression: Expression, at offset: Int) -> Typed {
            Typed(type: .boolean, boolean: expression, operand: .number(0), offset: offset)
        }

        static func value(_ operand: Operand, _ type: ValueType, at offset: Int) -> Typed {
            Typed(type: .value(type), boolean: .answered(.current), operand: operand, offset: offset)
        }
    }

    private var peek: ConditionToken { tokens[index] }

    private mutating func advance() -> ConditionToken {
        defer { index = min(index + 1, tokens.count - 1) }
        return tokens[index]
    }

    private mutating func parseOr() throws(ConditionSyntaxError) -> Typed {
        var left = try parseAnd()
        while case .or = peek.kind {
            _ = advance()
            let right = try parseAnd()
            left = .boolean(.or(requireBoolean(left), requireBoolean(right)), at: left.offset)
        }
        return left
    }

    private mutating func parseAnd() throws(ConditionSyntaxError) -> Typed {
        var left = try parseUnary()
        while case .and = peek.kind {
            _ = advance()
            let right = try parseUnary()
            left = .boolean(.and(requireBoolean(left), requireBoolean(right)), at: left.offset)
        }
        return left
    }

    private mutating func parseUnary() throws(ConditionSyntaxError) -> Typed {
        let token = peek
        switch token.kind {
        case .not:
            _ = advance()
            let inner = try parseUnary()
            return .boolean(.not(requireBoolean(inner)), at: token.offset)
        case .leftParen:
            _ = advance()
            let inner = try parseOr()
            guard case .rightParen = advance().kind else {
                throw ConditionSyntaxError(message: "expected ')' to close the '(' at column offset \(token.offset + 1)", offset: tokens[index].offset)
            }
            return inner
        default:
            let left = try parseOperand()
            guard case .comparison(let op) = peek.kind else { return left }
            _ = advance()
            let right = try parseOperand(comparedWith: left)
            return .boolean(compare(left, op, right), at: left.offset)
        }
    }

    private mutating func parseOperand(comparedWith left: Typed? = nil) throws(ConditionSyntaxError) -> Typed {
        let token = advance()
        switch token.kind {
        case .number(let value):
            return .value(.number(value), .number(value...value), at: token.offset)
        case .string(let text):
            return .value(.text(text), .text, at: token.offset)
        case .identifier(let name):
            if case .leftParen = peek.kind { return try parseCall(name, at: token.offset) }
            return resolveName(name, at: token.offset, comparedWith: left)
        default:
            throw ConditionSyntaxError(message: "expected a value, a question id or a test, found \(describe(token))", offset: token.offset)
        }
    }

    // MARK: - Names and calls

    private mutating func resolveName(_ name: String, at offset: Int, comparedWith left: Typed?) -> Typed {
        if let left, case .unknown = left.type { return placeholder(at: offset) }
        if let left, case .value(.option(let questionID, let optionIDs)) = left.type {
            if !optionIDs.contains(name) {
                issue(.unknownOption, "'\(name)' is not an option of '\(questionID)'\(suggestion(name, among: optionIDs))", at: offset)
            }
            return .value(.option(name), .option(questionID: questionID, optionIDs: optionIDs), at: offset)
        }
        if let left, case .value(let leftType) = left.type, scope.questions[name] == nil, !Self.keywords.contains(name) {
            issue(.conditionType, "cannot compare \(leftType.name) with '\(name)', which is neither a question nor an option", at: offset)
            return placeholder(at: offset)
        }
        switch name {
        case "answer":
            guard let current = currentQuestion(for: name, at: offset) else { return placeholder(at: offset) }
            return .value(.answer(.current), ValueType(kind: current.kind, id: current.id), at: offset)
        case "words", "chars":
            _ = currentQuestion(for: name, at: offset)
            return .value(.measure(Measure(rawValue: name)!, .current), .number(0...Double.infinity), at: offset)
        case "probed":
            _ = currentQuestion(for: name, at: offset)
            return .boolean(.probed, at: offset)
        case "has_date":
            _ = currentQuestion(for: name, at: offset)
            return .boolean(.hasDate(.current), at: offset)
        default:
            if let test = QualityTest(rawValue: name) {
                _ = currentQuestion(for: name, at: offset)
                return .boolean(.quality(test, .current), at: offset)
            }
            guard let (subject, kind) = question(name, at: offset) else { return placeholder(at: offset) }
            return .value(.answer(subject), ValueType(kind: kind, id: name), at: offset)
        }
    }

    private static let keywords: Set<String> = Set(["answer", "words", "chars", "probed", "has_date"] + QualityTest.allCases.map(\.rawValue))

    private mutating func parseCall(_ name: String, at offset: Int) throws(ConditionSyntaxError) -> Typed {
        _ = advance()
        var arguments: [ConditionToken] = []
        if case .rightParen = peek.kind {} else {
            repeat {
                let argument = advance()
                switch argument.kind {
                case .identifier, .string, .number: arguments.append(argument)
                default: throw ConditionSyntaxError(message: "expected an argument, found \(describe(argument))", offset: argument.offset)
                }
                guard case .comma = peek.kind else { break }
                _ = advance()
            } while true
        }
        guard case .rightParen = advance().kind else {
            throw ConditionSyntaxError(message: "expected ')' to close the call to '\(name)'", offset: tokens[index].offset)
        }

        if name == "mentions" {
            return mentions(arguments, at: offset)
        }
        guard arguments.count == 1, case .identifier(let questionID) = arguments[0].kind else {
            throw ConditionSyntaxError(message: "'\(name)(…)' takes one question id", offset: offset)
        }
        let subjectOffset = arguments[0].offset
        // `item` in a list's follow-ups is the item they are about, unless a question has that id.
        if questionID == "item", scope.questions["item"] == nil, let list = scope.listParent, let listInfo = scope.questions[list] {
            let item = Subject.item(ofList: list, index: listInfo.order)
            if let test = QualityTest(rawValue: name) { return .boolean(.quality(test, item), at: offset) }
            if name == "has_date" { return .boolean(.hasDate(item), at: offset) }
            if let measure = Measure(rawValue: name), name == "words" || name == "chars" {
                return .value(.measure(measure, item), .number(0...Double.infinity), at: offset)
            }
        }
        if let test = QualityTest(rawValue: name) {
            guard let (subject, kind) = question(questionID, at: subjectOffset) else { return placeholder(at: offset) }
            requireTextual(kind, questionID, for: name, at: subjectOffset)
            return .boolean(.quality(test, subject), at: offset)
        }
        switch name {
        case "has_date":
            guard let (subject, kind) = question(questionID, at: subjectOffset) else { return placeholder(at: offset) }
            requireTextual(kind, questionID, for: name, at: subjectOffset)
            return .boolean(.hasDate(subject), at: offset)
        case "answered":
            guard let (subject, _) = question(questionID, at: subjectOffset) else { return placeholder(at: offset) }
            return .boolean(.answered(subject), at: offset)
        case "words", "chars":
            guard let (subject, kind) = question(questionID, at: subjectOffset) else { return placeholder(at: offset) }
            requireTextual(kind, questionID, for: name, at: subjectOffset)
            return .value(.measure(Measure(rawValue: name)!, subject), .number(0...Double.infinity), at: offset)
        case "count":
            guard let (subject, kind) = question(questionID, at: subjectOffset) else { return placeholder(at: offset) }
            if kind != .list { issue(.conditionType, "'count(…)' needs a list question; '\(questionID)' is \(kind.name)", at: subjectOffset) }
            return .value(.measure(.count, subject), .number(0...Double.infinity), at: offset)
        default:
            let known = ["mentions", "answered", "words", "chars", "count", "has_date"] + QualityTest.allCases.map(\.rawValue)
            throw ConditionSyntaxError(message: "unknown function '\(name)'\(suggestion(name, among: known))", offset: offset)
        }
    }

    private mutating func mentions(_ arguments: [ConditionToken], at offset: Int) -> Typed {
        var subject = Subject.current
        var namesAQuestion = false
        var phrases: [String] = []
        for (position, argument) in arguments.enumerated() {
            switch argument.kind {
            case .identifier(let questionID) where position == 0:
                namesAQuestion = true
                if let (named, kind) = question(questionID, at: argument.offset) {
                    requireTextual(kind, questionID, for: "mentions", at: argument.offset)
                    subject = named
                }
            case .string(let phrase) where !phrase.isEmpty:
                phrases.append(phrase)
            default:
                issue(.conditionSyntax, "mentions takes an optional question id, then one or more non-empty \"words\"", at: argument.offset)
            }
        }
        if !namesAQuestion { _ = currentQuestion(for: "mentions", at: offset) }
        if phrases.isEmpty { issue(.conditionSyntax, "mentions needs at least one \"word\"", at: offset) }
        return .boolean(.mentions(subject, MentionMatcher(phrases: phrases, language: language)), at: offset)
    }

    // MARK: - Checks

    private mutating func currentQuestion(for name: String, at offset: Int) -> (id: String, kind: QuestionKind)? {
        guard let current = scope.current else {
            issue(.currentAnswerOutsideProbe,
                  "'\(name)' means the answer just given and works only in a probe's 'if'; name the question, e.g. '\(name)(question-id)'",
                  at: offset)
            return nil
        }
        return current
    }

    /// The question `id` names, resolved to its number in asking order, and its kind; nil (with the
    /// issue reported) when no question has that id.
    private mutating func question(_ id: String, at offset: Int) -> (subject: Subject, kind: QuestionKind)? {
        guard let info = scope.questions[id] else {
            issue(.unknownQuestion, "unknown question '\(id)'\(suggestion(id, among: Array(scope.questions.keys)))", at: offset)
            return nil
        }
        references.append(id)
        if let parent = info.listParent, parent != scope.listParent {
            issue(.perItemQuestionOutsideList,
                  "'\(id)' is asked once per item of '\(parent)' and can only be read by that list's follow-ups", at: offset)
        } else if info.order >= scope.position && id != scope.current?.id {
            issue(.questionAskedLater, "'\(id)' is asked later (\(info.location)), so its answer is not known here", at: offset)
        }
        return (.question(id, index: info.order), info.kind)
    }

    private mutating func requireTextual(_ kind: QuestionKind, _ id: String, for name: String, at offset: Int) {
        if case .text = kind { return }
        if case .list = kind { return }
        issue(.conditionType, "'\(name)' reads text, but '\(id)' is a \(kind.name) question", at: offset)
    }

    private mutating func requireBoolean(_ typed: Typed) -> Expression {
        if case .value = typed.type {
            issue(.conditionType, "expected a test (true or false) here, not a value; compare it with '==' or another operator", at: typed.offset)
        }
        return typed.boolean
    }

    private mutating func compare(_ left: Typed, _ op: ComparisonOperator, _ right: Typed) -> Expression {
        let expression = Expression.compare(left.operand, op, right.operand)
        if case .unknown = left.type { return expression }
        if case .unknown = right.type { return expression }
        guard case .value(let leftType) = left.type, case .value(let rightType) = right.type else {
            let offending = { if case .boolean = left.type { left } else { right } }()
            issue(.conditionType, "a test (true or false) cannot be compared; use 'and', 'or' or 'not'", at: offending.offset)
            return expression
        }
        switch (leftType, rightType) {
        case (.number, .number):
            break
        case (.text, .text):
            if !op.isEquality { issue(.conditionType, "text can only be compared with '==' or '!='", at: right.offset) }
        case (.option, .option):
            if !op.isEquality { issue(.conditionType, "options can only be compared with '==' or '!='", at: right.offset) }
        case (.list, _), (_, .list):
            issue(.conditionType, "a list cannot be compared; use 'count(…)' or 'mentions(…)'", at: left.offset)
        default:
            issue(.conditionType, "cannot compare \(leftType.name) with \(rightType.name)", at: right.offset)
        }
        return expression
    }

    private mutating func issue(_ code: DiagnosticCode, _ message: String, at offset: Int) {
        issues.append(ConditionIssue(code: code, message: message, offset: offset))
    }

    private func placeholder(at offset: Int) -> Typed {
        Typed(type: .unknown, boolean: .answered(.current), operand: .number(0), offset: offset)
    }

    private func describe(_ token: ConditionToken) -> String {
        switch token.kind {
        case .identifier(let name): "'\(name)'"
        case .number(let value): "the number \(value)"
        case .string(let text): "the string \"\(text)\""
        case .comparison(let op): "'\(op.rawValue)'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .comma: "','"
        case .and: "'and'"
        case .or: "'or'"
        case .not: "'not'"
        case .end: "the end of the condition"
        }
    }
}

/// The type of a value operand, for checking comparisons and deciding reachability.
enum ValueType {
    case number(ClosedRange<Double>)
    case text
    case option(questionID: String, optionIDs: [String])
    case list

    init(kind: QuestionKind, id: String) {
        switch kind {
        case .text: self = .text
        case .yesNo: self = .option(questionID: id, optionIDs: ["yes", "no"])
        case .choice(let options): self = .option(questionID: id, optionIDs: options.map(\.id))
        case .scale(let scale): self = .number(Double(scale.min)...Double(scale.max))
        case .list: self = .list
        }
    }

    var name: String {
        switch self {
        case .number: "a number"
        case .text: "text"
        case .option: "an option"
        case .list: "a list"
        }
    }
}
