import CoachEngine
import CoachJSON
import CoachScript
@testable import CoachStore
import Foundation
import Testing

/// Files the program wrote before session files and the journal shared one event codec (commit
/// cf88c2b, 2026-12-08): a terminal session with a back step, a skip, a private answer and a replay,
/// a gateway session with request keys, a sharing choice and its end, and the journal of a server
/// killed with `kill -9` in the middle of the same gateway session.
private let written = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/written-by-release")

private func bytes(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: written.appendingPathComponent(name))) }

@Test(arguments: ["mus-2026-12-08.json", "gw_teams_3aU42.json"])
func aSessionFileWrittenByTheReleaseBeforeOpensAndIsWrittenAgainByteForByte(name: String) throws {
    let old = try bytes(name)
    let file = try SessionFile(json: old)
    #expect(file.encodedJSON() == old)
}

@Test func aSessionFileWrittenByTheReleaseBeforeHoldsEveryKindOfEvent() throws {
    let terminal = try SessionFile(json: try bytes("mus-2026-12-08.json"))
    #expect(terminal.transcript.events.map(\.kind) == ["started", "answered", "answered", "answered", "wentBack", "answered", "skipped",
                                                       "sharingChanged", "answered", "revised", "answered"])
    #expect(terminal.transcript.events.contains(.sharingChanged(answer: "skema", to: .private, at: Timestamp(millisecondsSince1970: 1_796_695_822_330))))
    let gateway = try SessionFile(json: try bytes("gw_teams_3aU42.json"))
    #expect(gateway.gateway == "teams:U42" && gateway.closed != nil)
    #expect(gateway.requestKeys?.map(\.key) == ["k-2", "k-3", "k-5", "k-7"])
    #expect(gateway.transcript.events.contains(.answered("Kurser \"internt\" og æøå\nanden linje", at: Timestamp(millisecondsSince1970: 1_796_695_822_140))))
}

@Test func eachEventReadsBackAsWritten() throws {
    let at = Timestamp(millisecondsSince1970: 1_000)
    let events: [Event] = [
        .started(at: at), .answered("\"ja\" \\ æøå\n😀", at: at), .skipped(at: at), .wentBack(at: at),
        .revised(at: at, previous: .init(id: "mus", version: 2, language: "da", contentHash: "fnv1a64:1")),
        .sharingChanged(answer: "oensker[1]/gavn", to: .shared, at: at),
    ]
    for event in events {
        var writer = JSONWriter()
        writer.beginObject()
        event.writeFields(into: &writer)
        writer.endObject()
        #expect(try Event(json: JSONObjectReader(JSONParser.parse(writer.bytes))) == event)
    }
}

@Test(arguments: [
    (#"{"type":"exploded","at":1}"#, "'type' has a value this mus-coach does not know"),
    (#"{"type":"answered","at":1}"#, "'text' is missing"),
    (#"{"type":"answered","text":7,"at":1}"#, "'text' has the wrong type"),
    (#"{"type":"sharingChanged","answer":"a","sharing":"secret","at":1}"#, "'sharing' has a value this mus-coach does not know"),
    (#"{"type":"started","at":"soon"}"#, "'at' has the wrong type"),
])
func aMalformedEventIsNamedByItsField(json: String, message: String) {
    #expect(throws: JSONShapeError.self) { try Event(json: JSONObjectReader(JSONParser.parse(Array(json.utf8)))) }
    do {
        _ = try Event(json: JSONObjectReader(JSONParser.parse(Array(json.utf8))))
    } catch let error as JSONShapeError {
        #expect(error.description == message)
    } catch {
        Issue.record("\(error)")
    }
}

@Test func aMalformedEventInAFileIsNamedByItsPlace() throws {
    let json = #"{"format":"mus-coach-session/1","name":"x","created":1,"updated":1,"transcript":{"script":{"id":"t","version":1,"language":"da","contentHash":"x"},"events":[{"type":"started","at":1},{"type":"answered","at":2}]}}"#
    #expect(throws: SessionFile.Unreadable.self) { try SessionFile(json: Array(json.utf8)) }
    do {
        _ = try SessionFile(json: Array(json.utf8))
    } catch {
        #expect(error.description == "'transcript.events.1.text' is missing")
    }
}

private extension Event {
    var kind: String {
        switch self {
        case .started: "started"
        case .answered: "answered"
        case .skipped: "skipped"
        case .wentBack: "wentBack"
        case .revised: "revised"
        case .sharingChanged: "sharingChanged"
        }
    }
}
