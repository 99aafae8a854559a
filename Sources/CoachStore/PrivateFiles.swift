import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files only their owner can read: a MUS is confidential.
public enum PrivateFiles {
    /// Creates the folder and any missing parents with mode 0700; an existing folder is made 0700 too.
    public static func makeFolder(_ url: URL) throws(StoreError) {
        var missing: [URL] = []
        var candidate = url
        while !FileManager.default.fileExists(atPath: candidate.path) && candidate.path != "/" {
            missing.append(candidate)
            candidate.deleteLastPathComponent()
        }
        for folder in missing.reversed() where mkdir(folder.path, 0o700) != 0 && errno != EEXIST {
            throw .io(path: folder.path, operation: "create the folder", reason: String(cString: strerror(errno)))
        }
        guard chmod(url.path, 0o700) == 0 else {
            throw .io(path: url.path, operation: "make the folder private", reason: String(cString: strerror(errno)))
        }
    }

    /// Opens a file the store writes, creating it 0600, never through a symbolic link (`O_NOFOLLOW`):
    /// a link planted where a journal or notes file belongs would send answers elsewhere, or truncate
    /// what is there. A file of its own with a looser mode (from a copy, or an earlier umask) is made
    /// 0600. `operation` names what failed otherwise.
    public static func openOwn(_ path: String, _ flags: Int32, operation: String) throws(StoreError) -> Int32 {
        let descriptor = open(path, flags | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            if errno == ELOOP { throw .notOwnFile(path: path) }
            throw .io(path: path, operation: operation, reason: String(cString: strerror(errno)))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .notOwnFile(path: path)
        }
        if status.st_mode & 0o077 != 0 && fchmod(descriptor, 0o600) != 0 {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw .io(path: path, operation: "make the file private", reason: reason)
        }
        return descriptor
    }

    /// The whole file, or nil when there is none; never read through a symbolic link.
    public static func readOwn(_ path: String, operation: String) throws(StoreError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            if errno == ELOOP { throw .notOwnFile(path: path) }
            throw .io(path: path, operation: operation, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: operation, reason: String(cString: strerror(errno)))
            }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }

    /// Appends `bytes` whole or not at all: a write that fails (a full disk) is cut back to the
    /// size before, so no half line is left; the error names the real cause.
    public static func append(_ bytes: [UInt8], to descriptor: Int32, path: String, durable: Bool, operation: String) throws(StoreError) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .io(path: path, operation: operation, reason: String(cString: strerror(errno)))
        }
        var written = 0
        var failure: Int32 = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            written += result
        }
        if failure == 0 && durable && fdatasync(descriptor) != 0 { failure = errno }
        guard failure != 0 else { return }
        _ = ftruncate(descriptor, status.st_size)
        throw .io(path: path, operation: operation, reason: String(cString: strerror(failure)))
    }

    /// Cuts a file back to `size` bytes: what was appended since is undone. A file that is gone stays gone.
    public static func truncate(_ path: String, to size: Int) {
        let descriptor = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = ftruncate(descriptor, off_t(size))
        close(descriptor)
    }

    /// Makes a file's content durable (after writes that left the sync to a batch).
    public static func sync(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw .io(path: path, operation: "sync the file", reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        guard fdatasync(descriptor) == 0 else { throw .io(path: path, operation: "sync the file", reason: String(cString: strerror(errno))) }
    }

    /// Creates a temporary file of our own (0600) at `path`: whatever lies there (a leftover, or a
    /// link planted to be written through) is removed first, and the file must be new.
    static func createTemporary(_ path: String) -> Int32 {
        unlink(path)
        return open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
    }

    /// Temporary file (0600) in the same folder, write, fsync, rename, fsync the folder.
    /// With `durable: false` the fsyncs are left to one `syncFileSystem` after a batch of writes.
    public static func replaceAtomically(_ url: URL, with data: Data, durable: Bool = true) throws(StoreError) {
        let path = url.path
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        func fail(_ operation: String) -> StoreError {
            .io(path: path, operation: operation, reason: String(cString: strerror(errno)))
        }
        let descriptor = createTemporary(temporary)
        guard descriptor >= 0 else { throw fail("create a temporary file") }
        var written = 0
        let ok = data.withUnsafeBytes { bytes -> Bool in
            while written < bytes.count {
                let result = write(descriptor, bytes.baseAddress! + written, bytes.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                written += result
            }
            return true
        }
        guard ok, !durable || fsync(descriptor) == 0 else {
            let error = fail("write")
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let error = fail("replace the file")
            unlink(temporary)
            throw error
        }
        guard durable else { return }
        let folder = open(url.deletingLastPathComponent().path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folder >= 0 {
            fsync(folder)
            close(folder)
        }
    }

    /// Makes everything written to the file system holding `folder` durable: one call for a batch of files.
    public static func syncFileSystem(_ folder: URL) throws(StoreError) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw .io(path: folder.path, operation: "open the folder", reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        #if canImport(Glibc)
        let result = syncfs(descriptor)
        #else
        let result = fsync(descriptor)
        #endif
        guard result == 0 else {
            throw .io(path: folder.path, operation: "sync the file system", reason: String(cString: strerror(errno)))
        }
    }
}

#if canImport(Glibc)
/// glibc's `syncfs(2)`, which the Glibc module leaves out (it is declared only under `_GNU_SOURCE`).
@_silgen_name("syncfs")
private func syncfs(_ descriptor: Int32) -> Int32
#endif

/// The XDG base folders, with their documented defaults.
public enum XDG {
    public static func data(_ environment: [String: String]) -> URL {
        folder(environment["XDG_DATA_HOME"], default: ".local/share", environment)
    }

    public static func state(_ environment: [String: String]) -> URL {
        folder(environment["XDG_STATE_HOME"], default: ".local/state", environment)
    }

    private static func folder(_ value: String?, default relative: String, _ environment: [String: String]) -> URL {
        if let value, value.hasPrefix("/") { return URL(fileURLWithPath: value) }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(relative)
    }
}
