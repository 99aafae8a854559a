import CoachEngine
import CoachScript
import Foundation
import Testing

let sampleEvents: [Event] = [
    .started(at: Timestamp(millisecondsSince1970: 1_000)),
    .answered("ja", at: Timestamp(millisecondsSince1970: 2_000)),
    .answered("kort", at: Timestamp(millisecondsSince1970: 3_000)),
    .wentBack(at: Timestamp(millisecondsSince1970: 4_000)),
    .answered("et langt og fyldigt svar", at: Timestamp(millisecondsSince1970: 5_000)),
    .skipped(at: Timestamp(millisecondsSince1970: 6_000)),
    .answered("A", at: Timestamp(millisecondsSince1970: 7_000)),
]

@Test func replayingTheEventsGivesTheLiveState() {
    var live = Conversation(program: program)
    var liveOutputs: [Output] = []
    for event in sampleEvents { liveOutputs += live.apply(event) }
    let transcript = Transcript(script: program.script, events: sampleEvents)
    let (replayed, outputs) = transcript.replay(on: program)
    #expect(replayed == live)
    #expect(outputs == liveOutputs)
    #expect(describe(replayed) == "active @ ting+ | har=option(\"yes\") hvad=text(\"et langt og fyldigt svar\") tal=skipped ting=list([\"A\"])")
}

@Test func transcriptsRoundTripThroughJSON() throws {
    let transcript = Transcript(script: program.script, events: sampleEvents)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let data = try encoder.encode(transcript)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.contains("{\"at\":2000,\"text\":\"ja\",\"type\":\"answered\"}"))
    #expect(text.contains("\"contentHash\":\"fnv1a64:"))
    #expect(try JSONDecoder().decode(Transcript.self, from: data) == transcript)
}

@Test func anUnknownEventTypeIsADecodingError() {
    let json = #"{"script":{"id":"t","version":1,"language":"da","contentHash":"x"},"events":[{"type":"exploded","at":1}]}"#
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(Transcript.self, from: Data(json.utf8)) }
}
