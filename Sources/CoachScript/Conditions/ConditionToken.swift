/// A lexical token of the condition language, with its offset (in Unicode scalars) in the source.
struct ConditionToken: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        case number(Double)
        case string(String)
        case comparison(ComparisonOperator)
        case leftParen, rightParen, comma
        case and, or, not
        case end
    }

    var kind: Kind
    var offset: Int
}

public enum ComparisonOperator: String, Sendable, Equatable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    @usableFromInline
    func holds(_ lhs: Double, _ rhs: Double) -> Bool {
        switch self {
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        }
    }

    var isEquality: Bool { self == .equal || self == .notEqual }
}

struct ConditionSyntaxError: Error, Equatable {
    var message: String
    var offset: Int
}

enum ConditionLexer {
    static func tokens(_ source: String) throws(ConditionSyntaxError) -> [ConditionToken] {
        let scalars = Array(source.unicodeScalars)
        var tokens: [ConditionToken] = []
        var index = 0
        func isIdentifierStart(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s == "_" }
        func isIdentifierPart(_ s: Unicode.Scalar) -> Bool {
            s.properties.isAlphabetic || s == "_" || s == "-" || ("0"..."9").contains(s)
        }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

        while index < scalars.count {
            let scalar = scalars[index]
            let start = index
            if scalar.properties.isWhitespace { index += 1; continue }
            if isIdentifierStart(scalar) {
                while index < scalars.count && isIdentifierPart(scalars[index]) { index += 1 }
                // A trailing hyphen belongs to no identifier ("a- b" is a typo, not an id).
                while scalars[index - 1] == "-" { index -= 1 }
                let word = String(String.UnicodeScalarView(scalars[start..<index]))
                let kind: ConditionToken.Kind = switch word {
                case "and": .and
                case "or": .or
                case "not": .not
                default: .identifier(word)
                }
                tokens.append(ConditionToken(kind: kind, offset: start))
                continue
            }
            if isDigit(scalar) || (scalar == "-" && index + 1 < scalars.count && isDigit(scalars[index + 1])) {
                index += 1
                while index < scalars.count && (isDigit(scalars[index]) || scalars[index] == ".") { index += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                guard let value = Double(text) else {
                    throw ConditionSyntaxError(message: "'\(text)' is not a number", offset: start)
                }
                tokens.append(ConditionToken(kind: .number(value), offset: start))
                continue
            }
            if scalar == "\"" || scalar == "'" {
                index += 1
                var text = String.UnicodeScalarView()
                while index < scalars.count && scalars[index] != scalar {
                    text.append(scalars[index])
                    index += 1
                }
                guard index < scalars.count else {
                    throw ConditionSyntaxError(message: "unterminated string", offset: start)
                }
                index += 1
                tokens.append(ConditionToken(kind: .string(String(text)), offset: start))
                continue
            }
            let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
            let kind: ConditionToken.Kind
            switch (scalar, next) {
            case ("=", "="): kind = .comparison(.equal); index += 2
            case ("!", "="): kind = .comparison(.notEqual); index += 2
            case ("<", "="): kind = .comparison(.lessOrEqual); index += 2
            case (">", "="): kind = .comparison(.greaterOrEqual); index += 2
            case ("<", _): kind = .comparison(.less); index += 1
            case (">", _): kind = .comparison(.greater); index += 1
            case ("(", _): kind = .leftParen; index += 1
            case (")", _): kind = .rightParen; index += 1
            case (",", _): kind = .comma; index += 1
            case ("=", _):
                throw ConditionSyntaxError(message: "'=' is not an operator; compare with '=='", offset: start)
            default:
                throw ConditionSyntaxError(message: "unexpected character '\(scalar)'", offset: start)
            }
            tokens.append(ConditionToken(kind: kind, offset: start))
        }
        tokens.append(ConditionToken(kind: .end, offset: scalars.count))
        return tokens
    }
}
