import CoachEngine

/// One conversation on disk: its name, when it began and last changed, and its transcript.
public struct SessionFile: Codable, Equatable, Sendable {
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

    public init(name: String, created: Timestamp, transcript: Transcript) {
        format = Self.currentFormat
        self.name = name
        self.created = created
        updated = created
        self.transcript = transcript
    }
}
