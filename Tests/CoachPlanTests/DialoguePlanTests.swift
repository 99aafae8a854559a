import CoachEngine
import CoachLibrary
import CoachPlan
import CoachScript
import Foundation
import Testing

let dialogues = DialogueLibrary(
    folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("dialogues"))

/// Every golden dialogue test beside the scripts passes; `mus-coach test` runs the same files.
@Test(arguments: dialogues.planURLs().map(\.lastPathComponent))
func dialoguePlanPasses(file: String) {
    switch dialogues.runPlan(at: dialogues.folder.appendingPathComponent("tests/\(file)")) {
    case .ran(let result):
        #expect(result.passed, "\(result.failure.map(String.init(describing:)) ?? "")")
        #expect(result.stepsRun > 10)
    case .broken(let problem):
        Issue.record("\(problem)")
    }
}

@Test func bothLanguagesHaveAFullHappyPath() {
    let names = Set(dialogues.planURLs().map(\.lastPathComponent))
    #expect(names.isSuperset(of: ["glad-vej.da.plan", "happy-path.en.plan"]))
}

let tinyScript = """
script: t
version: 1
language: en
title: T
sections:
  - id: s
    title: S
    questions:
      - id: one
        ask: One?
        type: yes-no
      - id: two
        ask: Two?
"""

func run(_ planText: String) throws -> PlanResult {
    let plan = try PlanParser.parse(planText, path: "p.plan")
    let script = try #require(ScriptLoader.load(text: tinyScript, path: "t.yaml").script)
    return PlanRunner.run(plan, on: ScriptProgram(script))
}

@Test func aPlanThatExpectsTheWrongQuestionFailsAtThatLine() throws {
    let result = try run("script t\nask one\n> yes\nask three\n")
    #expect(result.failure?.line == 4)
    #expect(result.failure?.message == "expected question 'three', but the coach showed question 'two'")
}

@Test func aQuestionThePlanDoesNotMentionFailsTheNextInput() throws {
    let result = try run("script t\nask one\n> yes\n> more\n")
    #expect(result.failure?.line == 4)
    #expect(result.failure?.message == "the coach showed question 'two' before this input; add a line expecting it")
}

@Test func aPlanThatStopsEarlyFails() throws {
    let result = try run("script t\nask one\n> yes\n")
    #expect(result.failure?.message == "the plan ends, but the coach still showed question 'two'")
}

@Test func rejectionsAndTextAreChecked() throws {
    #expect(try run("script t\nask one\n> maybe\nrejected not-yes-no\nsays \"yes or no\"\nask one\n> no\nask two\n> x\nend\n").passed)
    let wrongReason = try run("script t\nask one\n> maybe\nrejected empty-answer\n")
    #expect(wrongReason.failure?.line == 4)
    let wrongText = try run("script t\nask one\nsays \"Three\"\n")
    #expect(wrongText.failure?.message == "expected question 'one' to say \"Three\", but it says \"One?\"")
}

@Test(arguments: [
    ("ask one\n", 1, "the plan names no script ('script NAME')"),
    ("script t\nask\n", 2, "'ask' needs a step id"),
    ("script t\njump two\n", 2, "unknown instruction 'jump'"),
])
func planSyntaxErrors(text: String, line: Int, message: String) {
    #expect(throws: PlanSyntaxError.self) { try PlanParser.parse(text, path: "p.plan") }
    do {
        _ = try PlanParser.parse(text, path: "p.plan")
    } catch {
        #expect(error.line == line)
        #expect(error.message == message)
    }
}

/// Every question of both dialogues is found by its id, and no other id is.
@Test(arguments: ["da", "en"])
func everyQuestionIsFoundByItsID(language: String) throws {
    let script = try #require(DialogueLibrary.loadScript(at: dialogues.scriptURL("mus", language: language)).result.script)
    let program = ScriptProgram(script)
    for (index, entry) in program.questions.enumerated() {
        #expect(program.index(of: entry.question.id) == index)
    }
    #expect(program.index(of: "") == nil)
    #expect(program.index(of: "findes-ikke") == nil)
    #expect(program.index(of: program.questions[0].question.id + "x") == nil)
}
