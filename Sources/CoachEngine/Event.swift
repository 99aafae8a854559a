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
