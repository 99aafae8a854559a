import CoachEngine
import CoachJSON
import CoachLibrary
@testable import CoachProtocol
import CoachScript
import CoachStore
import Foundation
import Testing

/// What one gateway session holds never reaches another: its file, its answers, its messages.
@Suite struct SessionIsolationTests {
    @Test func anIdSpelledLikeAnotherIdsStoredNameGetsAFileOfItsOwnAndBothSurviveARestart() throws {
        var first = HostHarness()
        let slashed = "a/b"
        // The id that is the first one's stored name without its prefix: once the same file.
        let lookalike = String(SessionStore.name(forGateway: slashed).dropFirst(3))
        #expect(first.start(slashed).status == "active")
        #expect(first.start(lookalike).status == "active")
        #expect(SessionStore.name(forGateway: slashed) != SessionStore.name(forGateway: lookalike))
        _ = first.answer(slashed, "Den 3. marts")
        _ = first.answer(lookalike, "Den 9. april")
        let lines = first.host.takeJournal().split(separator: 0x0A).map(Array.init)

        var restarted = HostHarness()
        #expect(restarted.host.recover(lines) == SessionHost<MemoryBackend>.Recovery(sessions: 2, problems: []))
        for (id, answer) in [(slashed, "Den 3. marts"), (lookalike, "Den 9. april")] {
            let resumed = restarted.call("session.resume", #"{"session":"\#(id)"}"#)
            #expect(resumed.step == "haft-mus-foer", "\(id): \(resumed)")
            let file = try #require(restarted.backend.files[SessionStore.name(forGateway: id)])
            #expect(file.gateway == id)
            #expect(file.transcript.events.contains(.answered(answer, at: file.transcript.events[1].timestamp)))
        }
    }

    /// Two ids that differ in any byte are two people, though Swift's `String` calls them equal
    /// (the same text in Unicode's composed and decomposed forms): in memory, on disk, after a restart.
    @Test func idsThatAreTheSameTextInAnotherUnicodeFormAreTwoSessions() throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(composed == decomposed, "Swift compares canonically: the reason this test exists")
        var first = HostHarness()
        #expect(first.start(composed).status == "active")
        #expect(first.start(decomposed).status == "active", "a new id, not an existing session")
        _ = first.answer(composed, "ALFA 3. marts")
        _ = first.answer(decomposed, "BETA 9. april")
        for (id, own, other) in [(composed, "ALFA", "BETA"), (decomposed, "BETA", "ALFA")] {
            let brief = first.call("session.summary", #"{"session":"\#(id)","format":"text"}"#).result?["brief"]?.stringValue ?? ""
            #expect(brief.contains(own) && !brief.contains(other), "\(Array(id.utf8)): \(brief.prefix(200))")
        }
        #expect(SessionStore.name(forGateway: composed) != SessionStore.name(forGateway: decomposed))
        let lines = first.host.takeJournal().split(separator: 0x0A).map(Array.init)

        var restarted = HostHarness()
        #expect(restarted.host.recover(lines) == SessionHost<MemoryBackend>.Recovery(sessions: 2, problems: []))
        for (id, own) in [(decomposed, "BETA 9. april"), (composed, "ALFA 3. marts")] {
            #expect(restarted.call("session.resume", #"{"session":"\#(id)"}"#).step == "haft-mus-foer")
            let file = try #require(restarted.backend.files[SessionStore.name(forGateway: id)])
            #expect(file.gateway.map { Array($0.utf8) } == Array(id.utf8))
            #expect(file.transcript.events.contains(.answered(own, at: file.transcript.events[1].timestamp)))
        }
        let listed = restarted.call("session.list")
        guard case .array(let entries)? = listed.result?["sessions"] else { Issue.record("no list: \(listed)"); return }
        #expect(Set(entries.compactMap { $0["session"]?.stringValue.map { Array($0.utf8) } }) == [Array(composed.utf8), Array(decomposed.utf8)])
        // Notes, too, are the person's whose id it is, byte for byte.
        _ = restarted.call("notes.add", #"{"user":"\#(composed)","text":"ALFA NOTE"}"#)
        let notes = restarted.call("notes.list", #"{"user":"\#(decomposed)"}"#)
        #expect(notes.result?["notes"] == .array([]))
    }

    @Test func storedNamesAreValidAndDistinctForDistinctIds() throws {
        var ids: Set<String> = ["a", "a-", "a_", "a_5f", "gw-a", "a/b", "a-b", "a_2fb", "A", "æ", "_c3_a6", "teams:U42", "teams-U42",
                                String(repeating: "x", count: 48), String(repeating: "x", count: 49), String(repeating: "x", count: 61),
                                String(repeating: "x", count: 62), String(repeating: "/", count: 20), String(repeating: "/", count: 21)]
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("ab-_./:æ😀 ")
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...70, using: &generator)
            ids.insert(String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        var owners: [String: String] = [:]
        for id in ids {
            let name = SessionStore.name(forGateway: id)
            try SessionStore.validate(name: name)
            #expect(SessionStore.isGatewayName(name))
            if let other = owners.updateValue(id, forKey: name) {
                Issue.record("'\(id)' and '\(other)' share the stored name '\(name)'")
            }
        }
        #expect(SessionStore.isHashedGatewayName(SessionStore.name(forGateway: String(repeating: "/", count: 21))))
        #expect(!SessionStore.isHashedGatewayName(SessionStore.name(forGateway: String(repeating: "/", count: 20))))
    }

    @Test func anIntroThatShowsAnAnswerShowsEachSessionItsOwn() throws {
        let url = dialogues.scriptURL("mus", language: "da")
        var text = try String(contentsOf: url, encoding: .utf8)
        let intro = "      Undersøg, hvilke udviklingsmuligheder der findes i organisationen"
        #expect(text.contains(intro))
        text = text.replacingOccurrences(of: intro, with: "      Din samtale er {answer:mus-dato}. Undersøg, hvilke udviklingsmuligheder der findes i organisationen")
        let script = try #require(ScriptLoader.load(text: text, path: url.path).script)
        let backend = MemoryBackend()
        backend.scripts["mus.da"] = script
        var harness = HostHarness(backend: backend)
        for (id, date) in [("alice", "ALICE-DATO 3. marts"), ("bob", "BOB-DATO 9. april")] {
            _ = harness.start(id)
            _ = harness.answer(id, date)
            _ = harness.call("session.answer", #"{"session":"\#(id)","payload":"no"}"#)
            let reply = harness.call("session.answer", #"{"session":"\#(id)","payload":"no"}"#)
            let section = try #require(reply.messages.first { $0["kind"] == .string("section") })
            #expect(section["text"]?.stringValue?.contains("Din samtale er \(date).") == true, "\(id): \(section)")
        }
    }

    @Test func controlCharactersAreRemovedFromAnAnswerBeforeItIsJournaledOrShown() throws {
        var harness = HostHarness()
        _ = harness.start("s")
        _ = harness.answer("s", "I marts\u{1B}[2J\u{202E}")
        let journal = String(decoding: harness.host.takeJournal(), as: UTF8.self)
        #expect(journal.contains(#""I marts[2J""#))
        #expect(!journal.contains("\\u001b") && !journal.contains("\u{202E}"))
        let summary = harness.call("session.summary", #"{"session":"s","format":"text"}"#)
        let brief = try #require(summary.result?["brief"]?.stringValue ?? summary.result?["text"]?.stringValue)
        #expect(!brief.contains("\u{1B}") && !brief.contains("\u{202E}"))
    }
}
