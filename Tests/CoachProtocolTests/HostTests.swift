import CoachEngine
import CoachJSON
@testable import CoachProtocol
import CoachStore
import Testing

@Test func startingShowsTheGreetingAndAsksTheFirstQuestion() {
    var harness = HostHarness()
    let reply = harness.start("teams:U42")
    #expect(reply["jsonrpc"] == .string("2.0"))
    #expect(reply.status == "active")
    #expect(reply.step == "mus-dato")
    #expect(reply.result?["session"] == .string("teams:U42"))
    #expect(reply.result?["name"] == .string(SessionStore.name(forGateway: "teams:U42")))
    #expect(reply.kinds == ["greeting", "section", "tip", "tip", "question"])
    #expect(reply.messages.last?["inputHint"] == .string("expectingInput"))
    #expect(reply.result?["progress"]?["section"] == .number("1"))
    #expect(reply.result?["progress"]?["sections"] == .number("11"))
}

@Test func yesNoQuestionsOfferButtonsAndTakeTheirPayload() {
    var harness = HostHarness()
    _ = harness.start("s")
    let asked = harness.answer("s", "Den 3. marts")
    #expect(asked.step == "haft-mus-foer")
    #expect(asked.messages.last?["options"] == .array([
        .object([("title", .string("Ja")), ("payload", .string("yes"))]),
        .object([("title", .string("Nej")), ("payload", .string("no"))]),
    ]))
    let next = harness.call("session.answer", #"{"session":"s","payload":"no"}"#)
    #expect(next.status == "active")
    #expect(next.step != "haft-mus-foer")
}

@Test func anInvalidAnswerIsRejectedWithTheQuestionAgainAndNotAnError() {
    var harness = HostHarness()
    _ = harness.start("s")
    _ = harness.answer("s", "Den 3. marts")
    let reply = harness.answer("s", "måske")
    #expect(reply.kinds == ["rejected", "question"])
    #expect(reply.step == "haft-mus-foer")
}

@Test func sessionsInterleaveWithoutTouchingEachOther() {
    var harness = HostHarness()
    _ = harness.start("a")
    _ = harness.start("b", language: "en")
    #expect(harness.answer("a", "I marts").step == "haft-mus-foer")
    #expect(harness.answer("b", "In March").step == "haft-mus-foer")
    #expect(harness.call("session.back", #"{"session":"a"}"#).step == "mus-dato")
    #expect(harness.call("session.resume", #"{"session":"b"}"#).step == "haft-mus-foer")
    #expect(harness.call("session.resume", #"{"session":"b"}"#).messages.last?["text"] == .string("Have you had a MUS before?"))
}

