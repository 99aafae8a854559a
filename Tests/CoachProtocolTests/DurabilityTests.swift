import Foundation
import CoachEngine
@testable import CoachProtocol
import CoachStore
import Testing

/// A host that stopped without writing its sessions: its journal alone brings them back.
@Test func recoveringTheJournalRebuildsEverySessionWhereItStood() throws {
    var first = HostHarness()
    _ = first.start("a")
    _ = first.start("b", language: "en")
    _ = first.answer("a", "Den 3. marts")
    _ = first.answer("a", "ja")
    _ = first.call("session.back", #"{"session":"a"}"#)
    _ = first.answer("b", "In March")
    _ = first.call("session.end", #"{"session":"b"}"#)
    let journal = first.host.takeJournal()
    #expect(first.backend.files.isEmpty)

    let lines = journal.split(separator: 0x0A).map(Array.init)
    var second = HostHarness()
    let recovery = second.host.recover(lines)
    #expect(recovery == SessionHost<MemoryBackend>.Recovery(sessions: 2, problems: []))
    #expect(second.host.needsSync)
    let a = try #require(second.backend.files[SessionStore.name(forGateway: "a")])
    #expect(a.transcript.events.count == 4)
    #expect(a.gateway == "a")
    #expect(second.call("session.resume", #"{"session":"a"}"#).step == "haft-mus-foer")
    #expect(second.call("session.resume", #"{"session":"b"}"#).status == "ended")

    // Applying the same journal again changes nothing.
    let before = second.backend.files
    var third = HostHarness(backend: second.backend)
    #expect(third.host.recover(lines).problems.isEmpty)
    #expect(second.backend.files == before)
}

@Test func aJournalLineThatCannotBeReadIsReportedNotGuessed() {
    var harness = HostHarness()
    let recovery = harness.host.recover([Array("{\"session\":\"x\"".utf8)])
    #expect(recovery.sessions == 0)
    #expect(recovery.problems == ["journal line 1 cannot be read; it is kept in the set-aside journal"])
}

@Test func aCheckpointWritesOnlySessionsWithNewEvents() throws {
    var harness = HostHarness()
    _ = harness.start("a")
    _ = harness.start("b")
    #expect(try harness.host.checkpoint())
    #expect(harness.backend.writes == 2)
    _ = harness.answer("a", "I marts")
    _ = harness.answer("b", "I maj")
    var allowed = 1
    #expect(try harness.host.checkpoint { defer { allowed -= 1 }; return allowed > 0 } == false)
    #expect(harness.backend.writes == 3)
    #expect(try harness.host.checkpoint())
    #expect(harness.backend.writes == 4)
    #expect(harness.backend.files[SessionStore.name(forGateway: "a")]?.transcript.events.count == 2)
}

@Test func gatewayIDsBecomeSafeDistinctFileNames() throws {
    #expect(SessionStore.name(forGateway: "U42") == "gw-U42")
    #expect(SessionStore.name(forGateway: "slack:T1/U42") == "gw_slack_3aT1_2fU42")
    #expect(SessionStore.name(forGateway: "slack:T1:U42") == "gw_slack_3aT1_3aU42")
    let long = SessionStore.name(forGateway: String(repeating: "é", count: 256))
    try SessionStore.validate(name: long)
    #expect(long.hasPrefix("gw__c3_a9") && long.count <= 64 && SessionStore.isHashedGatewayName(long))
}

@Test func aCompactedJournalRecoversTheSameSessionsWithoutThoseAlreadyWritten() throws {
    var harness = HostHarness(configuration: HostConfiguration(idleMilliseconds: 5_000))
    _ = harness.start("written")
    harness.clock += 10_000
    #expect(try harness.host.evictIdle(now: Timestamp(millisecondsSince1970: harness.clock)) == 1)
    _ = harness.start("a")
    _ = harness.answer("a", "Den 3. marts")
    _ = harness.answer("a", "ja")
    _ = harness.call("session.back", #"{"session":"a"}"#)
    _ = harness.start("b")
    _ = harness.call("session.end", #"{"session":"b"}"#)
    var compacted: [UInt8] = []
    harness.host.writeCompactedJournal { compacted += $0 }
    #expect(!String(decoding: compacted, as: UTF8.self).contains("gw-written"))

    let fresh = MemoryBackend()
    fresh.files = harness.backend.files
    var recovered = HostHarness(backend: fresh)
    #expect(recovered.host.recover(compacted.split(separator: 0x0A).map(Array.init)).problems.isEmpty)
    let a = try #require(fresh.files[SessionStore.name(forGateway: "a")])
    #expect(a.transcript.events.count == 4)
    #expect(recovered.call("session.resume", #"{"session":"a"}"#).step == "haft-mus-foer")
    #expect(recovered.call("session.resume", #"{"session":"b"}"#).status == "ended")
    #expect(recovered.call("session.resume", #"{"session":"written"}"#).step == "mus-dato")
}

/// The journal of a server killed with `kill -9` before session files and the journal shared one
/// event codec (Tests/Fixtures/written-by-release, commit cf88c2b): every line is read, and written
/// again it reads back the same.
@Test func aJournalWrittenByTheReleaseBeforeIsReadWhole() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/written-by-release/serve.journal")
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map { Array($0.utf8) }
    let records = lines.compactMap(JournalRecord.init(line:))
    #expect(records.count == lines.count && lines.count == 13)
    #expect(records.contains(.event(name: "gw_teams_3aU42", index: 7,
                                    .sharingChanged(answer: "udviklingsmuligheder", to: .private, at: Timestamp(millisecondsSince1970: 1_796_695_830_228)))))
    for record in records {
        var bytes: [UInt8] = []
        record.encode(into: &bytes)
        #expect(JournalRecord(line: Array(bytes.dropLast())) == record)
    }
}
