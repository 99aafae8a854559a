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
