import CoachEngine
#if canImport(Glibc)
import Glibc
#endif

/// Local dates for names and listings, with strftime: a DateFormatter loads ICU, which the
/// coach's start-up cannot afford.
enum LocalTime {
    static func format(_ timestamp: Timestamp, _ pattern: String) -> String {
        var seconds = time_t(timestamp.millisecondsSince1970 / 1000)
        var parts = tm()
        localtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, pattern, &parts)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
