import CoachEngine
import CoachScript
import Foundation
import Testing

let smallScript = """
script: t
version: 1
language: da
title: T
greeting: Hej
tips:
  - id: tip1
    title: Tip
    text: Husk
sections:
  - id: s1
    title: Et
    tips: [tip1]
    questions:
      - id: har
        ask: Har du?
        type: yes-no
      - id: hvad
        when: har == yes
        ask: Hvad?
        probes:
          - id: mere
            if: words < 3
            max: 2
            ask: Mere om {answer:hvad}?
      - id: tal
        ask: Tal
        type: scale
        scale: {min: 1, max: 3}
  - id: s2
    title: To
    when: tal >= 2
    questions:
      - id: valg
        ask: Vælg
        type: choice
        options: [{id: a, label: Alfa}, {id: b, label: Beta}]
  - id: s3
    title: Tre
    questions:
      - id: ting
        ask: Ting
        type: list
        each:
          - id: hvorfor
            ask: Hvorfor {item}?
          - id: naar
            when: mentions(hvorfor, "fordi")
            ask: Hvornår {item}?
"""

let program: ScriptProgram = {
    let result = ScriptLoader.load(text: smallScript, path: "t.yaml")
    precondition(result.diagnostics.isEmpty, "\(result.diagnostics)")
    return ScriptProgram(result.script!)
}()

/// The whole state in one line: status, what is asked, and every answer record with its probe answers.
func describe(_ conversation: Conversation) -> String {
    let position: String = switch conversation.position {
    case .question(let index, let item)?: program.questions[index].question.id + (item >= 0 ? "[\(item + 1)]" : "")
    case .listItems(let index)?: program.questions[index].question.id + "+"
    case .probe(let index, let item, let probe, let round)?:
        program.questions[index].question.id + (item >= 0 ? "[\(item + 1)]" : "") + "/" + program.questions[index].question.probes[probe].id + "#\(round)"
    case nil: "-"
    }
    let records = conversation.records.map { record in
        let id = program.questions[record.question].question.id + (record.item >= 0 ? "[\(record.item + 1)]" : "")
        guard !record.isSkipped else { return "\(id)=skipped" }
        var text = "\(id)=\(value(of: record).map(String.init(describing:)) ?? "nil")"
        if !record.probeAnswers.isEmpty { text += "+" + record.probeAnswers.map(\.text).description }
        return text
    }
    return "\(conversation.status) @ \(position) | " + records.joined(separator: " ")
}

/// A record's answer as conditions compare it.
private func value(of record: AnswerRecord) -> AnswerValue? {
    switch program.questions[record.question].kind {
    case .text: .text(record.text)
    case .yesNo: .option(record.choice == 1 ? "yes" : "no")
    case .choice(let options): options.indices.contains(record.choice) ? .option(options[record.choice].id) : nil
    case .scale: .number(record.choice)
    case .list: .list(record.items)
    }
}

/// Feeds inputs one by one and checks the whole state after each.
struct Walk {
    var conversation = Conversation(program: program)
    var clock: Int64 = 0
    var lastOutputs: [Output] = []
    var events: [Event] = []

    mutating func step(_ event: (Timestamp) -> Event, expect expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        clock += 1000
        events.append(event(Timestamp(millisecondsSince1970: clock)))
        lastOutputs = conversation.apply(events.last!)
        #expect(describe(conversation) == expected, sourceLocation: sourceLocation)
        #expect(conversation.events == events, "the conversation's log gives back the events", sourceLocation: sourceLocation)
    }

    mutating func start(expect expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        step({ .started(at: $0) }, expect: expected, sourceLocation: sourceLocation)
    }

    mutating func answer(_ text: String, expect expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        step({ .answered(text, at: $0) }, expect: expected, sourceLocation: sourceLocation)
    }

    mutating func back(expect expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        step({ .wentBack(at: $0) }, expect: expected, sourceLocation: sourceLocation)
    }

