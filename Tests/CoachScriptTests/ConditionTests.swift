import CoachScript
import CoachText
import Testing

/// Answers by subject, for evaluating conditions without an engine.
struct FixedAnswers: ConditionContext {
    var values: [Subject: AnswerValue]
    var isProbed = false

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
    .question("haft-mus-foer", index: 0): .option("yes"),
    .question("trivsel", index: 1): .number(2),
    .question("deadlines", index: 2): .option("sjaeldent"),
    .question("oensker", index: 3): .list(["Kursus i ledelse", "Certificering"]),
    .current: .text("Det gik fint med kurset"),
    .question("lykkedes", index: 4): .text("Det gik fint med kurset"),
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
    ("missing_number and missing_time", true),
    ("missing_example(lykkedes)", true),
    ("missing_benefit or has_benefit", true),
    ("probed", false),
    ("not probed and vague", true),
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
    ("has_date(trivsel)", .conditionType, 9),
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

/// `has_date` holds for the dates `status` and the calendar read, and only for them: a month or
/// "snart" is a time (`has_time`) but no day to put in a calendar.
@Test(arguments: [
    ("2027-03-01", true), ("senest 1/3-2027", true), ("1-3", true), ("1.3", true), ("4/5", true),
    ("1. marts 2027", true), ("March 1", true), ("inden 15. januar", true),
    ("i løbet af april", false), ("snart", false), ("næste uge", false), ("31/4", false), ("uge 7", false), ("", false),
])
func hasDateHoldsForADayTheCalendarCanRead(text: String, expected: Bool) throws {
    var context = answers
    context.values[.current] = .text(text)
    let expression = try #require(ConditionParser.parse("has_date", scope: scope, language: .danish).expression)
    #expect(expression.holds(in: context) == expected, "\(text)")
    let earlier = try #require(ConditionParser.parse("has_date(lykkedes)", scope: scope, language: .danish).expression)
    #expect(!earlier.holds(in: context))
}

/// Like `FixedAnswers`, but the current answer is analysed only as far as the condition reads it.
struct PartlyAnalysedAnswers: ConditionContext {
    var answers: FixedAnswers
    var needs: QualityNeeds

    func value(of subject: Subject) -> AnswerValue? { answers.value(of: subject) }
    func text(of subject: Subject) -> String? { answers.text(of: subject) }
    var isProbed: Bool { answers.isProbed }
    func quality(of subject: Subject) -> AnswerQuality? {
        text(of: subject).map { AnswerQuality(of: $0, needs: subject == .current ? needs : .everything) }
    }
}

@Test func anAnalysisStoppedEarlyDecidesEveryConditionAsTheWholeAnalysisDoes() throws {
    let conditions = [
        "vague", "words < 8 or vague", "words >= 3", "words == 5", "5 < words", "words > 2.5 and not vague",
        "not has_benefit and not has_number", "not has_example and not has_number", "has_example or has_time",
        "vague and not has_time", "missing_number and not vague", "probed and missing_example", "missing_time or missing_benefit",
        "words <= 0", "words < 4 or mentions(\"ved ikke\")", "not vague(lykkedes) and vague",
    ]
    let texts = [
        "", "Godt", "Det gik fint", "Fx planlagde jeg sprints i foråret, så teamet leverede til tiden hver måned",
        "Jeg leverede projekt Apollo tre uger før deadline og sparede kunden 200.000 kr.",
        "Det ved jeg ikke rigtig, men det var en god periode for mig og for hele afdelingen generelt",
        "Vi fik 30 % færre fejl", "so that customers get faster releases", "ved ikke",
        "Det sparer tid for kunderne, fx 3 timer om ugen", "It saves time, for example on the Atlas release",
    ]
    for source in conditions {
        let expression = try #require(ConditionParser.parse(source, scope: scope, language: .danish).expression, "\(source)")
        let needs = try #require(expression.qualityNeeds(of: .current), "\(source)")
        for text in texts {
            var whole = answers
            whole.values[.current] = .text(text)
            let partly = PartlyAnalysedAnswers(answers: whole, needs: needs)
            #expect(expression.holds(in: partly) == expression.holds(in: whole), "\(source) on \"\(text)\"")
        }
    }
}

@Test func theAnalysisStopsOnceWhatIsReadIsKnown() throws {
    let long = "Fx planlagde jeg sprints i foråret, så teamet leverede til tiden hver måned"
    let vague = try #require(ConditionParser.parse("vague", scope: scope, language: .danish).expression?.qualityNeeds(of: .current))
    #expect(vague == QualityNeeds(wordLimit: 0, cues: [.number, .example, .time], anyCueSettles: true))
    #expect(AnswerQuality(of: long, needs: vague).words == 1)
    // A benefit word settles nothing: "sparer" first, the example after it still counts.
    #expect(!AnswerQuality(of: "Det sparer tid, fx på Atlas-udgivelsen", needs: vague).isVague)

    let short = try #require(ConditionParser.parse("words < 8 or not has_time", scope: scope, language: .danish)
        .expression?.qualityNeeds(of: .current))
    #expect(short == QualityNeeds(wordLimit: 9, cues: .time, anyCueSettles: false))
    #expect(AnswerQuality(of: long, needs: short).words == 9)
    #expect(AnswerQuality(of: long).words == 13)

    #expect(ConditionParser.parse("haft-mus-foer == yes", scope: scope, language: .danish).expression?.qualityNeeds(of: .current) == nil)
}

@Test func itemInAListsFollowUpsIsTheItemAndIsUnknownElsewhere() throws {
    var followUp = scope
    followUp.current = nil
    followUp.listParent = "oensker"
    let result = ConditionParser.parse("vague(item) and words(item) < 4", scope: followUp, language: .danish)
    #expect(result.issues.isEmpty, "\(String(describing: result.issues))")
    let expression = try #require(result.expression)
    let item = Subject.item(ofList: "oensker", index: 3)
    #expect(expression.holds(in: FixedAnswers(values: [item: .text("noget med ledelse")])))
    #expect(!expression.holds(in: FixedAnswers(values: [item: .text("Diplommodulet i ledelse i foråret")])))

    let outside = ConditionParser.parse("vague(item)", scope: scope, language: .danish)
    #expect(outside.issues.map(\.code) == [.unknownQuestion])
}

@Test func probedReadsTheAnswerJustGivenAndWorksOnlyInAProbe() throws {
    var outside = scope
    outside.current = nil
    let issues = ConditionParser.parse("probed and vague(lykkedes)", scope: outside, language: .danish).issues
    #expect(issues.first?.code == .currentAnswerOutsideProbe, "\(issues)")
    let expression = try #require(ConditionParser.parse("probed and missing_number", scope: scope, language: .danish).expression)
    var probedAnswers = answers
    #expect(!expression.holds(in: probedAnswers))
    probedAnswers.isProbed = true
    #expect(expression.holds(in: probedAnswers))
}
