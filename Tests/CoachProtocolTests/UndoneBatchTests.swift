import CoachEngine
import CoachJSON
@testable import CoachProtocol
import CoachStore
import Foundation
import Testing

/// A batch the disk cannot take is undone whole: nothing unacknowledged stays applied, and every
/// request in it is asked to retry; a retry with the answer's key is applied once.
@Suite struct UndoneBatchTests {
    private func replies(_ bytes: [UInt8]) -> [JSONValue] {
        bytes.split(separator: 0x0A).map { try! JSONParser.parse(Array($0)) }
    }

    @Test func aBatchTheDiskCannotTakeIsUndoneWholeAndEveryRequestInItIsAskedToRetry() throws {
        var harness = HostHarness()
        _ = harness.start("a")
        _ = harness.answer("a", "Den 3. marts")
        let durable = harness.host.takeBatch()
        harness.host.committed(through: durable.number)
        let a = GatewayID("a")
        let before = try #require(harness.host.sessions[a])
        let (file, conversation) = (before.fileWithEvents, before.conversation)

        // The batch that fails: an answer with a key, a new session, the end of another.
        _ = harness.call("session.answer", #"{"session":"a","payload":"yes","key":"k1"}"#)
        _ = harness.start("b")
        let failed = harness.host.takeBatch()
        // The batch handled meanwhile, not yet handed over: an answer and a note.
        _ = harness.answer("a", "Noget andet")
        _ = harness.call("notes.add", #"{"user":"u","text":"NOTE DER IKKE KOM MED"}"#)
        _ = harness.send(raw: "{oops")
        let noteFile = harness.backend.notes(of: "u").url
        #expect(try harness.backend.notes(of: "u").notes().count == 1, "appended, not yet synced")

        let answered = harness.host.rollBack(from: failed.number, reason: "disk full")
        #expect(answered == 5)
        let errors = replies(harness.host.takeBatch().replies)
        #expect(errors.map(\.errorCode) == Array(repeating: RPCError.Code.storageUnavailable.rawValue, count: 5))
        #expect(errors.map { $0["id"] } == [.number("3"), .number("4"), .number("5"), .number("6"), .null])
        #expect(errors.first?["error"]?["data"]?["reason"]?.stringValue == "disk full")

        // Where the last durable batch left it, whole.
        let after = try #require(harness.host.sessions[a])
        #expect(after.fileWithEvents == file)
        #expect(after.conversation == conversation)
        #expect(after.requestKeys.isEmpty)
        #expect(harness.host.sessions[GatewayID("b")] == nil)
        #expect(try Data(contentsOf: noteFile).isEmpty, "the unsynced note is cut off")

        // The retry is applied, once.
        let retried = harness.call("session.answer", #"{"session":"a","payload":"yes","key":"k1"}"#)
        var reference = HostHarness()
        _ = reference.start("a")
        _ = reference.answer("a", "Den 3. marts")
        #expect(retried.step == reference.call("session.answer", #"{"session":"a","payload":"yes"}"#).step)
        #expect(retried.step != "haft-mus-foer")
        #expect(retried.result?["repeated"] == nil)
        let events = harness.host.sessions[a]!.conversation.log.count
        let again = harness.call("session.answer", #"{"session":"a","payload":"yes","key":"k1"}"#)
        #expect(again.result?["repeated"] == .bool(true))
        #expect(again.step == retried.step)
        #expect(harness.host.sessions[a]!.conversation.log.count == events)
        #expect(harness.start("b").status == "active")
    }

    @Test func aDeletionInABatchTheDiskCannotTakeIsUndoneAndItsFilesAreKept() throws {
        var harness = HostHarness()
        _ = harness.start("a")
        _ = harness.answer("a", "Den 3. marts")
        harness.host.committed(through: harness.host.takeBatch().number)
        let file = harness.host.sessions[GatewayID("a")]!.fileWithEvents

        #expect(harness.call("session.delete", #"{"session":"a"}"#).result?["deleted"] == .bool(true))
        #expect(harness.call("session.resume", #"{"session":"a"}"#).errorCode == RPCError.Code.unknownSession.rawValue)
        let failed = harness.host.takeBatch()
        #expect(failed.deletions == ["gw-a"])
        #expect(!String(decoding: failed.records, as: UTF8.self).contains("gw-a"), "no line of it goes into the journal")

        #expect(harness.host.rollBack(from: failed.number, reason: "disk full") == 2)
        #expect(harness.host.takeBatch().deletions.isEmpty, "the answers to retry, and no deletion")
        #expect(harness.host.sessions[GatewayID("a")]?.fileWithEvents == file)
        #expect(harness.call("session.resume", #"{"session":"a"}"#).step == "haft-mus-foer")
    }

    @Test func aKeyAppliedBeforeARestartIsNotAppliedAgain() throws {
        var first = HostHarness()
        _ = first.start("a")
        let answered = first.call("session.answer", #"{"session":"a","text":"Den 3. marts","key":"k-1"}"#)
        let lines = first.host.takeJournal().split(separator: 0x0A).map(Array.init)

        var restarted = HostHarness()
        #expect(restarted.host.recover(lines).problems.isEmpty)
        #expect(restarted.backend.files["gw-a"]?.requestKeys == [SessionFile.RequestKey(key: "k-1", event: 1)])
        let repeated = restarted.call("session.answer", #"{"session":"a","text":"Den 3. marts","key":"k-1"}"#)
        #expect(repeated.result?["repeated"] == .bool(true))
        #expect(repeated.step == answered.step)
        #expect(restarted.backend.files["gw-a"]?.transcript.events.count == 2)
    }

    @Test func theKeysABatchPushedOutComeBackWhenItIsUndone() throws {
        var harness = HostHarness()
        _ = harness.start("a")
        for number in 0..<SessionFile.RequestKey.kept {
            _ = harness.call("session.answer", #"{"session":"a","text":"Den \#(number + 1). marts","key":"k\#(number)"}"#)
            _ = harness.call("session.back", #"{"session":"a"}"#)
        }
        harness.host.committed(through: harness.host.takeBatch().number)
        let a = GatewayID("a")
        let kept = try #require(harness.host.sessions[a]).requestKeys
        #expect(kept.count == SessionFile.RequestKey.kept && kept.first?.key == "k0")

        _ = harness.call("session.answer", #"{"session":"a","text":"Den 1. april","key":"new"}"#)
        #expect(harness.host.sessions[a]?.requestKeys.first?.key == "k1", "the oldest pushed out")
        _ = harness.host.rollBack(from: harness.host.takeBatch().number, reason: "disk full")
        _ = harness.host.takeBatch()
        #expect(harness.host.sessions[a]?.requestKeys == kept)
        #expect(harness.call("session.answer", #"{"session":"a","text":"Den 1. marts","key":"k0"}"#).result?["repeated"] == .bool(true))
    }

    @Test func notesAreNotDeletedWhileANoteAddedToThemIsNotYetDurable() throws {
        var harness = HostHarness()
        _ = harness.call("notes.add", #"{"user":"u","text":"Første"}"#)
        harness.host.committed(through: harness.host.takeBatch().number)
        _ = harness.call("notes.add", #"{"user":"u","text":"Anden"}"#)
        #expect(harness.call("notes.delete", #"{"user":"u"}"#).errorCode == RPCError.Code.sessionBusy.rawValue)
        harness.host.committed(through: harness.host.takeBatch().number)
        #expect(harness.call("notes.delete", #"{"user":"u","id":2}"#).result?["deleted"] == .number("1"))
        // Ids are never given twice: the next note is 3, so a retried deletion of 2 deletes nothing.
        #expect(harness.call("notes.add", #"{"user":"u","text":"Tredje"}"#).result?["note"]?["id"] == .number("3"))
        harness.host.committed(through: harness.host.takeBatch().number)
        #expect(harness.call("notes.delete", #"{"user":"u","id":2}"#).result?["deleted"] == .number("0"))
        #expect(harness.call("notes.delete", #"{"user":"u"}"#).result?["deleted"] == .number("2"))
        #expect(harness.call("notes.add", #"{"user":"u","text":"Fjerde"}"#).result?["note"]?["id"] == .number("4"))
    }

    @Test func anAnswerWithBothTextAndPayloadIsRefused() {
        var harness = HostHarness()
        _ = harness.start("a")
        let reply = harness.call("session.answer", #"{"session":"a","text":"ja","payload":"no"}"#)
        #expect(reply.errorCode == RPCError.Code.invalidParams.rawValue)
        #expect(harness.call("session.answer", #"{"session":"a","text":"ja","key":""}"#).errorCode == RPCError.Code.invalidParams.rawValue)
    }
}
