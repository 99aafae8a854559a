import CoachJSON
import CoachText
import Foundation

/// The names the documents carry — the person's and their manager's — asked once and kept in the
/// person's own store (`profile.json`, 0600), like everything else of theirs.
public struct Profile: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        XDG.data(environment).appendingPathComponent("mus-coach/profile.json")
    }

    /// The names kept; none when nothing is kept or the file cannot be read.
    public func load() -> Participants {
        guard let bytes = (try? PrivateFiles.readOwn(url.path, operation: "read the profile")).flatMap({ $0 }),
              let value = try? JSONParser.parse(bytes) else { return Participants() }
        return Participants(person: value["name"]?.stringValue, manager: value["manager"]?.stringValue)
    }

    public func save(_ participants: Participants) throws(StoreError) {
        try PrivateFiles.makeFolder(url.deletingLastPathComponent())
        var writer = JSONWriter(capacity: 128)
        writer.beginObject()
        if let person = participants.person { writer.key("name"); writer.string(person) }
        if let manager = participants.manager { writer.key("manager"); writer.string(manager) }
        writer.endObject()
        try PrivateFiles.replaceAtomically(url, with: Data(writer.bytes))
    }
}
