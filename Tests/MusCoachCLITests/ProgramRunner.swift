import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built `mus-coach`, found beside the test bundle.
let programURL: URL = {
    let candidates = [Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
                      URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()]
    for directory in candidates {
        let url = directory.appendingPathComponent("mus-coach")
        if FileManager.default.isExecutableFile(atPath: url.path) { return url }
    }
    fatalError("mus-coach is not built beside the tests (looked in \(candidates.map(\.path)))")
}()

struct ProgramResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// A fresh home for one test: sessions and history go to its own private folders.
struct TestHome {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mus-coach-test-\(UUID().uuidString)")
    /// `$XDG_DATA_HOME`: in the home, or elsewhere (a small disk).
    let data: URL

    init(data: URL? = nil) {
        self.data = data ?? folder.appendingPathComponent("data")
    }

    var sessions: URL { data.appendingPathComponent("mus-coach/sessions") }

    var environment: [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["MUS_COACH_DIALOGUES"] = repository.appendingPathComponent("dialogues").path
        environment["XDG_DATA_HOME"] = data.path
        environment["XDG_STATE_HOME"] = folder.appendingPathComponent("state").path
        environment["HOME"] = folder.path
        environment["NO_COLOR"] = "1"
        // The program speaks Danish unless the locale is English: the tests pin a neutral one.
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        environment["LC_MESSAGES"] = nil
        return environment
    }

    func sessionText(_ name: String) throws -> String {
        try String(contentsOf: sessions.appendingPathComponent("\(name).json"), encoding: .utf8)
    }
}

/// Runs `mus-coach` with the repository's dialogues, feeding `input` on stdin.
/// `executable` and `environment` stand in for the built program and the home's environment.
func runProgram(_ arguments: [String], input: Data = Data(), home: TestHome = TestHome(), directory: URL = repository,
                executable: URL = programURL, environment: [String: String]? = nil) throws -> ProgramResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    process.environment = environment ?? home.environment
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(input)
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProgramResult(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                         stderr: String(decoding: err, as: UTF8.self))
}

/// Runs one of the repository's Python helpers (under `Tests/`), stdout and stderr together.
func runPython(_ script: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", repository.appendingPathComponent(script).path] + arguments
    if let environment { process.environment = environment }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, text)
}

/// A small file system of the test's own (a tmpfs), to run out of space on purpose. Mounting
/// needs root: where it cannot be mounted, the test says so and is skipped.
final class SmallDisk {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mus-coach-disk-\(UUID().uuidString)")
    private var filler: URL { folder.appendingPathComponent("filler") }

    /// Whether this process can mount one (as root).
    static let canMount: Bool = SmallDisk(kilobytes: 64) != nil

    init?(kilobytes: Int) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0700", "tmpfs", folder.path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { return nil }
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: folder)
            return nil
        }
    }

    /// Fills every byte left.
    func fill() throws {
        let descriptor = open(filler.path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
        defer { close(descriptor) }
        let block = [UInt8](repeating: 0, count: 4096)
        while block.withUnsafeBytes({ write(descriptor, $0.baseAddress, $0.count) }) > 0 {}
        let byte: [UInt8] = [0]
        while byte.withUnsafeBytes({ write(descriptor, $0.baseAddress, 1) }) > 0 {}
    }

    /// Space returns.
    func makeRoom() throws {
        try FileManager.default.removeItem(at: filler)
    }

    deinit {
        let unmount = Process()
        unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
        unmount.arguments = ["-l", folder.path]
        try? unmount.run()
        unmount.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }
}
