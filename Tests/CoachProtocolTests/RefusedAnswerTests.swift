import CoachEngine
import CoachJSON
@testable import CoachProtocol
import CoachStore
import Testing

/// A refused answer is kept only as far as it says why: ninety one-megabyte replies to a yes/no
/// question once made a 90 MB journal and session file.
@Suite struct RefusedAnswerTests {
    @Test func aRefusedMegabyteIsJournalledAsFarAsItSaysWhyAndReplaysTheSame() throws {
        var harness = HostHarness()
        _ = harness.start("a")
        _ = harness.answer("a", "Den 3. marts")
        _ = harness.host.takeJournal()
        let megabyte = String(repeating: "hverken ja eller nej ", count: 50_000)
        for _ in 0..<20 {
            let reply = harness.answer("a", megabyte)
            #expect(reply.kinds.first == "rejected" && reply.step == "haft-mus-foer")
        }
        // Both words with nothing else: refused as both in full and in part.
        #expect(harness.answer("a", String(repeating: "ja nej ", count: 1_000)).kinds.first == "rejected")
        let journal = harness.host.takeJournal()
        #expect(journal.count < 21 * 400, "\(journal.count) bytes")

        let session = try #require(harness.host.sessions[GatewayID("a")])
        let replayed = session.transcript.replay(on: session.conversation.program).conversation
        #expect(replayed == session.conversation)
        // An answer the question takes is kept whole, however long.
        let long = "ja, " + String(repeating: "og det var en god samtale ", count: 100)
        _ = harness.answer("a", long)
        #expect(harness.host.sessions[GatewayID("a")]!.transcript.events.last == .answered(long, at: Timestamp(millisecondsSince1970: harness.clock)))
    }
}
