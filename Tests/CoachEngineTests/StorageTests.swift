@testable import CoachEngine
import CoachScript
import Testing

/// How a conversation keeps its answers: text in fixed-size chunks, eight-byte records whose
/// per-item follow-up choices are read again from their text.
private func answering(_ conversation: inout Conversation, _ answers: [String], clock: inout Int64) -> [Event] {
    answers.map { text in
        clock += 1000
        let event = Event.answered(text, at: Timestamp(millisecondsSince1970: clock))
        _ = conversation.apply(event)
        return event
    }
}

@Test func answersLongerThanAChunkAndListsAcrossChunkEndsKeepTheirTexts() {
    var conversation = Conversation(program: program)
    var events: [Event] = [.started(at: Timestamp(millisecondsSince1970: 0))]
    _ = conversation.apply(events[0])
    var clock: Int64 = 0
    // Far past a chunk (a few hundred bytes), with letters beyond ASCII at the chunks' ends.
    let long = String(repeating: "æble og pære ", count: 80) + "slut"
    events += answering(&conversation, ["ja", long, "2", "a"], clock: &clock)
    let items = (1...40).map { "ting nummer \($0) på listen" }
    events += answering(&conversation, items, clock: &clock)
    // The item taken back stays in the text, so the list's items no longer lie together: they
    // are gathered anew at the end of the text.
    clock += 1000
    events.append(.wentBack(at: Timestamp(millisecondsSince1970: clock)))
    _ = conversation.apply(events.last!)
    events += answering(&conversation, ["  ting nummer 41 efter et skridt tilbage  ", ""], clock: &clock)
    events += answering(&conversation, ["fordi " + long], clock: &clock)

    let records = conversation.records
    #expect(records.map(\.text) == ["ja", long, "2", "a", (items.dropLast() + ["ting nummer 41 efter et skridt tilbage"]).joined(separator: "\n"),
                                     "fordi " + long])
    #expect(records[4].itemCount == 40)
    #expect(conversation.events == events)
    #expect(Transcript(script: program.script, events: events).replay(on: program).conversation == conversation)
    // The follow-up's condition read the long answer; the prompt reads the list's first item.
    guard case .question(let index, let item)? = conversation.position else { Issue.record("no question asked"); return }
    #expect(program.questions[index].question.id == "naar" && item == 0)
    #expect(conversation.reshow().last.flatMap { if case .question(let prompt) = $0 { prompt.text } else { nil } } == "Hvornår ting nummer 1 på listen?")
}

@Test func onlyAnswersThatContinueARecordFollowANewline() {
    var conversation = Conversation(program: program)
    _ = conversation.start(at: Timestamp(millisecondsSince1970: 0))
    var clock: Int64 = 0
    let answers = ["ja", "kort", "noget mere her", "2", "a", "første", "anden", ""]
    let events = answering(&conversation, answers, clock: &clock)
    // A newline before the probe answer and before the list's second item, none elsewhere.
    #expect(conversation.log.textByteCount == answers.map(\.utf8.count).reduce(0, +) + 2)
    #expect(conversation.records.map(\.text) == ["ja", "kort", "2", "a", "første\nanden"])
    #expect(conversation.records[1].probeAnswers.map(\.text) == ["noget mere her"])
    #expect(conversation.events.suffix(answers.count) == events[...])
}

@Test func aCopiedConversationGoesOnByItself() {
    var first = Conversation(program: program)
    _ = first.start(at: Timestamp(millisecondsSince1970: 0))
    var clock: Int64 = 0
    _ = answering(&first, ["ja", String(repeating: "lang tekst ", count: 30)], clock: &clock)
    var second = first
    _ = answering(&first, ["1"], clock: &clock)
    _ = answering(&second, ["3", "b"], clock: &clock)
    #expect(first.records.map(\.text).suffix(1) == ["1"])
    #expect(second.records.map(\.text).suffix(2) == ["3", "b"])
    #expect(first.events.count == 4 && second.events.count == 5)
    #expect(first.records[1].text == second.records[1].text)
}

private let followUpChoiceScript = """
script: f
version: 1
language: da
title: F
sections:
  - id: s
    title: S
    questions:
      - id: oensker
        ask: Ønsker
        type: list
        each:
          - id: vigtig
            ask: Er {item} vigtig?
            type: yes-no
          - id: hvor
            ask: Hvor vigtig er {item}?
            type: scale
            scale: {min: 1, max: 5}
          - id: hvorfor
            when: vigtig == yes and hvor >= 4
            ask: Hvorfor {item}?
"""

