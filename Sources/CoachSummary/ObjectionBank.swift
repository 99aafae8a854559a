import CoachText

/// What a manager is likely to answer to a wish, and how the person can reply from their own
/// answers (`dialogues/objections.LANG.yaml`), keyed by the kind of wish.
public struct ObjectionBank: Sendable {
    public struct Entry: Sendable, Equatable {
        public var id: String
        /// The wishes it is raised against; `any` for every wish.
        public var kinds: Set<WishKind>
        public var objection: String
        /// The reply, with `{part}` where the person's own answer goes; used only when every part it names was given.
        public var reply: String
        /// What to find out instead, when a part the reply needs is missing. Fixed text: it supplies no fact.
        public var prepare: String

        public init(id: String, kinds: Set<WishKind>, objection: String, reply: String, prepare: String) {
            self.id = id
            self.kinds = kinds
            self.objection = objection
            self.reply = reply
            self.prepare = prepare
        }

        /// The parts the reply quotes, in order.
        public var parts: [WishPart] {
            var parts: [WishPart] = []
            var rest = Substring(reply)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                if let part = WishPart(rawValue: String(rest[rest.index(after: open)..<close])), !parts.contains(part) { parts.append(part) }
                rest = rest[rest.index(after: close)...]
            }
            return parts
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) {
        self.entries = entries
    }

    public static let empty = ObjectionBank(entries: [])
}

public enum WishKind: String, Sendable, CaseIterable {
    /// A course, a certificate, a conference.
    case learning
    /// A role or a responsibility.
    case role
    /// Time set aside for something.
    case time
    /// A trip: a fair, a congress.
    case travel
    case any
}

/// The parts of a wish's case a reply can quote.
public enum WishPart: String, Sendable, CaseIterable {
    case benefit, need, shown, takes, framework, why
}

/// A wish's synonyms and objections: what the brief knows beyond the answers, for one language.
public struct BriefKnowledge: Sendable {
    public var synonyms: Synonyms
    public var objections: ObjectionBank

    public init(synonyms: Synonyms, objections: ObjectionBank) {
        self.synonyms = synonyms
        self.objections = objections
    }

    public static func empty(_ language: Language) -> BriefKnowledge { BriefKnowledge(synonyms: .empty(language), objections: .empty) }
}