    mutating func skip(expect expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        step({ .skipped(at: $0) }, expect: expected, sourceLocation: sourceLocation)
    }

    var lastPrompt: Prompt? {
        lastOutputs.reversed().lazy.compactMap { if case .question(let prompt) = $0 { prompt } else { nil } }.first
    }
}

@Test func wholeWalkThroughTheSmallScript() {
    var walk = Walk()
    walk.start(expect: "active @ har | ")
    #expect(walk.lastOutputs.count == 4)
    #expect(walk.lastOutputs.first == .greeting("Hej"))
    walk.answer("ja", expect: "active @ hvad | har=option(\"yes\")")
    walk.answer("x", expect: "active @ hvad/mere#0 | har=option(\"yes\") hvad=text(\"x\")")
    #expect(walk.lastPrompt?.text == "Mere om x?")
    #expect(walk.lastPrompt?.step.description == "hvad/mere")
    walk.answer("y", expect: "active @ hvad/mere#1 | har=option(\"yes\") hvad=text(\"x\")+[\"y\"]")
    walk.answer("z", expect: "active @ tal | har=option(\"yes\") hvad=text(\"x\")+[\"y\", \"z\"]")
    walk.answer("1", expect: "active @ ting | har=option(\"yes\") hvad=text(\"x\")+[\"y\", \"z\"] tal=number(1)")
    #expect(walk.lastOutputs.contains { if case .sectionStarted(let header) = $0 { header.id == "s3" && header.number == 3 } else { false } })
    walk.answer("A", expect: "active @ ting+ | har=option(\"yes\") hvad=text(\"x\")+[\"y\", \"z\"] tal=number(1) ting=list([\"A\"])")
    walk.answer("B", expect: "active @ ting+ | har=option(\"yes\") hvad=text(\"x\")+[\"y\", \"z\"] tal=number(1) ting=list([\"A\", \"B\"])")
    walk.answer("", expect: "active @ hvorfor[1] | har=option(\"yes\") hvad=text(\"x\")+[\"y\", \"z\"] tal=number(1) ting=list([\"A\", \"B\"])")
    #expect(walk.lastPrompt?.text == "Hvorfor A?")
    #expect(walk.lastPrompt?.step.description == "ting[1]/hvorfor")
    walk.answer("fordi", expect: "active @ naar[1] | har=option(\"yes\") hvad=text(\"x\")+[\"y\", \"z\"] tal=number(1) ting=list([\"A\", \"B\"]) hvorfor[1]=text(\"fordi\")")
    walk.answer("nu", expect: "active @ hvorfor[2] | har=option(\"yes\") hvad=text(\"x\")+[\"y\", \"z\"] tal=number(1) ting=list([\"A\", \"B\"]) hvorfor[1]=text(\"fordi\") naar[1]=text(\"nu\")")
    walk.answer("ved ikke", expect: "ended @ - | har=option(\"yes\") hvad=text(\"x\")+[\"y\", \"z\"] tal=number(1) ting=list([\"A\", \"B\"]) hvorfor[1]=text(\"fordi\") naar[1]=text(\"nu\") hvorfor[2]=text(\"ved ikke\")")
    #expect(walk.lastOutputs == [.ended])
    walk.answer("mere", expect: "ended @ - | har=option(\"yes\") hvad=text(\"x\")+[\"y\", \"z\"] tal=number(1) ting=list([\"A\", \"B\"]) hvorfor[1]=text(\"fordi\") naar[1]=text(\"nu\") hvorfor[2]=text(\"ved ikke\")")
    #expect(walk.lastOutputs == [.rejected(.conversationEnded)])
    walk.back(expect: "active @ hvorfor[2] | har=option(\"yes\") hvad=text(\"x\")+[\"y\", \"z\"] tal=number(1) ting=list([\"A\", \"B\"]) hvorfor[1]=text(\"fordi\") naar[1]=text(\"nu\")")
}

