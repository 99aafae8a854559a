import CoachJSON
@testable import CoachProtocol
import Testing

/// Random and mutated lines: every line that carries an id gets exactly one well-formed reply,
/// and the host keeps serving.
@Test func mutatedLinesNeverBreakTheHost() throws {
    var harness = HostHarness()
    _ = harness.start("s")
    let seeds = [
        #"{"jsonrpc":"2.0","id":1,"method":"session.answer","params":{"session":"s","text":"Den 3. marts"}}"#,
        #"{"jsonrpc":"2.0","id":2,"method":"session.back","params":{"session":"s"}}"#,
        #"{"jsonrpc":"2.0","id":"x","method":"session.summary","params":{"session":"s","format":"html"}}"#,
        #"{"jsonrpc":"2.0","id":3,"method":"session.start","params":{"session":"t2","language":"en"}}"#,
    ].map { Array($0.utf8) }
    var generator = SplitMix(seed: 42)
    for round in 0..<3_000 {
        var line = seeds[round % seeds.count]
        for _ in 0..<(1 + Int(generator.next() % 4)) {
            let position = Int(generator.next() % UInt64(line.count))
            switch generator.next() % 4 {
            case 0: line[position] = UInt8(truncatingIfNeeded: generator.next())
            case 1: line.remove(at: position)
            case 2: line.insert(UInt8(truncatingIfNeeded: generator.next()), at: position)
            default: line.insert(contentsOf: [0x00, 0xC3], at: position)
            }
            if line.isEmpty { line = [0x7B] }
        }
        line.removeAll { $0 == 0x0A }
        guard let reply = harness.host.reply(to: .line(line), at: .init(millisecondsSince1970: Int64(round))) else { continue }
        let parsed = try JSONParser.parse(reply)
        #expect(parsed["jsonrpc"] == .string("2.0"))
        #expect((parsed["result"] == nil) != (parsed["error"] == nil))
        #expect(String(validating: reply, as: UTF8.self) != nil)
    }
    #expect(harness.call("session.resume", #"{"session":"s"}"#).status != nil)
}

struct SplitMix {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
