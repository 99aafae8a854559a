import Foundation

/// A UTF-8 MIME message (RFC 5322, RFC 2045–2047) that a mail client opens as a draft: the text
/// and the HTML as alternatives, base64 so that no line is too long and no byte is lost.
struct MailDraft {
    var subject: String
    var text: String
    var html: String
    var date: Date
    /// No `To:` without one: the person chooses whom to send it to.
    var recipient: String?

    /// Base64 never holds "=_", so no part can contain the boundary.
    private static let boundary = "=_mus-coach-agenda"

    func render() -> String {
        var headers = [
            "MIME-Version: 1.0",
            "Date: \(Self.rfc5322(date))",
            "Subject: \(Self.encodedWord(subject))",
        ]
        if let recipient { headers.append("To: \(recipient)") }
        headers += [
            // Outlook and others open a message with this header as a draft to send.
            "X-Unsent: 1",
            "Content-Type: multipart/alternative; boundary=\"\(Self.boundary)\"",
        ]
        var lines = headers + [""]
        for (type, body) in [("text/plain", text), ("text/html", html)] {
            lines += ["--\(Self.boundary)", "Content-Type: \(type); charset=UTF-8", "Content-Transfer-Encoding: base64", ""]
            lines += Self.base64Lines(body)
        }
        lines.append("--\(Self.boundary)--")
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// `=?UTF-8?B?…?=`, split into words of at most 75 characters on character boundaries (RFC 2047).
    static func encodedWord(_ text: String) -> String {
        var words: [String] = []
        var chunk = ""
        for character in text {
            let candidate = chunk + String(character)
            // 12 characters of `=?UTF-8?B?` and `?=`; base64 makes 4 of every 3 bytes.
            if 12 + (candidate.utf8.count + 2) / 3 * 4 > 75, !chunk.isEmpty {
                words.append(chunk)
                chunk = String(character)
            } else {
                chunk = candidate
            }
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: "\r\n ")
    }

    /// Lines of 76 characters, as RFC 2045 asks.
    private static func base64Lines(_ body: String) -> [String] {
        let encoded = Data(body.utf8).base64EncodedString()
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            let from = encoded.index(encoded.startIndex, offsetBy: start)
            let to = encoded.index(from, offsetBy: min(76, encoded.count - start))
            return String(encoded[from..<to])
        }
    }

    private static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}

/// A recipient as `--to` and `session.agenda` take it: one plain address, nothing that could add a header.
public enum MailAddress {
    public static func isPlain(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), text.utf8.count <= 254 else { return false }
        return text.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && !"<>()[]\\,;:\"".unicodeScalars.contains($0) }
    }
}
