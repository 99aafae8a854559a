import CoachEngine

/// Agreements' deadlines as an iCalendar file (RFC 5545) a calendar can import: one all-day event
/// per deadline, and one for the next check-in, each with a reminder some days before.
public struct AgreementCalendar {
    /// How long before a deadline its reminder comes: time to act, not only to notice.
    public static let reminderDays = 3

    public var followUp: FollowUp
    public var strings: CycleStrings

    public init(followUp: FollowUp, strings: CycleStrings) {
        self.followUp = followUp
        self.strings = strings
    }

    /// The dated agreements and the check-in: an agreement without a date has no place in a calendar.
    private var events: [(uid: String, date: LocalDate, summary: String, description: String?)] {
        var events: [(uid: String, date: LocalDate, summary: String, description: String?)] = []
        for (index, agreement) in followUp.agreements.enumerated() {
            guard let due = agreement.due else { continue }
            events.append(("\(followUp.session)-\(index + 1)", due, strings.agreementEvent(agreement.what), agreement.who.map(strings.responsible)))
        }
        if let next = followUp.nextCheckIn {
            events.append(("\(followUp.session)-check-in", next, strings.checkInEvent, nil))
        }
        return events
    }

    public var eventCount: Int { events.count }

    /// `stamp`: when the file is made (DTSTAMP, in UTC).
    public func render(stamp: Timestamp) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//mus-coach//mus-coach//\(strings.languageTag)", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH"]
        for event in events {
            lines += ["BEGIN:VEVENT",
                      "UID:\(event.uid)@mus-coach",
                      "DTSTAMP:\(Self.utc(stamp))",
                      "DTSTART;VALUE=DATE:\(event.date.basic)",
                      "DTEND;VALUE=DATE:\(event.date.adding(days: 1).basic)",
                      "SUMMARY:\(Self.escape(event.summary))"]
            if let description = event.description { lines.append("DESCRIPTION:\(Self.escape(description))") }
            lines += ["TRANSP:TRANSPARENT",
                      "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P\(Self.reminderDays)D",
                      "DESCRIPTION:\(Self.escape(strings.reminder(event.summary, days: Self.reminderDays)))", "END:VALARM",
                      "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
    }

    /// TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 3.3.11).
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case ";": escaped += "\\;"
            case ",": escaped += "\\,"
            case "\n", "\r\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a character.
    static func fold(_ line: String) -> String {
        var folded = ""
        var octets = 0
        for character in line {
            let width = character.utf8.count
            if octets + width > 75 {
                folded += "\r\n "
                octets = 1
            }
            folded.append(character)
            octets += width
        }
        return folded
    }

    /// `20261129T031000Z`.
    static func utc(_ stamp: Timestamp) -> String {
        let seconds = stamp.millisecondsSince1970 / 1000
        let days = Int(seconds / 86_400)
        let rest = Int(seconds % 86_400)
        let date = LocalDate(daysSince1970: days)
        return date.basic + "T" + padded(rest / 3600, 2) + padded(rest / 60 % 60, 2) + padded(rest % 60, 2) + "Z"
    }
}

extension LocalDate {
    /// The UTC day `days` after 1 January 1970.
    init(daysSince1970 days: Int) {
        // Civil from days (H. Hinnant): shift to an era starting 1 March 0000.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)!
    }
}
