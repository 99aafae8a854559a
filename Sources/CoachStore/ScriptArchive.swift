import CoachEngine
import Foundation

/// A copy of every script version sessions were made with, by content hash, beside the sessions.
/// A replay on a newer script reads the older one here, to know which question each earlier
/// answer belonged to.
public struct ScriptArchive: Sendable {
    public let folder: URL

    public init(store: SessionStore) {
        folder = store.folder.appendingPathComponent("scripts")
    }

    private func url(of identity: Transcript.ScriptIdentity) -> URL {
        let hash = identity.contentHash.split(separator: ":").last.map(String.init) ?? identity.contentHash
        return folder.appendingPathComponent("\(identity.id).\(identity.language).\(hash).yaml")
    }

    /// Keeps the script's text unless this version is kept already.
    public func keep(_ text: String, as identity: Transcript.ScriptIdentity) throws(StoreError) {
        let url = url(of: identity)
        guard !FileManager.default.fileExists(atPath: url.path) else { return }
        try PrivateFiles.makeFolder(folder)
        try PrivateFiles.replaceAtomically(url, with: Data(text.utf8))
    }

    /// The text of that script version, if it was kept.
    public func text(of identity: Transcript.ScriptIdentity) -> String? {
        FileManager.default.contents(atPath: url(of: identity).path).flatMap { String(data: $0, encoding: .utf8) }
    }
}
