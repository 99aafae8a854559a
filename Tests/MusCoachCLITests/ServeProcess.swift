import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A running `mus-coach serve` over pipes: lines in, lines out, as a chat gateway talks to it.
final class ServeProcess {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private var buffer: [UInt8] = []

    /// `wrapped`: `arguments` is a whole command (a shell that sets limits, then runs the program).
    init(_ arguments: [String], home: TestHome, wrapped: Bool = false) throws {
        process.executableURL = wrapped ? URL(fileURLWithPath: "/usr/bin/env") : programURL
        process.arguments = wrapped ? arguments : ["serve"] + arguments
        process.currentDirectoryURL = repository
        process.environment = home.environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
    }

    func send(_ line: String) {
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
    }

    /// Writes `text` on a thread of its own, as a gateway that does not read while it writes;
    /// the semaphore is signalled once all of it went in.
    func sendWithoutReading(_ text: String) -> DispatchSemaphore {
        let written = DispatchSemaphore(value: 0)
        let handle = input.fileHandleForWriting
        Thread {
            handle.write(Data(text.utf8))
            written.signal()
        }.start()
        return written
    }

    func send(bytes: [UInt8]) {
        input.fileHandleForWriting.write(Data(bytes))
    }

    func closeInput() throws {
        try input.fileHandleForWriting.close()
    }

    /// The next output line, or nil when none comes within the timeout or the output ended.
    func readLine(timeout: TimeInterval = 10) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        let descriptor = output.fileHandleForReading.fileDescriptor
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                return line
            }
            let remaining = Int32(max(0, deadline.timeIntervalSinceNow * 1000))
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard remaining > 0, poll(&poller, 1, remaining) > 0 else { return nil }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { return nil }
            buffer += chunk[..<count]
        }
    }

    /// Sends a request and returns its reply line.
    func call(_ request: String) -> String? {
        send(request)
        return readLine()
    }

    func closeOutput() throws {
        try output.fileHandleForReading.close()
    }

    /// Waits for the process to end; nil if it is still running after the timeout.
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            guard Date() < deadline else { return nil }
            usleep(5_000)
        }
        return process.terminationStatus
    }

    var standardError: String {
        String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    func kill(_ signal: Int32) {
        Glibc.kill(process.processIdentifier, signal)
    }
}
