import CoachScript

/// The record of truth for a conversation: which script it ran on and every event, in order.
/// Nothing in it is ever rewritten; the state is `replay`ed from it.
/// Written and read as JSON by `EventCodec.swift` in CoachStore.
public struct Transcript: Hashable, Sendable {
    public struct ScriptIdentity: Hashable, Sendable {
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

    /// The conversation these events lead to, and everything shown along the way since the
    /// current revision began (earlier revisions are history: `revisions`).
    public func replay(on program: ScriptProgram) -> (conversation: Conversation, outputs: [Output]) {
        var conversation = Conversation(program: program)
        var outputs: [Output] = []
        let start = currentRevisionStart
        conversation.logWithoutApplying(events[..<start])
        for event in events[start...] { conversation.apply(event, into: &outputs) }
        return (conversation, outputs)
    }

    /// Where the current revision's events begin: its `revised` event, or the start.
    var currentRevisionStart: Int {
        events.lastIndex { if case .revised = $0 { true } else { false } } ?? 0
    }

    /// One pass through the dialogue: the first from `started`, each replay from its `revised`.
    public struct Revision: Sendable {
        /// 1-based.
        public var number: Int
        /// The revision on its own, with the script it was made with.
        public var transcript: Transcript
        public var began: Timestamp
    }

    /// Every revision, oldest first; the last is the current one. A revision's transcript begins
    /// with the sharing choices made before it, which still hold for its answers.
    public var revisions: [Revision] {
        var starts = events.indices.filter { if case .revised = events[$0] { true } else { false } }
        if starts.first != 0 { starts.insert(0, at: 0) }
        return starts.enumerated().map { number, start in
            let end = number + 1 < starts.count ? starts[number + 1] : events.count
            var identity = script
            if number + 1 < starts.count, case .revised(_, let previous) = events[starts[number + 1]] { identity = previous }
            let began = events.indices.contains(start) ? events[start].timestamp : Timestamp(millisecondsSince1970: 0)
            let choices = events[..<start].filter { if case .sharingChanged = $0 { true } else { false } }
            return Revision(number: number + 1, transcript: Transcript(script: identity, events: choices + events[start..<end]), began: began)
        }
    }
}
