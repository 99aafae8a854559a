import CoachEngine
import CoachScript
import Foundation
import Testing

private let at = Timestamp(millisecondsSince1970: 9_000)

/// A conversation over `program` driven by typed lines.
private func conversation(_ lines: [String], on program: ScriptProgram = program) -> Conversation {
    var conversation = Conversation(program: program)
    _ = conversation.start(at: at)
    for line in lines { _ = conversation.answer(line, at: at) }
    return conversation
}

/// A new revision that reuses every earlier answer it can, with `edits`.
private func revise(_ earlier: Conversation, edits: [StepID: String] = [:], on program: ScriptProgram = program) -> Conversation {
    let previous = PreviousAnswers(records: earlier.records, program: earlier.program)
    var next = Conversation(program: program)
    _ = next.revise(at: at, previous: Transcript.ScriptIdentity(earlier.program.script))
    _ = next.reuse(previous, edits: edits, at: at)
    return next
}

private let everything = ["ja", "et langt og fyldigt svar", "3", "2", "A fordi", "", "fordi det er sjovt", "i morgen"]

@Test func keepingEveryAnswerReachesTheSameState() {
    let earlier = conversation(everything)
    #expect(earlier.status == .ended)
    let again = revise(earlier)
    #expect(again.status == .ended)
    #expect(describe(again) == describe(earlier))
}

@Test func anEditThatOpensABranchStopsAtTheQuestionItOpens() {
    let earlier = conversation(["nej", "3", "1", "A", ""])
    #expect(describe(earlier).hasPrefix("active @ hvorfor[1]"))
    let again = revise(earlier, edits: [StepID(question: "har"): "ja"])
    #expect(describe(again) == "active @ hvad | har=option(\"yes\")")
}

@Test func anEditThatClosesABranchSetsItsAnswersAside() {
    let earlier = conversation(everything)
    let again = revise(earlier, edits: [StepID(question: "har"): "nej"])
    #expect(again.status == .ended)
    let changes = PreviousAnswers(records: earlier.records, program: program)
        .changes(to: PreviousAnswers(records: again.records, program: program), messages: program.messages)
    #expect(changes == [
        AnswerChange(step: StepID(question: "har"), kind: .changed, old: "Ja", new: "Nej"),
        AnswerChange(step: StepID(question: "hvad"), kind: .setAside, old: "et langt og fyldigt svar", new: nil),
    ])
}

@Test func aProbeFiresAgainWhenAnEditedAnswerIsVague() {
    let earlier = conversation(everything)
    let again = revise(earlier, edits: [StepID(question: "hvad"): "kort"])
    #expect(describe(again) == "active @ hvad/mere#0 | har=option(\"yes\") hvad=text(\"kort\")")
}

@Test func listItemsAndTheirFollowUpsAreReusedItemByItem() {
    let earlier = conversation(["ja", "et langt og fyldigt svar", "3", "2", "A fordi", "B", "", "fordi jeg vil", "i dag", "bare"])
    #expect(earlier.status == .ended)
    let previous = PreviousAnswers(records: earlier.records, program: program)
    #expect(previous.answers[StepID(question: "hvorfor", item: .init(list: "ting", index: 1))]?.value == .text("bare"))
    let again = revise(earlier, edits: [StepID(question: "ting"): "A fordi\nB\nC"])
    #expect(describe(again) == "active @ hvorfor[3] | har=option(\"yes\") hvad=text(\"et langt og fyldigt svar\") tal=number(3) "
        + "valg=option(\"b\") ting=list([\"A fordi\", \"B\", \"C\"]) hvorfor[1]=text(\"fordi jeg vil\") naar[1]=text(\"i dag\") "
        + "hvorfor[2]=text(\"bare\")")
}

@Test func revisionsKeepEarlierAnswersInTheLogAndFoldOnlyTheLatest() throws {
    let earlier = conversation(["nej", "2"])
    let identity = Transcript.ScriptIdentity(program.script)
    var events: [Event] = [.started(at: at), .answered("nej", at: at), .answered("2", at: at)]
    var again = Conversation(program: program)
    events.append(.revised(at: Timestamp(millisecondsSince1970: 10_000), previous: identity))
    _ = again.apply(events.last!)
    events += again.reuse(PreviousAnswers(records: earlier.records, program: program), edits: [StepID(question: "har"): "ja"], at: at).events
    let transcript = Transcript(script: program.script, events: events)
    let replayed = transcript.replay(on: program).conversation
    #expect(replayed.records == again.records && replayed.position == again.position && replayed.status == again.status)
    // The fold keeps every revision in its log, so that the transcript can be written from it.
    #expect(replayed.events == events)
    let revisions = transcript.revisions
    #expect(revisions.map(\.number) == [1, 2])
    #expect(revisions[0].transcript.events.count == 3)
    #expect(revisions[1].began == Timestamp(millisecondsSince1970: 10_000))
    #expect(describe(revisions[0].transcript.replay(on: program).conversation) == "active @ valg | har=option(\"no\") tal=number(2)")
}

// MARK: - A newer script

/// `Tests/Fixtures/script-versions/t.vN.yaml`: a script and its next version.
private func version(_ number: Int) -> ScriptProgram {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/script-versions/t.v\(number).yaml")
    let result = ScriptLoader.load(text: try! String(contentsOf: url, encoding: .utf8), path: url.path)
    precondition(result.script != nil, "\(result.diagnostics)")
    return ScriptProgram(result.script!)
}

