import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The real `mus-coach` on a pseudo-terminal, typed at like a person would.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    private(set) var output = ""

    init(_ arguments: [String], home: TestHome, extraEnvironment: [String: String] = [:]) throws {
        var environment = home.environment
        environment["TERM"] = "xterm"
        for (key, value) in extraEnvironment { environment[key] = value }
        // Everything the child needs is prepared before fork: after it, only execve runs.
        let argv = ([programURL.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let directory = strdup(repository.path)
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
            free(directory)
        }
        var window = winsize(ws_row: 40, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        var master: Int32 = -1
        let openMax = Int32(min(sysconf(Int32(_SC_OPEN_MAX)), 65_536))
        let pid = forkpty(&master, nil, nil, &window)
        guard pid >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        if pid == 0 {
            // Tests run side by side: the child must not keep other tests' pipes open (a server
            // waiting for its stdout to close would wait for this child too).
            var descriptor: Int32 = 3
            while descriptor < openMax {
                close(descriptor)
                descriptor += 1
            }
            chdir(directory!)
            execve(argv[0]!, argv, envp)
            _exit(127)
        }
        self.pid = pid
        self.master = master
    }

    func type(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            guard written > 0 else { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Where the last `expect` matched: the next one looks after it, as pexpect does.
    private var cursor: String.Index?

    /// Waits until the screen shows `text` after the last match; returns what came up to and including it.
    @discardableResult
    func expect(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let start = cursor ?? output.startIndex
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let match = output[start...].range(of: text) {
                cursor = match.upperBound
                return String(output[start..<match.upperBound])
            }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 100) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, 4096) }
            guard count > 0 else { break }
            output += String(decoding: buffer[..<count], as: UTF8.self)
        }
        let seen = String(output[start...])
        Issue.record("the terminal did not show \"\(text)\"; it showed: \(seen.debugDescription)", sourceLocation: sourceLocation)
        return seen
    }

    /// Waits for the process to end and returns its exit status (128 + signal when killed).
    func waitForExit(timeout: Double = 10) -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            drain()
            if waitpid(pid, &status, WNOHANG) == pid {
                close(master)
                return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        close(master)
        return -1
    }

    /// Waits for `question` (if given) and then for the prompt, as a person reads before typing, then answers.
    func answer(_ question: String?, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        if let question { expect(question, sourceLocation: sourceLocation) }
        expect("> ", sourceLocation: sourceLocation)
        type(text)
    }

    func signal(_ number: Int32) {
        kill(pid, number)
    }

    private func drain() {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        while poll(&descriptor, 1, 0) > 0 {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, 4096) }
            guard count > 0 else { return }
            output += String(decoding: buffer[..<count], as: UTF8.self)
        }
    }
}
