import CoachText

/// What the yearly-cycle commands say, in Danish or English.
public struct CycleStrings: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    private func text(_ da: String, _ en: String) -> String { language == .danish ? da : en }

    var languageTag: String { text("DA", "EN") }

    func agreementEvent(_ what: String) -> String { text("MUS-aftale: \(what)", "MUS agreement: \(what)") }

    func responsible(_ who: String) -> String { text("Ansvarlig: \(who)", "Responsible: \(who)") }

    var checkInEvent: String { text("Opfølgning på MUS-aftalerne", "Check-in on the MUS agreements") }

    public func sinceLastMUS(_ held: LocalDate, days: Int) -> String {
        guard days >= 0 else {
            return text("Din seneste MUS: \(held) — om \(-days) dage; står datoen rigtigt?",
                        "Your last MUS: \(held) — \(-days) days from now; is the date right?")
        }
        return text("Din seneste MUS: \(held) (\(days) dage siden).", "Your last MUS: \(held) (\(days) days ago).")
    }

    func summaryTitle(_ held: LocalDate) -> String {
        text("Opfølgning efter MUS den \(held)", "Follow-up of the MUS on \(held)")
    }

    func heldInTheFuture(_ held: LocalDate, fix: String) -> String {
        text("Samtalen står som afholdt den \(held), og den dag er ikke kommet endnu. Er det rigtigt? Ellers ret det:\n  \(fix)",
             "The talk is noted as held on \(held), a day still to come. Is that right? If not, correct it:\n  \(fix)")
    }

    func agreementsHeading(_ count: Int) -> String { text("Aftaler (\(count))", "Agreements (\(count))") }

    var noAgreements: String { text("Ingen aftaler skrevet ned.", "No agreements written down.") }

    /// Said where a deadline could not be read as a date: it stays out of the calendar.
    public func undatedLeftOut(_ count: Int, fix: String) -> String {
        text("\(count == 1 ? "Én frist" : "\(count) frister") uden dato kommer ikke med i kalenderen. Skriv en dato (fx 2027-03-01):\n  \(fix)",
             "\(count == 1 ? "One deadline" : "\(count) deadlines") without a date \(count == 1 ? "stays" : "stay") out of the calendar. Write a date (e.g. 2027-03-01):\n  \(fix)")
    }

    var feedbackHeading: String { text("Lederens feedback", "Your manager's feedback") }
    var reflectionsHeading: String { text("Det vil du tænke videre over", "What you will think further about") }
    var nextHeading: String { text("Næste opfølgning", "Next check-in") }
    var noNextCheckIn: String { text("Ingen dato for næste opfølgning endnu.", "No date for the next check-in yet.") }

    var calendarHint: String {
        text("Fristerne som kalender, og hvor du står:\n  mus-coach agreements --ics aftaler.ics\n  mus-coach status",
             "The deadlines as a calendar, and where you stand:\n  mus-coach agreements --ics agreements.ics --lang en\n  mus-coach status --lang en")
    }

    public func undatedAgreement(_ agreement: Agreement) -> String {
        text("  »\(agreement.what)« — frist: »\(agreement.dueText ?? "")«, ikke en dato", "  \"\(agreement.what)\" — due: \"\(agreement.dueText ?? "")\", not a date")
    }

    public func calendarWritten(_ count: Int, path: String) -> String {
        text("Skrev \(count) \(count == 1 ? "dato" : "datoer") til \(path).", "Wrote \(count) \(count == 1 ? "date" : "dates") to \(path).")
    }

    public var noFollowUp: String {
        text("Der er ingen opfølgning efter en MUS endnu. Kør den lige efter samtalen:\n  mus-coach followup",
             "There is no follow-up of a MUS yet. Run it right after the talk:\n  mus-coach followup --lang en")
    }

    public func openAgreements(_ count: Int) -> String {
        count == 0 ? text("Ingen åbne aftaler.", "No open agreements.") : text("Åbne aftaler (\(count)):", "Open agreements (\(count)):")
    }

    public func agreementLine(_ number: Int, _ agreement: Agreement, today: LocalDate) -> String {
        var line = "  \(number). \(agreement.what)"
        if let who = agreement.who, !who.isEmpty { line += " — " + who }
        if let due = agreement.due {
            let days = today.days(until: due)
            line += " — " + text("frist \(due)", "due \(due)")
            line += days < 0 ? text(" (overskredet med \(-days) dage)", " (\(-days) days overdue)")
                : text(" (om \(days) dage)", " (in \(days) days)")
        } else if let dueText = agreement.dueText, !dueText.isEmpty {
            line += " — " + text("frist: \(dueText)", "due: \(dueText)")
        }
        return line
    }

    public func nextCheckIn(_ date: LocalDate) -> String {
        text("Næste opfølgning: \(date).", "Next check-in: \(date).")
    }

    public func notesSince(_ count: Int, byTag: [(tag: String, count: Int)]) -> String {
        let tags = byTag.map { "\($0.tag): \($0.count)" }.joined(separator: ", ")
        return text("Noter siden da: \(count)", "Notes since then: \(count)") + (tags.isEmpty ? "" : " (\(tags))") + "."
    }
}
