import Foundation
import Testing

/// websocketd in front of `mus-coach serve`, a Python WebSocket client on the other side
/// (`.ci/run` installs both): see Tests/Gateway/websocket_gateway.py.
@Test func conversationsThroughARealWebSocketGateway() throws {
    let home = TestHome()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", repository.appendingPathComponent("Tests/Gateway/websocket_gateway.py").path,
                         programURL.path, repository.appendingPathComponent("dialogues").path, home.folder.path]
    process.environment = home.environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "the gateway test failed (needs websocketd and Python websockets, as .ci/run installs):\n\(text)")
    #expect(text.contains("plain: a conversation over websocketd"))
    #expect(text.contains("serve: JSON-RPC over websocketd"))
}
