/// Who the talk is between, as the documents name them: the person and their manager. Either may
/// be unknown; a document then leaves the name out rather than guess.
public struct Participants: Equatable, Sendable {
    public var person: String?
    public var manager: String?

    public init(person: String? = nil, manager: String? = nil) {
        self.person = person.flatMap { $0.isEmpty ? nil : $0 }
        self.manager = manager.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// "Mette Hansen og Birgit Sørensen"; nil when neither is known.
    public func both(and word: String) -> String? {
        switch (person, manager) {
        case let (person?, manager?): "\(person) \(word) \(manager)"
        case let (person?, nil): person
        case let (nil, manager?): manager
        case (nil, nil): nil
        }
    }

    /// The first name, for a greeting ("Hej Birgit").
    public static func firstName(_ name: String) -> String {
        String(name.split(separator: " ").first ?? Substring(name))
    }
}