private let version1 = version(1)
private let version2 = version(2)

@Test func aNewerScriptKeepsAnswersByIdFollowsRenamesAndAsksWhatIsNew() {
    let earlier = conversation(["Apollo", "ja tak", "ja"], on: version1)
    #expect(earlier.status == .ended)
    let again = revise(earlier, on: version2)
    #expect(again.currentStep == StepID(question: "ny"))
    #expect(again.records.map(\.text) == ["Apollo"])
    let drift = Drift.of(PreviousAnswers(records: earlier.records, program: version1), endedAt: nil, on: version2)
    #expect(drift.newQuestions == [StepID(question: "ny")])
    #expect(drift.removed == [StepID(question: "gammel")])
    #expect(drift.unreachable == [])
    #expect(drift.reworded == [Drift.Reworded(step: StepID(question: "projekt"), old: "Hvad hedder projektet?",
                                              new: "Hvilket projekt er du stoltest af?")])
}

@Test func theSameScriptHasNoDrift() {
    let earlier = conversation(everything)
    #expect(Drift.of(PreviousAnswers(records: earlier.records, program: program), endedAt: nil, on: program).isEmpty)
    let unfinished = conversation(["nej", "2"])
    #expect(Drift.of(PreviousAnswers(records: unfinished.records, program: program), endedAt: unfinished.currentStep, on: program).isEmpty)
}

/// A script of one section holding `questions` (YAML list items indented by 10).
private func oneSectionScript(_ questions: String) -> String {
    """
    script: m
    version: 1
    language: da
    title: M
    sections:
      - id: s
        title: S
        questions:
    \(questions)
    """
}

@Test func aRenamedFromIdThatIsStillAQuestionIsAnError() {
    let result = ScriptLoader.load(text: oneSectionScript("""
                  - id: a
                    ask: A?
                  - id: b
                    renamed_from: [a]
                    ask: B?
        """), path: "bad.yaml")
    #expect(result.script == nil)
    #expect(result.diagnostics.map(\.code) == [.duplicateID])
}

@Test(arguments: ["lykkedes", "lykkedes/konkret", "oensker[2]/gavn", "oensker[2]/gavn/konkret"])
func stepIDsReadBackWhatTheyPrint(text: String) {
    #expect(StepID(parsing: text)?.description == text)
}

@Test(arguments: ["", "a//b", "oensker[0]/gavn", "oensker[2]", "a[1]/b[2]/c", "a/b/c"])
func malformedStepIDsAreRefused(text: String) {
    #expect(StepID(parsing: text) == nil)
}

@Test func aScalesCommentSurvivesARevisionThatChangesAnotherAnswer() {
    // The comment written beside the number, and one kept from words written before it.
    for lines in [["ja", "et langt og fyldigt svar", "2 — alt for mange møder"],
                  ["ja", "et langt og fyldigt svar", "alt for mange møder", "2"]] {
        let earlier = conversation(lines + ["2", "A fordi", "", "fordi det er sjovt", "i morgen"])
        #expect(earlier.records[2].scaleComment == "alt for mange møder")
        let again = revise(earlier, edits: [StepID(question: "hvad"): "et andet langt og fyldigt svar"])
        #expect(again.status == .ended)
        #expect(again.records[2].choice == 2)
        #expect(again.records[2].scaleComment == "alt for mange møder", "\(lines)")
        let previous = PreviousAnswers(records: earlier.records, program: program)
        var asked = Conversation(program: program)
        _ = asked.start(at: at)
        _ = asked.answer("ja", at: at)
        _ = asked.answer("et langt og fyldigt svar", at: at)
        #expect(previous.editable(at: asked) == "2 — alt for mange møder", "the line offered for editing holds the comment")
    }
}

@Test func aQuestionMergedFromTwoOffersBothEarlierAnswersJoined() throws {
    func twoQuestions(_ questions: String) throws -> ScriptProgram {
        let loaded = ScriptLoader.load(text: oneSectionScript(questions), path: "m.yaml")
        return ScriptProgram(try #require(loaded.script, "\(loaded.diagnostics)"))
    }
    let before = try twoQuestions("""
                  - id: udvikle
                    ask: Hvordan udvikler du dine kompetencer?
                  - id: tilegne
                    ask: Hvordan tilegner du dig nye?
        """)
    let merged = try twoQuestions("""
                  - id: udvikle
                    renamed_from: [tilegne]
                    ask: Hvordan udvikler du dine kompetencer, og hvordan tilegner du dig nye?
        """)
    let both = conversation(["Ved at tage designopgaver", "Kursus og sidemandsoplæring"], on: before)
    #expect(PreviousAnswers(records: both.records, program: before).answer(to: 0, item: -1, in: merged)?.value
        == .text("Ved at tage designopgaver. Kursus og sidemandsoplæring"))
    let again = revise(both, on: merged)
    #expect(again.status == .ended)
    #expect(again.records.map(\.text) == ["Ved at tage designopgaver. Kursus og sidemandsoplæring"])

    var secondOnly = Conversation(program: before)
    _ = secondOnly.start(at: at)
    _ = secondOnly.skip(at: at)
    _ = secondOnly.answer("Kursus og sidemandsoplæring", at: at)
    #expect(PreviousAnswers(records: secondOnly.records, program: before).answer(to: 0, item: -1, in: merged)?.value
        == .text("Kursus og sidemandsoplæring"), "a skipped answer gives way to the one written")
}
