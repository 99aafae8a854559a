import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An append-only file of lines, made durable a batch at a time with one fsync (group commit).
/// It knows nothing of what the lines say; the server writes and replays them.
public final class Journal {
    public let path: String
    private var descriptor: Int32
    public private(set) var size: Int

    /// Opens (creating, 0600) the journal; its current lines are read back with `lines()`.
    public init(path: String) throws(StoreError) {
        self.path = path
        descriptor = try PrivateFiles.openOwn(path, O_RDWR | O_APPEND, operation: "open the journal")
        var status = stat()
        fstat(descriptor, &status)
        size = Int(status.st_size)
        try dropTornTail()
    }

    /// A crash in the middle of an append leaves a line without its newline; nothing acknowledged
    /// it, and the next append must not run on from it.
    private func dropTornTail() throws(StoreError) {
        var last: UInt8 = 0x0A
        guard size > 0, pread(descriptor, &last, 1, off_t(size - 1)) == 1, last != 0x0A else { return }
        let data = FileManager.default.contents(atPath: path) ?? Data()
        let keep = (data.lastIndex(of: 0x0A).map { $0 - data.startIndex + 1 }) ?? 0
        guard ftruncate(descriptor, off_t(keep)) == 0 else {
            throw .io(path: path, operation: "drop a torn line from the journal", reason: String(cString: strerror(errno)))
        }
        size = keep
    }

    deinit {
        close(descriptor)
    }

    /// Every line in the file.
    public func lines() throws(StoreError) -> [[UInt8]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .io(path: path, operation: "read the journal", reason: "unreadable")
        }
        var lines: [[UInt8]] = []
        var start = data.startIndex
        while let newline = data[start...].firstIndex(of: 0x0A) {
            if newline > start { lines.append(Array(data[start..<newline])) }
            start = newline + 1
        }
        return lines
    }

    /// Appends and syncs: when this returns, the bytes survive a crash. When it throws (a full
    /// disk), the journal is as it was before: nothing of `bytes` is in it.
    public func commit(_ bytes: [UInt8]) throws(StoreError) {
        guard !bytes.isEmpty else { return }
        try PrivateFiles.append(bytes, to: descriptor, path: path, durable: true, operation: "write the journal")
        size += bytes.count
    }

    /// Appends without syncing: the bytes survive the process, not a power cut.
    public func append(_ bytes: [UInt8]) throws(StoreError) {
        try PrivateFiles.append(bytes, to: descriptor, path: path, durable: false, operation: "write the journal")
        size += bytes.count
    }

    /// Replaces the whole journal with what `produce` writes (its compacted form), atomically: a
    /// crash leaves either the old journal or the new one. `produce` writes in pieces, so the new
    /// journal is never held in memory whole.
    public func rewrite(_ produce: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        let temporary = path + ".compacting"
        let output = PrivateFiles.createTemporary(temporary)
        guard output >= 0 else {
            throw StoreError.io(path: temporary, operation: "create the compacted journal", reason: String(cString: strerror(errno)))
        }
        var written = 0
        do {
            try produce { bytes in
                try Self.writeAll(bytes, to: output, path: temporary)
                written += bytes.count
            }
            guard fsync(output) == 0, rename(temporary, path) == 0 else {
                throw StoreError.io(path: path, operation: "replace the journal", reason: String(cString: strerror(errno)))
            }
        } catch {
            close(output)
            unlink(temporary)
            throw error
        }
        close(output)
        let folder = open(URL(fileURLWithPath: path).deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
        let reopened = try PrivateFiles.openOwn(path, O_RDWR | O_APPEND, operation: "reopen the journal")
        close(descriptor)
        descriptor = reopened
        size = written
    }

    /// Rewrites the journal without the lines `matches` says (a deleted session's), atomically;
    /// left as it is when there are none.
    public func removeLines(where matches: ([UInt8]) -> Bool) throws(StoreError) {
        let lines = try lines()
        guard lines.contains(where: matches) else { return }
        do {
            try rewrite { write in
                for line in lines where !matches(line) { try write(line + [0x0A]) }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .io(path: path, operation: "replace the journal", reason: "\(error)")
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(StoreError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "write", reason: String(cString: strerror(errno)))
            }
            written += result
        }
    }

    /// Empties the journal once everything in it is in durable session files.
    public func reset() throws(StoreError) {
        guard ftruncate(descriptor, 0) == 0, fsync(descriptor) == 0 else {
            throw .io(path: path, operation: "empty the journal", reason: String(cString: strerror(errno)))
        }
        size = 0
    }
}