@Test func sectionConditionIncludesASectionWhenItHolds() {
    var walk = Walk()
    walk.start(expect: "active @ har | ")
    walk.answer("nej", expect: "active @ tal | har=option(\"no\")")
    walk.answer("3", expect: "active @ valg | har=option(\"no\") tal=number(3)")
    walk.answer("beta", expect: "active @ ting | har=option(\"no\") tal=number(3) valg=option(\"b\")")
    walk.back(expect: "active @ valg | har=option(\"no\") tal=number(3)")
    walk.answer("1", expect: "active @ ting | har=option(\"no\") tal=number(3) valg=option(\"a\")")
}

@Test func invalidAnswersAreRejectedAndAskedAgain() {
    var walk = Walk()
    walk.start(expect: "active @ har | ")
    walk.answer("måske", expect: "active @ har | ")
    #expect(walk.lastOutputs.first == .rejected(.notYesNo))
    #expect(walk.lastPrompt?.isRepeat == true)
    walk.answer("", expect: "active @ har | ")
    #expect(walk.lastOutputs.first == .rejected(.emptyAnswer))
    walk.answer("ja nej", expect: "active @ har | ")
    #expect(walk.lastOutputs.first == .rejected(.bothYesAndNo))
    walk.answer("ja og nej", expect: "active @ har | ")
    #expect(walk.lastOutputs.first == .rejected(.bothYesAndNo), "joined by a word, still both")
    walk.answer("yes or no", expect: "active @ har | ")
    #expect(walk.lastOutputs.first == .rejected(.bothYesAndNo))
    walk.answer("nej tak", expect: "active @ tal | har=option(\"no\")")
    walk.back(expect: "active @ har | ")
    walk.answer("ja!", expect: "active @ hvad | har=option(\"yes\")")
    walk.back(expect: "active @ har | ")
    walk.answer("ja, det har jeg", expect: "active @ hvad | har=option(\"yes\")")
    walk.back(expect: "active @ har | ")
    walk.answer("yes, no problem", expect: "active @ hvad | har=option(\"yes\")")
    walk.back(expect: "active @ har | ")
    walk.answer("ja/nej", expect: "active @ har | ")
    #expect(walk.lastOutputs.first == .rejected(.bothYesAndNo))
    walk.back(expect: "active @ har | ")
    walk.answer("nej", expect: "active @ tal | har=option(\"no\")")
    walk.answer("4", expect: "active @ tal | har=option(\"no\")")
    #expect(walk.lastOutputs.first == .rejected(.outOfRange(min: 1, max: 3)))
    // A digit of another script is not read as a number; one followed by words is.
    walk.answer("٣", expect: "active @ tal | har=option(\"no\")")
    #expect(walk.lastOutputs.first == .rejected(.outOfRange(min: 1, max: 3)))
    walk.answer("2 – lidt", expect: "active @ valg | har=option(\"no\") tal=number(2)")
    walk.answer("3", expect: "active @ valg | har=option(\"no\") tal=number(2)")
    #expect(walk.lastOutputs.first == .rejected(.unknownOption(optionCount: 2)))
    walk.answer("Alfa", expect: "active @ ting | har=option(\"no\") tal=number(2) valg=option(\"a\")")
    walk.answer("", expect: "active @ ting | har=option(\"no\") tal=number(2) valg=option(\"a\")")
    #expect(walk.lastOutputs.first == .rejected(.emptyList))
}

