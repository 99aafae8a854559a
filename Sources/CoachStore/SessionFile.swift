import CoachEngine

/// One conversation on disk: its name, when it began and last changed, and its transcript.
public struct SessionFile: Equatable, Sendable {
    /// Written into every file, so a future format can tell old files apart.
    public static let currentFormat = "mus-coach-session/1"

    public var format: String
    public var name: String
    public var created: Timestamp
    public var updated: Timestamp
    public var transcript: Transcript
    /// The chat gateway's own id for a session started through `serve`.
    public var gateway: String?
    /// When the gateway ended the session; no answer is taken after that.
    public var closed: Timestamp?
    /// The gateway's keys of the latest answers it sent (at most `RequestKey.kept`): an answer sent
    /// again with its key (a retry after a lost reply) is not applied twice. Nil when there are none.
    public var requestKeys: [RequestKey]?

    public struct RequestKey: Equatable, Sendable {
        /// How many keys a session keeps: enough for any retry a gateway makes.
        public static let kept = 32

        public var key: String
        /// The index in the transcript of the answer sent with it.
        public var event: Int

        public init(key: String, event: Int) {
            self.key = key
            self.event = event
        }
    }

    public init(name: String, created: Timestamp, transcript: Transcript) {
        format = Self.currentFormat
        self.name = name
        self.created = created
        updated = created
        self.transcript = transcript
    }
}
