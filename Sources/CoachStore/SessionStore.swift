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

    /// The brief saved beside a finished session.
    public func briefURL(of name: String) -> URL { folder.appendingPathComponent(name + ".brief.md") }

    /// Removes a session from the disk: its file (every revision is in it), its brief, temporary
    /// files a crash left of either, its lock, and a gateway user's lines in the server's journal
    /// and its copies (no server runs while this holds the session). Refused while another process
    /// has it open. Returns the paths removed or rewritten.
    @discardableResult
    public func delete(_ name: String) throws(StoreError) -> [String] {
        let lock = try lock(name)
        defer { withExtendedLifetime(lock) {} }
        var removed = try removeFiles(of: name)
        if Self.isGatewayName(name) {
            // Two terminals deleting at once each rewrite the journal: one after the other, or one
            // rewrite would bring back the lines the other took out.
            let rewriting = try SessionLock(path: folder.appendingPathComponent(".journal.lock").path, name: "journal", waiting: true)
            defer { withExtendedLifetime(rewriting) {} }
            removed += try JournalCopies.remove(name, from: JournalCopies.paths(in: folder, live: true))
        }
        try sync()
        return removed
    }

    /// The session's own files gone from the disk (see `delete`), for a server that holds the store:
    /// it takes the session's lines out of its journal itself. Not synced.
    public func removeFiles(of name: String) throws(StoreError) -> [String] {
        try Self.validate(name: name)
        let owned = [name + ".json", name + ".brief.md"]
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let leftovers = names.filter { file in owned.contains { file.hasPrefix("." + $0 + ".") && file.hasSuffix(".tmp") } }
        var removed: [String] = []
        for file in owned + leftovers + [name + ".lock"] {
            let path = folder.appendingPathComponent(file).path
            if unlink(path) == 0 {
                removed.append(path)
            } else if errno != ENOENT {
                throw .io(path: path, operation: "delete the file", reason: String(cString: strerror(errno)))
            }
        }
        return removed
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
            file = try SessionFile(json: [UInt8](data))
        } catch {
            throw .corrupted(path: path, reason: error.description)
        }
        // The file a session is opened from is the one it is saved to: a copied file keeps the name
        // inside it, and saving under that name would overwrite the original.
        var adopted = file
        adopted.name = url.deletingPathExtension().lastPathComponent
        return adopted
    }

    /// Writes the file atomically: a temporary file, fsync, rename over the old one, fsync of the folder.
    /// When this returns, the session survives a crash or a `kill -9`.
    public func save(_ file: SessionFile, durable: Bool = true) throws(StoreError) {
        try Self.validate(name: file.name)
        try PrivateFiles.replaceAtomically(url(of: file.name), with: Data(file.encodedJSON()), durable: durable)
    }

    /// Makes every `save(_:durable: false)` so far durable.
    public func sync() throws(StoreError) {
        try PrivateFiles.syncFileSystem(folder)
    }

    /// Every session, newest change first; files that cannot be read are listed with their problem.
    /// `including`: which session names to read (reading every file of a large store is slow).
    public func list(including: (String) -> Bool = { _ in true }) -> [Listing] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") && including(String($0.dropLast(".json".count))) }.map { fileName in
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

    /// Refuses a gateway user's session while a server runs on the store: the server holds every one
    /// of them, journalled only or written out (a terminal that wrote one too would lose one side's answers).
    public func checkNotServed(_ name: String) throws(StoreError) {
        guard Self.isGatewayName(name), try servedNow() else { return }
        throw .heldByServer(name: name, pid: serverPID)
    }

    /// Held by a running `mus-coach serve`: one server per store, and terminals keep off its sessions.
    /// Its process id is written into the lock file, for the message that names it.
    public func lockServer() throws(StoreError) -> SessionLock {
        let lock = try SessionLock(path: serverLockPath, name: "serve")
        lock.writeOwner()
        return lock
    }

    /// Whether a `mus-coach serve` is running on this store (terminals holding gateway sessions share
    /// the lock; only a server holds it alone).
    public var isServed: Bool {
        (try? servedNow()) ?? false
    }

    /// Whether a server holds the store; a lock file that cannot be used (a symlink, no access)
    /// is that error, not a server.
    public func servedNow() throws(StoreError) -> Bool {
        guard FileManager.default.fileExists(atPath: serverLockPath) else { return false }
        do {
            _ = try SessionLock(path: serverLockPath, name: "serve", shared: true)
            return false
        } catch {
            if case .locked = error { return true }
            throw error
        }
    }

    /// The running server's process id, as it wrote it.
    public var serverPID: Int32? {
        (try? PrivateFiles.readOwn(serverLockPath, operation: "read the lock file")).flatMap { $0 }
            .flatMap { Int32(String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    private var serverLockPath: String { folder.appendingPathComponent(".serve.lock").path }

    /// Whether a session name is a gateway's (`name(forGateway:)`), not the terminal user's own.
    public static func isGatewayName(_ name: String) -> Bool {
        name.hasPrefix("gw-") || name.hasPrefix("gw_")
    }

    /// The file name for a gateway's session id, one-to-one: distinct ids never share a file.
    ///
    /// - An id of letters, digits, `-` and `.`, up to 48 characters, keeps its spelling: `gw-ID`.
    /// - Any other id is escaped under `gw_`: those characters stay, every other byte of its UTF-8
    ///   (`_` included) becomes `_` and two hex digits, so the escaping reads back to one id.
    /// - An escaped id too long for a name keeps its first part and adds `_h` and a 64-bit hash of
    ///   the whole id (an escape is `_` and a hex digit, so `_h` never occurs in an escaped id).
    ///   Only these names can coincide, for two ids with the same hash: the host refuses the
    ///   second (see `SessionHost.start`).
    public static func name(forGateway id: String) -> String {
        let kept = id.utf8.allSatisfy(isKeptInGatewayName)
        if kept && id.utf8.count <= 48 { return "gw-" + id }
        var escaped = ""
        var cuts: [String.Index] = []
        for byte in id.utf8 {
            cuts.append(escaped.endIndex)
            if isKeptInGatewayName(byte) {
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                escaped += "_" + String(byte >> 4, radix: 16) + String(byte & 0xf, radix: 16)
            }
        }
        if escaped.utf8.count <= 61 { return "gw_" + escaped }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        let prefix = escaped[..<(cuts.last { escaped.utf8.distance(from: escaped.startIndex, to: $0) <= 43 } ?? escaped.startIndex)]
        return "gw_" + prefix + "_h" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Whether `name(forGateway:)` made this name from a hash, so that another id may share it.
    public static func isHashedGatewayName(_ name: String) -> Bool {
        name.hasPrefix("gw_") && name.contains("_h")
    }

    private static func isKeptInGatewayName(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    /// Holds the session for this process; a second process gets `StoreError.locked`. A gateway
    /// user's session also keeps a server from starting on the store while it is held (a shared
    /// hold of the server's lock), and is refused while one runs.
    public func lock(_ name: String) throws(StoreError) -> SessionLock {
        try Self.validate(name: name)
        var server: SessionLock?
        if Self.isGatewayName(name) {
            do {
                server = try SessionLock(path: serverLockPath, name: "serve", shared: true)
            } catch {
                if case .locked = error { throw .heldByServer(name: name, pid: serverPID) }
                throw error
            }
        }
        return try SessionLock(path: folder.appendingPathComponent(name + ".lock").path, name: name, alongside: server)
    }
}

/// A `flock` on a lock file beside the session, released when the process ends.
public final class SessionLock: Sendable {
    private let descriptor: Int32
    /// A lock held with this one and let go with it.
    private let alongside: SessionLock?

    /// `waiting`: wait for another holder to let go instead of failing at once. `shared`: held
    /// together with other shared holders, against an exclusive one.
    init(path: String, name: String, waiting: Bool = false, shared: Bool = false, alongside: SessionLock? = nil) throws(StoreError) {
        let descriptor = try PrivateFiles.openOwn(path, O_RDWR, operation: "open the lock file")
        guard flock(descriptor, (shared ? LOCK_SH : LOCK_EX) | (waiting ? 0 : LOCK_NB)) == 0 else {
            close(descriptor)
            throw .locked(name: name, path: path)
        }
        self.descriptor = descriptor
        self.alongside = alongside
    }

    /// Writes this process's id into the lock file, for messages that name the holder.
    func writeOwner() {
        let text = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = text.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
