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
        text("Din seneste MUS: \(held) (\(days) dage siden).", "Your last MUS: \(held) (\(days) days ago).")
    }

    public var noFollowUp: String {
        text("Der er ingen opfølgning efter en MUS endnu: kør mus-coach followup lige efter samtalen.",
             "There is no follow-up of a MUS yet: run mus-coach followup right after the talk.")
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
