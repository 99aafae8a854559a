import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The server's journal (`serve.journal`) and the copies of it the server makes: one set aside
/// when a line could not be applied, one being compacted. Each line begins with the name of the
/// session it is about (`{"start":"gw-a"`, `{"session":"gw-a"`, …), so that deleting a gateway
/// user's session can take its lines out of every copy, an unreadable line included: a line torn
/// before its name holds no text of the session's either.
public enum JournalCopies {
    public static let journalName = "serve.journal"

    /// The copies in `folder`: set aside and compacting, and with `live`, the journal itself.
    public static func paths(in folder: URL, live: Bool) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            name.hasPrefix(journalName + ".set-aside-") || name == journalName + ".compacting" || (live && name == journalName)
        }.sorted().map { folder.appendingPathComponent($0).path }
    }

    /// Whether a journal line is about the session `name` (see `JournalRecord`'s first member).
    public static func line(_ line: some Collection<UInt8>, isAbout name: String) -> Bool {
        recordPrefixes(of: name).contains { line.starts(with: $0) }
    }

    private static func recordPrefixes(of name: String) -> [[UInt8]] {
        ["start", "session", "close", "keyOf"].map { Array(#"{"\#($0)":"\#(name)""#.utf8) }
    }

    /// Rewrites each copy without the lines about `name` (a copy left empty is removed). The copy
    /// is replaced atomically, so the lines are gone from the file, not kept in an earlier version.
    /// Returns the paths changed.
    @discardableResult
    public static func remove(_ name: String, from paths: [String]) throws(StoreError) -> [String] {
        var changed: [String] = []
        for path in paths {
            guard let bytes = try PrivateFiles.readOwn(path, operation: "read the journal") else { continue }
            let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: true)
            let kept = lines.filter { !line($0, isAbout: name) }
            guard kept.count < lines.count else { continue }
            if kept.isEmpty {
                guard unlink(path) == 0 || errno == ENOENT else {
                    throw .io(path: path, operation: "delete the file", reason: String(cString: strerror(errno)))
                }
            } else {
                try PrivateFiles.replaceAtomically(URL(fileURLWithPath: path), with: Data(kept.joined(separator: [0x0A]) + [0x0A]))
            }
            changed.append(path)
        }
        return changed
    }
}