@Test(arguments: [
    ("session.answer", #"{"session":"nobody","text":"x"}"#, RPCError.Code.unknownSession),
    ("session.start", #"{"session":"s"}"#, .sessionExists),
    ("session.start", #"{"session":"t","script":"nope"}"#, .unknownScript),
    ("session.start", #"{"session":"t","language":"fr"}"#, .unknownScript),
    ("session.start", #"{"session":"t","script":"../x"}"#, .unknownScript),
    ("session.back", #"{"session":"s"}"#, .nothingToGoBackTo),
    ("session.answer", #"{"session":"s"}"#, .invalidParams),
    ("session.answer", #"{"session":"s","text":5}"#, .invalidParams),
    ("session.answer", #"{"text":"x"}"#, .invalidParams),
    ("session.start", #"{"session":""}"#, .invalidParams),
    ("session.summary", #"{"session":"s","format":"pdf"}"#, .invalidParams),
    ("session.fly", #"{}"#, .methodNotFound),
])
func methodErrorsCarryTheirCodes(method: String, params: String, code: RPCError.Code) {
    var harness = HostHarness()
    _ = harness.start("s")
    let reply = harness.call(method, params)
    #expect(reply.errorCode == code.rawValue)
    #expect(reply["error"]?["message"] == .string(code.message))
    #expect(reply.result == nil)
}

@Test(arguments: [
    ("{not json", RPCError.Code.parseError, JSONValue.null),
    (#"[{"jsonrpc":"2.0","id":1,"method":"session.list"}]"#, .invalidRequest, .null),
    (#""just a string""#, .invalidRequest, .null),
    (#"{"jsonrpc":"1.0","id":7,"method":"session.list"}"#, .invalidRequest, .number("7")),
    (#"{"jsonrpc":"2.0","id":{"a":1},"method":"session.list"}"#, .invalidRequest, .null),
    (#"{"jsonrpc":"2.0","id":"x","method":5}"#, .invalidRequest, .string("x")),
    (#"{"jsonrpc":"2.0","id":8,"method":"session.list","params":[1]}"#, .invalidParams, .number("8")),
    (String(repeating: "[", count: 40) + String(repeating: "]", count: 40), .invalidRequest, .null),
])
func malformedLinesGetStandardErrors(line: String, code: RPCError.Code, id: JSONValue) {
    var harness = HostHarness()
    let reply = harness.send(raw: line)
    #expect(reply?.errorCode == code.rawValue)
    #expect(reply?["id"] == id)
}

@Test func invalidUTF8IsAParseErrorAndTheHostKeepsServing() {
    var harness = HostHarness()
    let reply = harness.send(raw: [0x7B, 0xFF, 0xFE, 0x7D])
    #expect(reply?.errorCode == -32700)
    #expect(reply?["error"]?["data"]?["reason"] == .string("invalid UTF-8"))
    #expect(harness.start("s").status == "active")
}

@Test func anOverlongLineIsAnInvalidRequest() {
    var harness = HostHarness(configuration: HostConfiguration(maxLineBytes: 2048))
    let reply = harness.host.reply(to: .tooLong(bytes: 5000), at: Timestamp(millisecondsSince1970: 1))
    let parsed = try? JSONParser.parse(reply ?? [])
    #expect(parsed?.errorCode == -32600)
    #expect(parsed?["id"] == .null)
}

@Test func notificationsGetNoReplyButAreCarriedOut() {
    var harness = HostHarness()
    _ = harness.start("s")
    #expect(harness.send(raw: #"{"jsonrpc":"2.0","method":"session.answer","params":{"session":"s","text":"I marts"}}"#) == nil)
    #expect(harness.send(raw: #"{"jsonrpc":"2.0","method":"no.such.method"}"#) == nil)
    #expect(harness.send(raw: #"{"jsonrpc":"1.0","method":"session.list"}"#) == nil)
    #expect(harness.call("session.resume", #"{"session":"s"}"#).step == "haft-mus-foer")
}

@Test func anEndedSessionTakesNoMoreAnswers() {
    var harness = HostHarness()
    _ = harness.start("s")
    let ended = harness.call("session.end", #"{"session":"s"}"#)
    #expect(ended.status == "ended")
    #expect(ended.result?["step"] == .null)
    #expect(harness.answer("s", "x").errorCode == RPCError.Code.sessionEnded.rawValue)
    #expect(harness.call("session.end", #"{"session":"s"}"#).errorCode == RPCError.Code.sessionEnded.rawValue)
    #expect(harness.call("session.resume", #"{"session":"s"}"#).status == "ended")
}

@Test func theSessionLimitRefusesNewSessionsUntilOneFallsIdle() throws {
    var harness = HostHarness(configuration: HostConfiguration(maxSessions: 2, idleMilliseconds: 60_000))
    _ = harness.start("a")
    _ = harness.start("b")
    #expect(harness.start("c").errorCode == RPCError.Code.sessionLimitReached.rawValue)
    harness.clock += 120_000
    #expect(try harness.host.evictIdle(now: Timestamp(millisecondsSince1970: harness.clock)) == 2)
    #expect(harness.host.openSessionCount == 0)
    #expect(harness.start("c").status == "active")
    // An evicted session is read back from its file and goes on where it stood.
    #expect(harness.answer("a", "I marts").step == "haft-mus-foer")
}

@Test func theSummaryIsTheBriefInTheFormatAsked() {
    var harness = HostHarness()
    _ = harness.start("s")
    _ = harness.answer("s", "Den 3. marts")
    let markdown = harness.call("session.summary", #"{"session":"s"}"#)
    #expect(markdown.result?["format"] == .string("markdown"))
    #expect(markdown.result?["brief"]?.stringValue?.hasPrefix("# ") == true)
    let json = harness.call("session.summary", #"{"session":"s","format":"json"}"#)
    #expect(json.result?["brief"]?["language"] == .string("da"))
}

@Test func theListShowsSessionsInMemoryAndOnDisk() throws {
    var harness = HostHarness(configuration: HostConfiguration(idleMilliseconds: 5_000))
    _ = harness.start("on-disk")
    harness.clock += 10_000
    _ = try harness.host.evictIdle(now: Timestamp(millisecondsSince1970: harness.clock))
    _ = harness.start("in-memory")
    let list = harness.call("session.list")
    guard case .array(let sessions)? = list.result?["sessions"] else {
        Issue.record("no sessions array")
        return
    }
    #expect(sessions.map { $0["session"] } == [.string("in-memory"), .string("on-disk")])
    #expect(sessions.allSatisfy { $0["step"] == .string("mus-dato") && $0["status"] == .string("active") })
}

@Test func editingAnEarlierAnswerReevaluatesTheDialogueAsAReplayDoes() throws {
    var harness = HostHarness()
    _ = harness.start("s")
    _ = harness.answer("s", "Den 3. marts")
    _ = harness.answer("s", "ja")
    #expect(harness.answer("s", "ja").step == "skema-punkter")
    // "no invitation" closes the branch that asked for its points: the next unanswered question follows.
    let edited = harness.call("session.edit", #"{"session":"s","step":"skema","payload":"no"}"#)
    #expect(edited.status == "active")
    #expect(edited.step != "skema-punkter")
    #expect(edited.kinds.last == "question")
    let lastJournalLine = try #require(harness.host.takeJournal().split(separator: 0x0A).last.map(Array.init))
    #expect(String(decoding: lastJournalLine, as: UTF8.self).contains(#""type":"answered""#))
    #expect(harness.call("session.edit", #"{"session":"s","step":"skema","text":"måske"}"#).errorCode == RPCError.Code.invalidParams.rawValue)
    #expect(harness.call("session.edit", #"{"session":"s","step":"lykkedes","text":"x"}"#).errorCode == RPCError.Code.invalidParams.rawValue)
    #expect(harness.call("session.edit", #"{"session":"s","step":"a[b","text":"x"}"#).errorCode == RPCError.Code.invalidParams.rawValue)
    // The earlier revision stays in the log; the answers now are the edited ones.
    #expect(harness.call("session.resume", #"{"session":"s"}"#).step == edited.step)
}

@Test func notesAreKeptPerUserAndListedByTag() {
    var harness = HostHarness()
    let added = harness.call("notes.add", #"{"user":"teams:U42","text":"Leverede Apollo før tid","tags":["resultat"]}"#)
    #expect(added.result?["note"]?["id"] == .number("1"))
    _ = harness.call("notes.add", #"{"user":"teams:U42","text":"Kursus i Kubernetes","tags":["oenske"]}"#)
    _ = harness.call("notes.add", #"{"user":"teams:U7","text":"Noget andet"}"#)
    let results = harness.call("notes.list", #"{"user":"teams:U42","tag":"resultat"}"#)
    guard case .array(let notes)? = results.result?["notes"] else {
        Issue.record("no notes array")
        return
    }
    #expect(notes.map { $0["text"] } == [.string("Leverede Apollo før tid")])
    guard case .array(let all)? = harness.call("notes.list", #"{"user":"teams:U42"}"#).result?["notes"] else { return }
    #expect(all.count == 2)
    // `since`: the notes written at or after a moment, as `written` gives it.
    guard case .number(let secondWritten)? = all[1]["written"] else { return }
    guard case .array(let recent)? = harness.call("notes.list", #"{"user":"teams:U42","since":\#(secondWritten)}"#).result?["notes"] else { return }
    #expect(recent.map { $0["text"] } == [.string("Kursus i Kubernetes")])
    #expect(harness.call("notes.list", #"{"user":"teams:U42","since":"i går"}"#).errorCode == RPCError.Code.invalidParams.rawValue)
    #expect(harness.call("notes.add", #"{"user":"u","text":"x","tags":["ferie"]}"#).errorCode == RPCError.Code.invalidParams.rawValue)
    #expect(harness.call("notes.add", #"{"user":"u","text":"  "}"#).errorCode == RPCError.Code.invalidParams.rawValue)
    #expect(harness.call("notes.list", "{}").errorCode == RPCError.Code.invalidParams.rawValue)
}

@Test func choiceAndScaleQuestionsOfferEveryOptionAsAButton() {
    var harness = HostHarness()
    _ = harness.start("s")
    var reply = harness.answer("s", "Den 3. marts")
    var seen: Set<String> = []
    for _ in 0..<80 where seen.count < 2 {
        switch reply.step {
        case "politikker":
            seen.insert("politikker")
            #expect(reply.messages.last?["options"] == .array([
                .object([("title", .string("Ja, og jeg kender dem")), ("payload", .string("ja"))]),
                .object([("title", .string("Ja, men jeg har ikke læst dem")), ("payload", .string("ja-ukendt"))]),
                .object([("title", .string("Nej")), ("payload", .string("nej"))]),
                .object([("title", .string("Ved ikke")), ("payload", .string("ved-ikke"))]),
            ]))
        case "motiveret":
            seen.insert("motiveret")
            #expect(reply.messages.last?["options"] == .array([
                .object([("title", .string("1 – slet ikke")), ("payload", .string("1"))]),
                .object([("title", .string("2")), ("payload", .string("2"))]),
                .object([("title", .string("3")), ("payload", .string("3"))]),
                .object([("title", .string("4")), ("payload", .string("4"))]),
                .object([("title", .string("5 – i meget høj grad")), ("payload", .string("5"))]),
            ]))
        default:
            break
        }
        let payload = reply.messages.last?["options"].flatMap { options -> String? in
            if case .array(let buttons) = options, case .string(let first)? = buttons.first?["payload"] { first } else { nil }
        }
        reply = payload.map { harness.call("session.answer", #"{"session":"s","payload":"\#($0)"}"#) }
            ?? harness.answer("s", "Jeg leverede projekt Apollo i marts, tre uger før tid, og sparede 20 timer om ugen")
    }
    #expect(seen == ["politikker", "motiveret"])
}

@Test func messagesKeptFromEarlierRepliesBelongToTheirOwnScriptAndStep() {
    var harness = HostHarness()
    let danish = harness.start("a")
    let english = harness.start("b", language: "en")
    let danishAgain = harness.start("c")
    #expect(danishAgain.messages == danish.messages)
    #expect(english.messages.last?["text"] != danish.messages.last?["text"])
    #expect(english.messages.last?["text"]?.stringValue?.isEmpty == false)
    // The next step's question is not the first one's, though both were written from the same writer.
    let next = harness.answer("a", "Den 3. marts")
    #expect(next.messages.last?["text"] != danish.messages.last?["text"])
    #expect(harness.answer("c", "Den 4. marts").messages == next.messages)
}
