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

    /// Temporary file (0600) in the same folder, write, fsync, rename, fsync the folder.
    /// With `durable: false` the fsyncs are left to one `syncFileSystem` after a batch of writes.
    public static func replaceAtomically(_ url: URL, with data: Data, durable: Bool = true) throws(StoreError) {
        let path = url.path
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        func fail(_ operation: String) -> StoreError {
            .io(path: path, operation: operation, reason: String(cString: strerror(errno)))
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
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
