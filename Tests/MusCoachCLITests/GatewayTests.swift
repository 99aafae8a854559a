import Foundation
import Testing

/// websocketd in front of `mus-coach serve`, a Python WebSocket client on the other side
/// (`.ci/run` installs both): see Tests/Gateway/websocket_gateway.py.
@Test func conversationsThroughARealWebSocketGateway() throws {
    let home = TestHome()
    let (status, text) = try runPython("Tests/Gateway/websocket_gateway.py",
                                       [programURL.path, repository.appendingPathComponent("dialogues").path, home.folder.path],
                                       environment: home.environment)
    #expect(status == 0, "the gateway test failed (needs websocketd and Python websockets, as .ci/run installs):\n\(text)")
    #expect(text.contains("plain: a conversation over websocketd"))
    #expect(text.contains("serve: JSON-RPC over websocketd"))
}
