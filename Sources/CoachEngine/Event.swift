import CoachScript

/// What happened in a conversation. The transcript is the list of these; the state is their fold.
public enum Event: Hashable, Sendable {
    case started(at: Timestamp)
    /// The person wrote something in reply to what was asked: an answer, a list item, or an empty line.
    case answered(String, at: Timestamp)
    case skipped(at: Timestamp)
    case wentBack(at: Timestamp)
    /// The person began a new revision (a replay): the dialogue starts over, the earlier answers
    /// stay in the log. `previous` is the script the revision before was made with.
    case revised(at: Timestamp, previous: Transcript.ScriptIdentity)
    /// The person chose whether an answer (`trivsel`, `oensker[1]/gavn`, or a list as a whole) goes
    /// into what they send their manager. The dialogue goes on as before; the latest choice holds.
    case sharingChanged(answer: String, to: Sharing, at: Timestamp)

    public var timestamp: Timestamp {
        switch self {
        case .started(let at), .answered(_, let at), .skipped(let at), .wentBack(let at), .revised(let at, _), .sharingChanged(_, _, let at): at
        }
    }
}

extension Event: Codable {
    private enum CodingKeys: String, CodingKey {
        case type, text, at, previous, answer, sharing
    }

    private enum Kind: String, Codable {
        case started, answered, skipped, wentBack, revised, sharingChanged
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let at = try container.decode(Timestamp.self, forKey: .at)
        switch try container.decode(Kind.self, forKey: .type) {
        case .started: self = .started(at: at)
        case .answered: self = .answered(try container.decode(String.self, forKey: .text), at: at)
        case .skipped: self = .skipped(at: at)
        case .wentBack: self = .wentBack(at: at)
        case .revised: self = .revised(at: at, previous: try container.decode(Transcript.ScriptIdentity.self, forKey: .previous))
        case .sharingChanged:
            self = .sharingChanged(answer: try container.decode(String.self, forKey: .answer), to: try container.decode(Sharing.self, forKey: .sharing), at: at)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .started(let at):
            try container.encode(Kind.started, forKey: .type)
            try container.encode(at, forKey: .at)
        case .answered(let text, let at):
            try container.encode(Kind.answered, forKey: .type)
            try container.encode(text, forKey: .text)
            try container.encode(at, forKey: .at)
        case .skipped(let at):
            try container.encode(Kind.skipped, forKey: .type)
            try container.encode(at, forKey: .at)
        case .wentBack(let at):
            try container.encode(Kind.wentBack, forKey: .type)
            try container.encode(at, forKey: .at)
        case .revised(let at, let previous):
            try container.encode(Kind.revised, forKey: .type)
            try container.encode(at, forKey: .at)
            try container.encode(previous, forKey: .previous)
        case .sharingChanged(let answer, let sharing, let at):
            try container.encode(Kind.sharingChanged, forKey: .type)
            try container.encode(answer, forKey: .answer)
            try container.encode(sharing, forKey: .sharing)
            try container.encode(at, forKey: .at)
        }
    }
}