@Test func goingBackUndoesAnswersProbesAndListItems() {
    var walk = Walk()
    walk.back(expect: "notStarted @ - | ")
    #expect(walk.lastOutputs == [.rejected(.notStarted)])
    walk.start(expect: "active @ har | ")
    walk.back(expect: "active @ har | ")
    #expect(walk.lastOutputs.first == .rejected(.nothingToGoBackTo))
    walk.answer("ja", expect: "active @ hvad | har=option(\"yes\")")
    walk.answer("kort", expect: "active @ hvad/mere#0 | har=option(\"yes\") hvad=text(\"kort\")")
    walk.back(expect: "active @ hvad | har=option(\"yes\")")
    walk.answer("et langt og fyldigt svar", expect: "active @ tal | har=option(\"yes\") hvad=text(\"et langt og fyldigt svar\")")
    walk.skip(expect: "active @ ting | har=option(\"yes\") hvad=text(\"et langt og fyldigt svar\") tal=skipped")
    walk.back(expect: "active @ tal | har=option(\"yes\") hvad=text(\"et langt og fyldigt svar\")")
    walk.answer("1", expect: "active @ ting | har=option(\"yes\") hvad=text(\"et langt og fyldigt svar\") tal=number(1)")
    walk.answer("A", expect: "active @ ting+ | har=option(\"yes\") hvad=text(\"et langt og fyldigt svar\") tal=number(1) ting=list([\"A\"])")
    walk.back(expect: "active @ ting | har=option(\"yes\") hvad=text(\"et langt og fyldigt svar\") tal=number(1)")
    walk.answer("B", expect: "active @ ting+ | har=option(\"yes\") hvad=text(\"et langt og fyldigt svar\") tal=number(1) ting=list([\"B\"])")
    walk.answer("", expect: "active @ hvorfor[1] | har=option(\"yes\") hvad=text(\"et langt og fyldigt svar\") tal=number(1) ting=list([\"B\"])")
    walk.back(expect: "active @ ting+ | har=option(\"yes\") hvad=text(\"et langt og fyldigt svar\") tal=number(1) ting=list([\"B\"])")
}

@Test func startingTwiceOrAnsweringFirstIsRejected() {
    var walk = Walk()
    walk.answer("ja", expect: "notStarted @ - | ")
    #expect(walk.lastOutputs == [.rejected(.notStarted)])
    walk.start(expect: "active @ har | ")
    walk.start(expect: "active @ har | ")
    #expect(walk.lastOutputs.first == .rejected(.alreadyStarted))
}

@Test func progressCountsSectionsAndQuestions() {
    var walk = Walk()
    walk.start(expect: "active @ har | ")
    #expect(walk.lastPrompt?.progress == Progress(section: 1, sections: 3, question: 1, questions: 3, fraction: 0))
    walk.answer("nej", expect: "active @ tal | har=option(\"no\")")
    #expect(walk.lastPrompt?.progress == Progress(section: 1, sections: 3, question: 3, questions: 3, fraction: 0.4))
}

@Test func answersWithSpacesAroundAndItemsTakenBackKeepTheirTexts() {
    var walk = Walk()
    walk.start(expect: "active @ har | ")
    walk.answer("ja", expect: "active @ hvad | har=option(\"yes\")")
    walk.answer("  kort \t", expect: "active @ hvad/mere#0 | har=option(\"yes\") hvad=text(\"kort\")")
    #expect(walk.lastPrompt?.text == "Mere om kort?")
    walk.answer(" mere ", expect: "active @ hvad/mere#1 | har=option(\"yes\") hvad=text(\"kort\")+[\"mere\"]")
    #expect(walk.lastPrompt?.text == "Mere om kort?")
    walk.answer("y", expect: "active @ tal | har=option(\"yes\") hvad=text(\"kort\")+[\"mere\", \"y\"]")
    walk.answer("2", expect: "active @ valg | har=option(\"yes\") hvad=text(\"kort\")+[\"mere\", \"y\"] tal=number(2)")
    walk.answer("b", expect: "active @ ting | har=option(\"yes\") hvad=text(\"kort\")+[\"mere\", \"y\"] tal=number(2) valg=option(\"b\")")
    let before = "har=option(\"yes\") hvad=text(\"kort\")+[\"mere\", \"y\"] tal=number(2) valg=option(\"b\")"
    walk.answer("A", expect: "active @ ting+ | \(before) ting=list([\"A\"])")
    walk.answer("B", expect: "active @ ting+ | \(before) ting=list([\"A\", \"B\"])")
    walk.back(expect: "active @ ting+ | \(before) ting=list([\"A\"])")
    walk.answer(" C", expect: "active @ ting+ | \(before) ting=list([\"A\", \"C\"])")
    walk.answer("D", expect: "active @ ting+ | \(before) ting=list([\"A\", \"C\", \"D\"])")
    #expect(walk.lastPrompt?.kind == .list(itemsSoFar: 3))
    walk.answer("", expect: "active @ hvorfor[1] | \(before) ting=list([\"A\", \"C\", \"D\"])")
    walk.answer("fordi", expect: "active @ naar[1] | \(before) ting=list([\"A\", \"C\", \"D\"]) hvorfor[1]=text(\"fordi\")")
    walk.answer("nu", expect: "active @ hvorfor[2] | \(before) ting=list([\"A\", \"C\", \"D\"]) hvorfor[1]=text(\"fordi\") naar[1]=text(\"nu\")")
    #expect(walk.lastPrompt?.text == "Hvorfor C?")
    #expect(walk.conversation.records.last?.text == "nu")
}

