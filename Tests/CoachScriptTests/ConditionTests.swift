import CoachScript
import CoachText
import Testing

/// Answers by subject, for evaluating conditions without an engine.
struct FixedAnswers: ConditionContext {
    var values: [Subject: AnswerValue]

    func value(of subject: Subject) -> AnswerValue? { values[subject] }

    func text(of subject: Subject) -> String? {
        switch values[subject] {
        case .text(let text)?: text
        case .list(let items)?: items.joined(separator: "\n")
        default: nil
        }
    }
}

let scope = ConditionScope(
    questions: [
        "haft-mus-foer": .init(kind: .yesNo, order: 0, listParent: nil, location: SourceLocation(path: "t", line: 1, column: 1)),
        "trivsel": .init(kind: .scale(ScaleSpec(min: 1, max: 5, minLabel: nil, maxLabel: nil)), order: 1, listParent: nil,
                         location: SourceLocation(path: "t", line: 2, column: 1)),
        "deadlines": .init(kind: .choice([ChoiceOption(id: "altid", label: "Altid"), ChoiceOption(id: "sjaeldent", label: "Sjældent")]),
                           order: 2, listParent: nil, location: SourceLocation(path: "t", line: 3, column: 1)),
        "oensker": .init(kind: .list, order: 3, listParent: nil, location: SourceLocation(path: "t", line: 4, column: 1)),
        "lykkedes": .init(kind: .text, order: 4, listParent: nil, location: SourceLocation(path: "t", line: 5, column: 1)),
    ],
    position: 4,
    current: ("lykkedes", .text)
)

let answers = FixedAnswers(values: [
    .question("haft-mus-foer"): .option("yes"),
    .question("trivsel"): .number(2),
    .question("deadlines"): .option("sjaeldent"),
    .question("oensker"): .list(["Kursus i ledelse", "Certificering"]),
    .current: .text("Det gik fint med kurset"),
    .question("lykkedes"): .text("Det gik fint med kurset"),
])

@Test(arguments: [
    ("haft-mus-foer == yes", true),
    ("haft-mus-foer != yes", false),
    ("trivsel <= 2", true),
    ("trivsel > 2 or deadlines == sjaeldent", true),
    ("not (trivsel < 3) and haft-mus-foer == yes", false),
    ("deadlines != altid", true),
    ("count(oensker) >= 2", true),
    ("mentions(oensker, \"kursus\")", true),
    ("mentions(\"kursus\")", true),
    ("mentions(\"uddannelse\")", false),
    ("words < 8 or vague", true),
    ("words == 5", true),
    ("chars > 20", true),
    ("answer == \"det gik fint med kurset\"", true),
    ("has_number or has_time", false),
    ("answered(trivsel) and answered(haft-mus-foer)", true),
    ("vague(lykkedes)", true),
])
func conditionHolds(source: String, expected: Bool) throws {
    let result = ConditionParser.parse(source, scope: scope, language: .danish)
    #expect(result.issues.isEmpty, "\(String(describing: result.issues))")
    let expression = try #require(result.expression)
    #expect(expression.holds(in: answers) == expected)
}

@Test func comparisonsWithUnansweredQuestionsAreFalse() throws {
    let unanswered = FixedAnswers(values: [:])
    for source in ["haft-mus-foer == yes", "haft-mus-foer != yes", "trivsel < 3", "trivsel >= 3"] {
        let expression = try #require(ConditionParser.parse(source, scope: scope, language: .danish).expression)
        #expect(!expression.holds(in: unanswered), "\(source)")
    }
}

@Test(arguments: [
    ("haft-mus-foer ==", DiagnosticCode.conditionSyntax, 16),
    ("(trivsel < 2", .conditionSyntax, 12),
    ("trivsel < 2)", .conditionSyntax, 11),
    ("\"unterminated", .conditionSyntax, 0),
    ("trivsel == yes", .conditionType, 11),
    ("lykkedes", .conditionType, 0),
    ("deadlines < 2", .conditionType, 12),
    ("oensker == 2", .conditionType, 0),
    ("count(trivsel) > 1", .conditionType, 6),
    ("vague(trivsel)", .conditionType, 6),
    ("mentions()", .conditionSyntax, 0),
    ("frobnicate(trivsel)", .conditionSyntax, 0),
    ("trivsel < 0", .conditionNeverHolds, 0),
    ("words < 0 and vague", .conditionNeverHolds, 0),
    ("", .conditionSyntax, 0),
])
func conditionIssue(source: String, code: DiagnosticCode, offset: Int) {
    let issues = ConditionParser.parse(source, scope: scope, language: .danish).issues
    #expect(issues.first?.code == code, "\(issues)")
    #expect(issues.first?.offset == offset, "\(issues)")
}
