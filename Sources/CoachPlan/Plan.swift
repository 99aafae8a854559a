import Foundation

/// A golden dialogue test in the dialogue's own terms: what the coach should ask, and what the
/// person answers. One instruction per line:
///
///     script mus.da        the script, as a name beside the plan's folder or a path
///     ask lykkedes         the next question is this step (`oensker[1]/gavn`, `lykkedes/konkret`)
///     > Jeg leverede …     answer; a bare `>` is an empty line
///     skip | back          the person skips, or goes back
///     section status       a section header, tip or greeting comes before the next question
///     tip raad-5
///     greeting
///     rejected not-yes-no  the answer is refused (the reason is optional)
///     says "tekst"         the output just matched contains this text
///     end                  the conversation ends
///
/// `#` starts a comment.
public struct Plan: Sendable {
    public var name: String
    public var path: String
    public var script: String
    public var steps: [Step]

    public struct Step: Sendable, Equatable {
        public var line: Int
        public var instruction: Instruction
    }

    public enum Instruction: Sendable, Equatable {
        case answer(String)
        case skip
        case back
        case expectQuestion(String)
        case expectSection(String)
        case expectTip(String)
        case expectGreeting
        case expectRejected(String?)
        case expectText(String)
        case expectEnd

        var isInput: Bool {
            switch self {
            case .answer, .skip, .back: true
            default: false
            }
        }
    }
}

public struct PlanSyntaxError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var message: String

    public var description: String { "\(path):\(line): error: \(message)" }
}

public enum PlanParser {
    public static func parse(_ text: String, path: String) throws(PlanSyntaxError) -> Plan {
        var script: String?
        var steps: [Plan.Step] = []
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let name = file.hasSuffix(".plan") ? String(file.dropLast(".plan".count)) : file
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.hasPrefix(">") {
                steps.append(.init(line: lineNumber, instruction: .answer(String(line.dropFirst()).trimmed)))
                continue
            }
            let content = line.trimmed
            guard !content.isEmpty, !content.hasPrefix("#") else { continue }
            let (word, argument) = content.splitFirstWord()
            func requireArgument(_ what: String) throws(PlanSyntaxError) -> String {
                guard let argument, !argument.isEmpty else {
                    throw PlanSyntaxError(path: path, line: lineNumber, message: "'\(word)' needs \(what)")
                }
                return argument
            }
            let instruction: Plan.Instruction
            switch word {
            case "script":
                script = try requireArgument("a script name or path")
                continue
            case "ask": instruction = .expectQuestion(try requireArgument("a step id"))
            case "section": instruction = .expectSection(try requireArgument("a section id"))
            case "tip": instruction = .expectTip(try requireArgument("a tip id"))
            case "greeting": instruction = .expectGreeting
            case "rejected": instruction = .expectRejected(argument)
            case "says": instruction = .expectText(try requireArgument("a quoted text").unquoted)
            case "skip": instruction = .skip
            case "back": instruction = .back
            case "end": instruction = .expectEnd
            default:
                throw PlanSyntaxError(path: path, line: lineNumber, message: "unknown instruction '\(word)'")
            }
            steps.append(.init(line: lineNumber, instruction: instruction))
        }
        guard let script else { throw PlanSyntaxError(path: path, line: 1, message: "the plan names no script ('script NAME')") }
        return Plan(name: name, path: path, script: script, steps: steps)
    }
}

extension StringProtocol {
    var trimmed: String {
        String(self).trimmingWhitespaceScalars()
    }

    func splitFirstWord() -> (String, String?) {
        guard let space = firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (String(self), nil) }
        return (String(self[..<space]), String(self[space...]).trimmed)
    }

    var unquoted: String {
        let text = String(self)
        guard text.count >= 2, text.first == "\"", text.last == "\"" else { return text }
        return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
    }
}

extension String {
    func trimmingWhitespaceScalars() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespaceFast }),
              let last = scalars.lastIndex(where: { !$0.isWhitespaceFast }) else { return "" }
        return String(scalars[first...last])
    }
}
