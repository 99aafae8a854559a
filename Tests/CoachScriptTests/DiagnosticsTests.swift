import CoachScript
import Testing

/// A script around some question YAML (indented for a section's `questions:`), questions starting at line 9.
func script(questions: String, extra: String = "") -> String {
    """
    script: t
    version: 1
    language: da
    title: T
    \(extra)sections:
      - id: a
        title: A
        questions:
    \(questions)
    """
}

struct DiagnosticCase: Sendable, CustomStringConvertible {
    var name: String
    var yaml: String
    var code: DiagnosticCode
    var line: Int
    var column: Int
    var severity: Diagnostic.Severity = .error
    var description: String { name }
}

let yesNo = """
      - id: q1
        ask: Har du?
        type: yes-no

"""

@Test(arguments: [
    DiagnosticCase(name: "syntax", yaml: "script: [t\n", code: .yamlSyntax, line: 2, column: 1),
    DiagnosticCase(name: "wrong type", yaml: script(questions: "      - id: q\n        ask: [a, b]\n"), code: .wrongType, line: 10, column: 14),
    DiagnosticCase(name: "missing key", yaml: script(questions: "      - id: q\n"), code: .missingKey, line: 9, column: 9),
    DiagnosticCase(name: "unknown key", yaml: script(questions: "      - id: q\n        ask: x\n        whne: y\n"), code: .unknownKey, line: 11, column: 9),
    DiagnosticCase(name: "duplicate question", yaml: script(questions: "      - id: q\n        ask: x\n      - id: q\n        ask: y\n"),
                   code: .duplicateID, line: 11, column: 9),
    DiagnosticCase(name: "duplicate mapping key", yaml: script(questions: "      - id: q\n        ask: x\n        ask: y\n"),
                   code: .duplicateID, line: 10, column: 9),
    DiagnosticCase(name: "invalid id", yaml: script(questions: "      - id: Q_1\n        ask: x\n"), code: .invalidID, line: 9, column: 13),
    DiagnosticCase(name: "reserved id", yaml: script(questions: "      - id: vague\n        ask: x\n"), code: .invalidID, line: 9, column: 13),
    DiagnosticCase(name: "unknown type", yaml: script(questions: "      - id: q\n        ask: x\n        type: yesno\n"), code: .unknownQuestionType, line: 11, column: 15),
    DiagnosticCase(name: "condition syntax", yaml: script(questions: yesNo + "      - id: q2\n        ask: x\n        when: q1 = yes\n"),
                   code: .conditionSyntax, line: 14, column: 18),
    DiagnosticCase(name: "unknown question", yaml: script(questions: yesNo + "      - id: q2\n        ask: x\n        when: q9 == yes\n"),
                   code: .unknownQuestion, line: 14, column: 15),
    DiagnosticCase(name: "asked later", yaml: script(questions: "      - id: q0\n        ask: x\n        when: q1 == yes\n" + yesNo),
                   code: .questionAskedLater, line: 11, column: 15),
    DiagnosticCase(name: "unknown option", yaml: script(questions: yesNo + "      - id: q2\n        ask: x\n        when: q1 == maybe\n"),
                   code: .unknownOption, line: 14, column: 21),
    DiagnosticCase(name: "quoted condition", yaml: script(questions: yesNo + "      - id: q2\n        ask: x\n        when: \"q1 == maybe\"\n"),
                   code: .unknownOption, line: 14, column: 22),
    DiagnosticCase(name: "type mismatch", yaml: script(questions: yesNo + "      - id: q2\n        ask: x\n        when: q1 < 3\n"),
                   code: .conditionType, line: 14, column: 20),
    DiagnosticCase(name: "answer outside probe", yaml: script(questions: "      - id: q\n        ask: x\n        when: vague\n"),
                   code: .currentAnswerOutsideProbe, line: 11, column: 15),
    DiagnosticCase(name: "never holds", yaml: script(questions: "      - id: q\n        ask: x\n        probes:\n          - id: p\n            if: words < 0\n            ask: y\n"),
                   code: .conditionNeverHolds, line: 13, column: 17, severity: .warning),
    DiagnosticCase(name: "scale never holds", yaml: script(questions: "      - id: q\n        ask: x\n        type: scale\n        probes:\n          - id: p\n            if: answer > 5\n            ask: y\n"),
                   code: .conditionNeverHolds, line: 14, column: 17, severity: .warning),
    DiagnosticCase(name: "per-item outside list", yaml: script(questions: """
              - id: l
                ask: x
                type: list
                each:
                  - id: e
                    ask: "{item}?"
              - id: q
                ask: "{answer:e}"

        """), code: .perItemQuestionOutsideList, line: 16, column: 15),
    DiagnosticCase(name: "unknown placeholder", yaml: script(questions: "      - id: q\n        ask: Hej {navn}\n"), code: .unknownPlaceholder, line: 10, column: 18),
    DiagnosticCase(name: "item outside list", yaml: script(questions: "      - id: q\n        ask: Hej {item}\n"), code: .itemOutsideList, line: 10, column: 14),
    DiagnosticCase(name: "unknown tip", yaml: script(questions: "      - id: q\n        ask: x\n        tips: [raad-1]\n"), code: .unknownTip, line: 9, column: 9),
    DiagnosticCase(name: "empty section", yaml: script(questions: "        []\n").replacingOccurrences(of: "questions:\n", with: "questions:"),
                   code: .emptySection, line: 8, column: 23),
    DiagnosticCase(name: "too few options", yaml: script(questions: "      - id: q\n        ask: x\n        type: choice\n        options:\n          - {id: a, label: A}\n"),
                   code: .optionCount, line: 13, column: 11),
    DiagnosticCase(name: "too many options", yaml: script(questions: "      - id: q\n        ask: x\n        type: choice\n        options: ["
                       + (1...1001).map { "{id: o\($0), label: O}" }.joined(separator: ", ") + "]\n"),
                   code: .optionCount, line: 12, column: 18),
    DiagnosticCase(name: "bad scale", yaml: script(questions: "      - id: q\n        ask: x\n        type: scale\n        scale: {min: 5, max: 1}\n"),
                   code: .badScale, line: 12, column: 16),
    DiagnosticCase(name: "options on text", yaml: script(questions: "      - id: q\n        ask: x\n        options: []\n"), code: .keyNotForType, line: 11, column: 9),
    DiagnosticCase(name: "language", yaml: script(questions: "      - id: q\n        ask: x\n").replacingOccurrences(of: "language: da", with: "language: sv"),
                   code: .unsupportedLanguage, line: 3, column: 11),
])
func diagnostic(_ sample: DiagnosticCase) {
    let result = ScriptLoader.load(text: sample.yaml, path: "t.yaml")
    let found = result.diagnostics.first { $0.code == sample.code }
    #expect(found != nil, "expected \(sample.code.rawValue), got \(result.diagnostics.map { "\($0.code.rawValue) \($0.location) \($0.message)" })")
    #expect(found?.location == SourceLocation(path: "t.yaml", line: sample.line, column: sample.column))
    #expect(found?.severity == sample.severity)
    #expect((result.script == nil) == (sample.severity == .error))
}

