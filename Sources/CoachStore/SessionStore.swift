import CoachEngine
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Session files in one private folder: `NAME.json` (0600) in a 0700 folder, replaced atomically.
public struct SessionStore: Sendable {
    public let folder: URL

    /// `$XDG_DATA_HOME/mus-coach/sessions`, by default `~/.local/share/mus-coach/sessions`.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        XDG.data(environment).appendingPathComponent("mus-coach/sessions")
    }

    /// Opens the folder, creating it (and `mus-coach` above it) private to the user.
    public init(folder: URL) throws(StoreError) {
        self.folder = folder
        try PrivateFiles.makeFolder(folder)
    }

    public func url(of name: String) -> URL { folder.appendingPathComponent(name + ".json") }

    public static func validate(name: String) throws(StoreError) {
        let allowed = name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "."
        }
        guard allowed, !name.isEmpty, name.count <= 64, !name.hasPrefix(".") else { throw .invalidName(name) }
    }

    public func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: url(of: name).path)
    }

    public func load(_ name: String) throws(StoreError) -> SessionFile {
        try Self.validate(name: name)
        return try load(at: url(of: name))
    }

    public func load(at url: URL) throws(StoreError) -> SessionFile {
        let path = url.path
        guard let data = FileManager.default.contents(atPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw .io(path: path, operation: "read the file", reason: "permission denied or unreadable")
            }
            throw .notFound(name: url.deletingPathExtension().lastPathComponent, path: path)
        }
        let file: SessionFile
        do {
            file = try JSONDecoder().decode(SessionFile.self, from: data)
        } catch {
            throw .corrupted(path: path, reason: Self.describe(error))
        }
        guard file.format == SessionFile.currentFormat else {
            throw .corrupted(path: path, reason: "unknown format '\(file.format)'")
        }
        return file
    }

    /// Writes the file atomically: a temporary file, fsync, rename over the old one, fsync of the folder.
    /// When this returns, the session survives a crash or a `kill -9`.
    public func save(_ file: SessionFile) throws(StoreError) {
        try Self.validate(name: file.name)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data: Data
        do {
            data = try encoder.encode(file)
        } catch {
            throw .io(path: url(of: file.name).path, operation: "encode the session", reason: "\(error)")
        }
        try PrivateFiles.replaceAtomically(url(of: file.name), with: data)
    }

    /// Every session, newest change first; files that cannot be read are listed with their problem.
    public func list() -> [Listing] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { fileName in
            let url = folder.appendingPathComponent(fileName)
            do throws(StoreError) {
                return .session(try load(at: url))
            } catch {
                return .unreadable(name: String(fileName.dropLast(".json".count)), problem: error)
            }
        }.sorted { $0.sortKey > $1.sortKey }
    }

    public enum Listing: Sendable {
        case session(SessionFile)
        case unreadable(name: String, problem: StoreError)

        var sortKey: Int64 {
            if case .session(let file) = self { file.updated.millisecondsSince1970 } else { Int64.min }
        }
    }

    /// Holds the session for this process; a second process gets `StoreError.locked`.
    public func lock(_ name: String) throws(StoreError) -> SessionLock {
        try Self.validate(name: name)
        return try SessionLock(path: folder.appendingPathComponent(name + ".lock").path, name: name)
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted(let context): "not valid JSON (\(context.debugDescription))"
        case .keyNotFound(let key, let context): "'\(([key] + context.codingPath.reversed()).reversed().map(\.stringValue).joined(separator: "."))' is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "'\(context.codingPath.map(\.stringValue).joined(separator: "."))' has the wrong type"
        default: "\(error)"
        }
    }
}

/// An exclusive `flock` on a lock file beside the session, released when the process ends.
public final class SessionLock: Sendable {
    private let descriptor: Int32

    init(path: String, name: String) throws(StoreError) {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw .io(path: path, operation: "open the lock file", reason: String(cString: strerror(errno)))
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .locked(name: name, path: path)
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