@Test func aReplayedTranscriptFoldsToTheSameState() {
    var walk = Walk()
    walk.start(expect: "active @ har | ")
    walk.answer("ja", expect: "active @ hvad | har=option(\"yes\")")
    walk.answer(" kort ", expect: "active @ hvad/mere#0 | har=option(\"yes\") hvad=text(\"kort\")")
    walk.answer(" mere ", expect: "active @ hvad/mere#1 | har=option(\"yes\") hvad=text(\"kort\")+[\"mere\"]")
    let transcript = Transcript(script: program.script, events: walk.events)
    #expect(transcript.replay(on: program).conversation == walk.conversation)
}

private let interpolationScript = """
script: r
version: 1
language: da
title: R
sections:
  - id: a
    title: A
    questions:
      - id: svar
        ask: Svar
      - id: ok
        ask: OK?
        type: yes-no
      - id: valg
        ask: Vælg
        type: choice
        options: [{id: a, label: Alfa}, {id: b, label: Beta}]
      - id: tal
        ask: Tal
        type: scale
        scale: {min: 1, max: 5}
      - id: ting
        ask: Ting
        type: list
      - id: sprunget
        ask: Spring
  - id: b
    title: B
    intro: Du skrev »{answer:svar}«.
    questions:
      - id: alt
        ask: "{answer:svar} | {answer:ok} | {answer:valg} | {answer:tal} | {answer:ting} | {answer:sprunget}"
"""

@Test func promptsAndIntrosShowEveryKindOfEarlierAnswer() {
    let loaded = ScriptLoader.load(text: interpolationScript, path: "r.yaml")
    #expect(loaded.diagnostics.isEmpty)
    var conversation = Conversation(program: ScriptProgram(loaded.script!))
    var clock: Int64 = 0
    func next(_ event: (Timestamp) -> Event) -> [Output] {
        clock += 1000
        return conversation.apply(event(Timestamp(millisecondsSince1970: clock)))
    }
    _ = next { .started(at: $0) }
    for answer in ["  æble på træ ", "ja", "2", "4", "første", "anden ø", ""] { _ = next { .answered(answer, at: $0) } }
    let outputs = next { .skipped(at: $0) }
    let intro = outputs.lazy.compactMap { if case .sectionStarted(let header) = $0 { header.intro } else { nil } }.first
    let prompt = outputs.lazy.compactMap { if case .question(let prompt) = $0 { prompt } else { nil } }.first
    #expect(intro == "Du skrev »æble på træ«.")
    #expect(prompt?.text == "æble på træ | Ja | Beta | 4 | første, anden ø | …")
    #expect(prompt?.fixedTextKey == nil)
}