@Test func aPerItemFollowUpsChoiceIsReadAgainFromItsText() {
    let result = ScriptLoader.load(text: followUpChoiceScript, path: "f.yaml")
    let program = ScriptProgram(result.script!)
    var conversation = Conversation(program: program)
    _ = conversation.start(at: Timestamp(millisecondsSince1970: 0))
    var clock: Int64 = 0
    _ = answering(&conversation, ["kursus", "mentor", "", "Ja tak", "5", "det giver mening", "nej", "5"], clock: &clock)
    let records = conversation.records
    #expect(records.map(\.item) == [-1, 0, 0, 0, 1, 1])
    #expect(records.map(\.choice) == [-1, 1, 5, -1, 0, 5])
    #expect(conversation.status == .ended, "the second item's reason is not asked: it is not important")
}

@Test func recordsOf64KiBAndMoreKeepTheirLength() {
    var conversation = Conversation(program: program)
    _ = conversation.start(at: Timestamp(millisecondsSince1970: 0))
    var clock: Int64 = 0
    let huge = String(repeating: "meget lang forklaring ", count: 4000) + "slut"
    let item = String(repeating: "x", count: 30_000)
    _ = answering(&conversation, ["ja", huge, "2", "a", item + "1", item + "2", item + "3"], clock: &clock)
    // Compared by their lengths and ends: a failure prints the values.
    #expect(conversation.records.map(\.text.utf8.count) == [2, huge.utf8.count, 1, 1, 3 * 30_001 + 2])
    #expect(conversation.records[1].text == huge && conversation.records[4].items == [item + "1", item + "2", item + "3"])
    _ = conversation.goBack(at: Timestamp(millisecondsSince1970: clock + 1))
    #expect(conversation.records.last?.items == [item + "1", item + "2"])
    _ = answering(&conversation, ["kort", ""], clock: &clock)
    #expect(conversation.records.last?.items == [item + "1", item + "2", "kort"])
    #expect(conversation.reshow().last.flatMap { if case .question(let prompt) = $0 { prompt.text } else { nil } } == "Hvorfor \(item)1?")
}

@Test func recordsAtTheSixteenBitBoundaryKeepTheirTexts() {
    var conversation = Conversation(program: program)
    _ = conversation.start(at: Timestamp(millisecondsSince1970: 0))
    var clock: Int64 = 0
    // The longest text a record holds itself, then one byte more, kept beside the records.
    // Words, so that the probe for short answers does not fire.
    let longest = String(repeating: "ord ", count: 16_383) + "slu"
    let longer = String(repeating: "b", count: Int(UInt16.max) + 1)
    _ = answering(&conversation, ["ja", longest, "2", "a", longer, ""], clock: &clock)
    let records = conversation.records
    #expect(records.map(\.text.utf8.count) == [2, Int(UInt16.max), 1, 1, Int(UInt16.max) + 1])
    guard records.count == 5 else { return }
    #expect(records[1].text == longest && records[4].text == longer)
}

@Test func whitespaceAroundAnAnswerIsTrimmedBeyondASCIIAndLettersBeyondASCIIAreKept() {
    var conversation = Conversation(program: program)
    _ = conversation.start(at: Timestamp(millisecondsSince1970: 0))
    var clock: Int64 = 0
    // A no-break space, an em space and an ideographic space around answers; "på" and "ø" end
    // in letters beyond ASCII. Two words draw the probe, which "ø" answers.
    _ = answering(&conversation, ["\u{3000}ja\u{00A0}", " \u{00A0}Åben på\u{2003}\n", "\u{2003}ø", "\t3\u{3000}"], clock: &clock)
    #expect(conversation.records.map(\.text) == ["ja", "Åben på", "3"])
    #expect(conversation.records[1].probeAnswers.map(\.text) == ["ø"])
    #expect(conversation.records.map(\.choice) == [1, -1, 3])
}

@Test func aCopyTakenWithProbeAnswersAndAWideRecordGoesOnByItself() {
    var first = Conversation(program: program)
    _ = first.start(at: Timestamp(millisecondsSince1970: 0))
    var clock: Int64 = 0
    // "kort svar" draws the probe, which "mere" answers; the list's one item takes over 64 KiB.
    let huge = String(repeating: "lang ", count: 14_000) + "slut"
    _ = answering(&first, ["ja", "kort svar", "mere", "2", "a", huge], clock: &clock)
    var second = first
    _ = answering(&first, ["b"], clock: &clock)
    _ = second.goBack(at: Timestamp(millisecondsSince1970: clock + 1))
    _ = answering(&second, ["c"], clock: &clock)
    for conversation in [first, second] {
        #expect(conversation.records[1].text == "kort svar" && conversation.records[1].probeAnswers.map(\.text) == ["mere"])
    }
    #expect(first.records.last?.items == [huge, "b"])
    #expect(second.records.last?.items == ["c"])
}
