import CoachScript

/// The record of truth for a conversation: which script it ran on and every event, in order.
/// Nothing in it is ever rewritten; the state is `replay`ed from it.
public struct Transcript: Hashable, Sendable, Codable {
    public struct ScriptIdentity: Hashable, Sendable, Codable {
        public var id: String
        public var version: Int
        public var language: String
        public var contentHash: String

        public init(id: String, version: Int, language: String, contentHash: String) {
            self.id = id
            self.version = version
            self.language = language
            self.contentHash = contentHash
        }

        public init(_ script: Script) {
            id = script.id
            version = script.version
            language = script.language.rawValue
            contentHash = script.contentHash
        }
    }

    public var script: ScriptIdentity
    public var events: [Event]

    public init(script: Script, events: [Event] = []) {
        self.init(script: ScriptIdentity(script), events: events)
    }

    public init(script: ScriptIdentity, events: [Event]) {
        self.script = script
        self.events = events
    }

    /// The conversation these events lead to, and everything shown along the way.
    public func replay(on program: ScriptProgram) -> (conversation: Conversation, outputs: [Output]) {
        var conversation = Conversation(program: program)
        var outputs: [Output] = []
        for event in events { outputs += conversation.apply(event) }
        return (conversation, outputs)
    }
}
