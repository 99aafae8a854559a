#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor as bytes, so invalid UTF-8 is reported instead of silently
/// replaced (as `Swift.readLine()` does).
public struct LineReader {
    public enum Line: Equatable {
        case text(String)
        case invalidUTF8
        case end
        /// A handled signal arrived while waiting for input.
        case signal
    }

    private let descriptor: Int32
    private var buffer: [UInt8] = []
    private var atEnd = false

    public init(descriptor: Int32 = 0) {
        self.descriptor = descriptor
    }

    public mutating func next() -> Line {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var bytes = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if bytes.last == 0x0D { bytes.removeLast() }
                return decode(bytes)
            }
            if atEnd {
                guard !buffer.isEmpty else { return .end }
                defer { buffer = [] }
                return decode(buffer)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 4096) }
            if count < 0 && errno == EINTR {
                if Signals.isPending { return .signal }
                continue
            }
            if count <= 0 { atEnd = true } else { buffer += chunk[..<count] }
        }
    }

    private func decode(_ bytes: [UInt8]) -> Line {
        String(validating: bytes, as: UTF8.self).map(Line.text) ?? .invalidUTF8
    }
}
