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

    var conclusionTitle: String { text("MUS-konklusion", "MUS conclusion") }

    func conclusionSubtitle(_ held: LocalDate) -> String {
        text("Konklusionsskema og udviklingsplan efter samtalen den \(held)", "Conclusion and development plan after the talk on \(held)")
    }

    var privateMark: String { text("(privat)", "(private)") }

    func privateLeftOut(_ count: Int) -> String {
        text("\(count == 1 ? "Ét punkt" : "\(count) punkter") markeret (privat) kommer ikke med i den udgave, du deler: mus-coach conclusion --shared",
             "\(count == 1 ? "One point" : "\(count) points") marked (private) \(count == 1 ? "stays" : "stay") out of the copy you share: mus-coach conclusion --shared")
    }

    func heldInTheFuture(_ held: LocalDate, fix: String) -> String {
        text("Samtalen står som afholdt den \(held), og den dag er ikke kommet endnu. Er det rigtigt? Ellers ret det:\n  \(fix)",
             "The talk is noted as held on \(held), a day still to come. Is that right? If not, correct it:\n  \(fix)")
    }

    func agreementsHeading(_ count: Int) -> String { text("Aftaler (\(count))", "Agreements (\(count))") }

    var noAgreements: String { text("Ingen aftaler skrevet ned.", "No agreements written down.") }

    var agreementColumns: [String] { [text("Aftale", "Agreement"), text("Ansvarlig", "Responsible"), text("Frist", "Due")] }

    var planHeading: String { text("Udviklingsplan", "Development plan") }
    var noGoals: String { text("Ingen udviklingsmål skrevet ned.", "No development goals written down.") }

    var goalColumns: [String] {
        [text("Mål", "Goal"), text("Sådan", "How"), text("Frist", "By"), text("Tegn på, at det er nået", "How we will see it")]
    }

    var missingHeading: String { text("Det mangler", "What is missing") }
    var signaturesHeading: String { text("Underskrifter", "Signatures") }

    /// A line to sign for each: the name when known, a line to write it on when not.
    func signatureLines(_ participants: Participants) -> String {
        let line = "______________________"
        let person = text("Medarbejder", "Employee") + ": " + (participants.person ?? line)
        let manager = text("Leder", "Manager") + ": " + (participants.manager ?? line)
        let signed = text("Dato og underskrift", "Date and signature") + ": " + line
        return [person, signed, manager, signed].joined(separator: "\n")
    }

    /// Whether the person named themself ("mig", "jeg", "me").
    func meansMe(_ said: String) -> Bool {
        ["mig", "jeg", "mig selv", "me", "myself", "i"].contains(said.trimmingCharacters(in: .whitespacesAndNewlines).lowercased())
    }
    var missingWho: String { text("en ansvarlig", "someone responsible") }
    var missingDue: String { text("en dato", "a date") }
    var undatedDue: String { text("en frist, der er en dato", "a deadline that is a date") }
    var missingHow: String { text("hvordan", "how") }
    var missingSign: String { text("et tegn på, at det er nået", "a sign it is reached") }

    func missing(_ what: String, _ parts: [String], fix: String) -> String {
        let list = parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + text(" og ", " and ") + parts[parts.count - 1]
        return text("»\(what)« mangler \(list):\n  \(fix)", "\"\(what)\" lacks \(list):\n  \(fix)")
    }

    /// A calendar reminder's text, some days before the event.
    public func reminder(_ summary: String, days: Int) -> String {
        text("Om \(days) dage: \(summary)", "In \(days) days: \(summary)")
    }

    /// Said where a deadline could not be read as a date: it stays out of the calendar.
    public func undatedLeftOut(_ count: Int, fix: String) -> String {
        text("\(count == 1 ? "Én frist" : "\(count) frister") uden dato kommer ikke med i kalenderen. Skriv en dato (fx 2027-03-01):\n  \(fix)",
             "\(count == 1 ? "One deadline" : "\(count) deadlines") without a date \(count == 1 ? "stays" : "stay") out of the calendar. Write a date (e.g. 2027-03-01):\n  \(fix)")
    }

    var feedbackHeading: String { text("Lederens feedback", "Your manager's feedback") }
    var reflectionsHeading: String { text("Det vil du tænke videre over", "What you will think further about") }
    var nextHeading: String { text("Næste opfølgning", "Next check-in") }
    var noNextCheckIn: String { text("Ingen dato for næste opfølgning endnu.", "No date for the next check-in yet.") }

    /// Said on the screen when a follow-up ends, under its conclusion.
    public func afterConclusion(session: String) -> String {
        text("Konklusionen til din leder (kun det, du deler), til print:\n  mus-coach conclusion \(session) --shared --format html -o konklusion.html\n"
             + "Fristerne som kalender, og hvor du står:\n  mus-coach agreements --ics aftaler.ics\n  mus-coach status",
             "The conclusion for your manager (only what you share), to print:\n  mus-coach conclusion \(session) --shared --format html -o conclusion.html --lang en\n"
             + "The deadlines as a calendar, and where you stand:\n  mus-coach agreements --ics agreements.ics --lang en\n  mus-coach status --lang en")
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

    var noHistory: String {
        text("Der er ingen MUS i din historik endnu. Forbered den næste med: mus-coach\nEfter samtalen: mus-coach followup",
             "There is no MUS in your history yet. Prepare the next one with: mus-coach --lang en\nAfter the talk: mus-coach followup --lang en")
    }

    func talkHeading(_ held: LocalDate, followUp: String) -> String {
        text("MUS den \(held) (opfølgning: \(followUp))", "MUS on \(held) (follow-up: \(followUp))")
    }

    func preparedIn(_ session: String) -> String { text("  Forberedt i: \(session)", "  Prepared in: \(session)") }

    func wishes(_ wishes: [String]) -> String {
        wishes.isEmpty ? text("  Ønsker: ingen skrevet ned", "  Wishes: none written down")
            : text("  Ønsker: ", "  Wishes: ") + wishes.joined(separator: "; ")
    }

    var agreementsMade: String { text("  Aftaler:", "  Agreements:") }
    var noAgreementsMade: String { text("  Aftaler: ingen skrevet ned", "  Agreements: none written down") }

    /// An agreement and what became of it; an open one with its deadline.
    func historyLine(_ agreement: Agreement, outcome: AgreementOutcome?, today: LocalDate) -> String {
        let state = switch outcome {
        case .followedUp: text("✓ fulgt op", "✓ followed up")
        case .partly: text("◐ delvist fulgt op", "◐ partly followed up")
        case .notFollowedUp: text("✗ ikke fulgt op", "✗ not followed up")
        case nil:
            if let due = agreement.due {
                due < today ? text("· åben, fristen \(due) er overskredet", "· open, past its deadline \(due)") : text("· åben, frist \(due)", "· open, due \(due)")
            } else {
                text("· åben", "· open")
            }
        }
        return "    \(agreement.what) — \(state)"
    }

    func goalsSet(_ goals: [String]) -> String { text("  Udviklingsmål: ", "  Development goals: ") + goals.joined(separator: "; ") }

    func upcoming(_ session: String, begun: LocalDate) -> String {
        text("Næste MUS under forberedelse: \(session) (begyndt \(begun))", "Next MUS being prepared: \(session) (begun \(begun))")
    }
}
