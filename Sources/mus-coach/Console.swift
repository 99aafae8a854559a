#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CoachTerminal
import Foundation

/// Writes straight to the file descriptors: no C-library buffering, so a pipe sees every line at once.
enum Console {
    static func out(_ text: String) {
        write(text, to: 1)
    }

    static func line(_ text: String = "") {
        out(text + "\n")
    }

    /// A message wrapped to the terminal, between words, with its commands left whole.
    static func message(_ text: String) {
        line(TerminalStyle.detect(environment: ProcessInfo.processInfo.environment).wrapHanging(text))
    }

    /// A message on stderr, wrapped as `message` wraps it: what a command asks before it writes.
    static func errorMessage(_ text: String) {
        error(TerminalStyle.detect(environment: ProcessInfo.processInfo.environment).wrapHanging(text))
    }

    static func error(_ text: String) {
        write(text + "\n", to: 2)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
