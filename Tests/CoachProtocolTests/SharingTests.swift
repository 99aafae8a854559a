import CoachEngine
@testable import CoachProtocol
import CoachStore
import Testing

/// Over the gateway the person keeps an answer to themselves (`"private": true`), shares it again
/// (`session.share`), and `session.agenda` follows; the choice is journalled like an answer.
@Test func privateAnswersStayOutOfTheAgendaAcrossARestart() throws {
    var harness = HostHarness()
    _ = harness.start("p")
    let answered = harness.call("session.answer", #"{"session":"p","text":"Torsdag zqxdato kl. 10","private":true}"#)
    #expect(answered.step == "haft-mus-foer")
    func agenda(_ harness: inout HostHarness) -> (text: String, leftOut: [String]) {
        let reply = harness.call("session.agenda", #"{"session":"p","format":"text"}"#)
        let leftOut: [String] = if case .array(let items)? = reply.result?["leftOut"] { items.compactMap { $0["id"]?.stringValue } } else { [] }
        return (reply.result?["agenda"]?.stringValue ?? "", leftOut)
    }
    var (text, leftOut) = agenda(&harness)
    #expect(!text.isEmpty && !text.contains("zqxdato"))
    #expect(leftOut == ["mus-dato"])
    // The person's own brief keeps it, marked.
    let brief = harness.call("session.summary", #"{"session":"p","format":"text"}"#).result?["brief"]?.stringValue ?? ""
    #expect(brief.contains("zqxdato") && brief.contains("(privat)"))

    // A restart that rebuilds the session from the journal keeps the choice.
    let lines = harness.host.takeJournal().split(separator: 0x0A).map(Array.init)
    var restarted = HostHarness()
    #expect(restarted.host.recover(lines).problems.isEmpty)
    (text, leftOut) = agenda(&restarted)
    #expect(!text.contains("zqxdato") && leftOut == ["mus-dato"])

    let shared = restarted.call("session.share", #"{"session":"p","answer":"mus-dato","private":false}"#)
    #expect(shared.result?["private"] == .bool(false))
    (text, leftOut) = agenda(&restarted)
    #expect(text.contains("zqxdato") && leftOut.isEmpty)
}

@Test func sharingAndTheAgendaRefuseWhatTheyCannotDo() {
    var harness = HostHarness()
    _ = harness.start("p")
    #expect(harness.call("session.share", #"{"session":"p","answer":"lykkedes","private":true}"#).errorCode == -32602)
    #expect(harness.call("session.share", #"{"session":"p","answer":"mus-dato"}"#).errorCode == -32602)
    #expect(harness.call("session.answer", #"{"session":"p","text":"x","private":"ja"}"#).errorCode == -32602)
    #expect(harness.call("session.agenda", #"{"session":"p","format":"pdf"}"#).errorCode == -32602)
    #expect(harness.call("session.agenda", #"{"session":"p","format":"eml","to":"a@b.dk\r\nBcc: x@y.dk"}"#).errorCode == -32602)
    let mail = harness.call("session.agenda", #"{"session":"p","format":"eml","to":"leder@example.dk"}"#).result?["agenda"]?.stringValue ?? ""
    #expect(mail.contains("\r\nTo: leder@example.dk\r\n") && mail.hasPrefix("MIME-Version: 1.0\r\n"))
}

/// The agenda's suspected slips come with it, for the gateway to show before it is sent; nothing
/// is changed, and without a dictionary the reply says the agenda is not checked.
@Test func theAgendaComesWithItsSuspectedSlips() throws {
    for noDictionaries in [false, true] {
        let backend = MemoryBackend()
        backend.noDictionaries = noDictionaries
        var harness = HostHarness(backend: backend)
        _ = harness.start("s")
        var step = harness.call("session.resume", #"{"session":"s"}"#).step
        while let current = step, current != "oensker" { step = harness.call("session.skip", #"{"session":"s"}"#).step }
        _ = harness.answer("s", "Kursus for nye kolegaer")
        let agenda = harness.call("session.agenda", #"{"session":"s","format":"text"}"#)
        #expect(agenda.result?["agenda"]?.stringValue?.contains("kolegaer") == true, "nothing is corrected")
        if noDictionaries {
            #expect(agenda.result?["spelling"] == .null)
            #expect(agenda.result?["spellingNote"]?.stringValue?.contains("not checked") == true)
        } else {
            guard case .array(let suspects)? = agenda.result?["spelling"] else { Issue.record("no spelling: \(agenda)"); continue }
            let slip = try #require(suspects.first { $0["word"] == .string("kolegaer") })
            guard case .array(let suggestions)? = slip["suggestions"] else { Issue.record("no suggestions: \(slip)"); continue }
            #expect(suggestions.contains(.string("kollegaer")))
        }
    }
}