@Test func oneTypoGivesOneDiagnostic() {
    let result = ScriptLoader.load(text: script(questions: yesNo + "      - id: q2\n        ask: x\n        when: q9 == yes and q1 == yes\n"), path: "t.yaml")
    #expect(result.diagnostics.map(\.code) == [.unknownQuestion])
}

@Test func unknownKeySuggestsTheKnownOne() {
    let result = ScriptLoader.load(text: script(questions: "      - id: q\n        ask: x\n        whne: y\n"), path: "t.yaml")
    #expect(result.diagnostics.first?.message == "unknown key 'whne' in a question (did you mean 'when'?)")
}

@Test func renderedDiagnosticsQuoteTheLineWithACaret() throws {
    let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Tests/CoachScriptTests/Golden/broken.yaml"), encoding: .utf8)
    let result = ScriptLoader.load(text: text, path: "broken.yaml")
    let rendered = DiagnosticRenderer(sources: ["broken.yaml": text]).render(result.diagnostics)
    try expectGolden(rendered + "\n", "broken.diagnostics.txt")
    try expectGolden(DiagnosticRenderer.json(result.diagnostics) + "\n", "broken.diagnostics.json")
}

/// `check` names every problem in one pass: a bad version does not hide an unknown question in a
/// condition behind it.
@Test func aBadHeaderDoesNotHideTheConditionsErrors() {
    let yaml = script(questions: "      - id: q\n        ask: Q\n        when: nope == yes\n").replacingOccurrences(of: "version: 1", with: "version: one")
    let result = ScriptLoader.load(text: yaml, path: "t.yaml")
    #expect(result.script == nil)
    #expect(Set(result.diagnostics.map(\.code)) == [.wrongType, .unknownQuestion])
}