@Test func wordsWithoutAScaleNumberAreKeptAsTheCommentOfTheNumberThatFollows() {
    var walk = Walk()
    walk.start(expect: "active @ har | ")
    walk.answer("nej", expect: "active @ tal | har=option(\"no\")")
    walk.answer("travlt i december", expect: "active @ tal | har=option(\"no\")")
    #expect(walk.lastOutputs.first == .rejected(.numberMissing(min: 1, max: 3)))
    #expect(walk.lastPrompt?.isRepeat == true)
    walk.answer("9", expect: "active @ tal | har=option(\"no\")")
    #expect(walk.lastOutputs.first == .rejected(.outOfRange(min: 1, max: 3)))
    walk.answer("og for mange møder", expect: "active @ tal | har=option(\"no\")")
    walk.answer("2", expect: "active @ valg | har=option(\"no\") tal=number(2)")
    #expect(walk.conversation.records.last?.scaleComment == "travlt i december\nog for mange møder")
    let transcript = Transcript(script: program.script, events: walk.events)
    #expect(transcript.replay(on: program).conversation == walk.conversation)

    // Going back lets the words go: the number answered after it has no comment.
    walk.back(expect: "active @ tal | har=option(\"no\")")
    walk.answer("lidt presset", expect: "active @ tal | har=option(\"no\")")
    walk.back(expect: "active @ har | ")
    walk.answer("nej", expect: "active @ tal | har=option(\"no\")")
    walk.answer("3", expect: "active @ valg | har=option(\"no\") tal=number(3)")
    #expect(walk.conversation.records.last?.scaleComment == nil)
}

@Test func aScaleProbeReadsTheCommentAndNotTheNumber() throws {
    let loaded = ScriptLoader.load(text: """
        script: s
        version: 1
        language: da
        title: S
        sections:
          - id: a
            title: A
            questions:
              - id: trivsel
                ask: Trivsel?
                type: scale
                probes:
                  - id: hvorfor
                    if: answer <= 2 and vague
                    ask: Hvad ligger bag?
              - id: slut
                ask: Slut?
        """, path: "s.yaml")
    #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
    let scaleProgram = ScriptProgram(try #require(loaded.script))
    func asked(after answer: String) -> String? {
        var conversation = Conversation(program: scaleProgram)
        _ = conversation.start(at: Timestamp(millisecondsSince1970: 0))
        let outputs = conversation.answer(answer, at: Timestamp(millisecondsSince1970: 1))
        return outputs.lazy.compactMap { if case .question(let prompt) = $0 { prompt.text } else { nil } }.first
    }
    #expect(asked(after: "2") == "Hvad ligger bag?", "a number alone says nothing about why")
    #expect(asked(after: "2 — alt for mange ting") == "Hvad ligger bag?", "a vague comment is probed")
    #expect(asked(after: "2 — 14 møder om ugen siden marts") == "Slut?", "a concrete comment is not")
    #expect(asked(after: "4") == "Slut?")
}

/// A conversation numbers its questions in thirty-two bits: a script past the 16,383 questions of
/// the fourteen bits before (S033, retired) runs to its last question, and a condition there reads
/// an answer given thousands of questions earlier.
@Test func aScriptOfMoreThanSixteenThousandQuestionsRunsToItsEnd() throws {
    let count = 16_400
    var questions = (0..<count - 1).map { "{id: q\($0), ask: x}" }
    questions.append("{id: last, ask: y, when: q1 == \"a\"}")
    let yaml = "script: t\nversion: 1\nlanguage: da\ntitle: T\nsections:\n  - id: a\n    title: A\n    questions: [\(questions.joined(separator: ", "))]\n"
    let loaded = ScriptLoader.load(text: yaml, path: "long.yaml")
    let script = try #require(loaded.script, "\(loaded.diagnostics)")
    var conversation = Conversation(program: ScriptProgram(script))
    _ = conversation.start(at: Timestamp(millisecondsSince1970: 0))
    for number in 0..<count - 1 { _ = conversation.answer(number == 1 ? "a" : "b", at: Timestamp(millisecondsSince1970: 1)) }
    #expect(conversation.position == .question(index: count - 1, item: -1), "the last question, asked because q1 was answered »a«")
    _ = conversation.answer("z", at: Timestamp(millisecondsSince1970: 2))
    #expect(conversation.records.last?.question == count - 1 && conversation.records.count == count)
}
