import CoachText
/// The MUS conclusion a follow-up ends with — the konklusionsskema and the udviklingsplan: the
/// agreements with who and by when, the development goals, the manager's feedback, the next
/// check-in. The person's own copy marks what is private and says what is missing; the shared copy,
/// for the manager, holds the shared points and nothing else.
public struct MUSConclusion: Sendable {
    public enum Format: String, CaseIterable, Sendable {
        case markdown, html, text
    }

    public enum Copy: Sendable {
        /// Everything, private points marked, what is missing pointed out.
        case own
        /// What the person shares, and no word of what they keep.
        case shared
    }

    public var followUp: FollowUp
    public var strings: CycleStrings

    public init(_ followUp: FollowUp, strings: CycleStrings) {
        self.followUp = followUp
        self.strings = strings
    }

    /// How many points the shared copy leaves out.
    public var privateCount: Int {
        followUp.agreements.count(where: \.isPrivate) + followUp.goals.count(where: \.isPrivate)
            + (followUp.feedback + followUp.reflections).count(where: \.isPrivate) + (followUp.nextCheckInIsPrivate ? 1 : 0)
    }

    /// `today` only decides whether the talk's date lies ahead, which the own copy questions.
    /// `participants`: the names it carries, when known — in the lines to sign, and for "mig" where
    /// the person named themself responsible (the manager reads it, not the person).
    public func render(_ format: Format, copy: Copy, today: LocalDate, participants: Participants = Participants()) -> String {
        let document = document(copy: copy, today: today, participants: participants)
        switch format {
        case .markdown: return ConclusionMarkdown.render(document)
        case .html: return ConclusionHTML.render(document, language: followUp.language == .danish ? "da" : "en")
        case .text: return ConclusionText.render(document)
        }
    }

    private func document(copy: Copy, today: LocalDate, participants: Participants) -> ConclusionDocument {
        let shows = { (isPrivate: Bool) in copy == .own || !isPrivate }
        func mark(_ text: String, _ isPrivate: Bool) -> String { isPrivate ? "\(text) \(strings.privateMark)" : text }
        func due(_ date: LocalDate?, _ text: String?) -> String { date.map { "\($0)" } ?? text.flatMap { $0.isEmpty ? nil : $0 } ?? "—" }
        var document = ConclusionDocument(title: strings.conclusionTitle, subtitle: strings.conclusionSubtitle(followUp.held))
        if copy == .own && followUp.held > today {
            document.notes.append(strings.heldInTheFuture(followUp.held, fix: followUp.replayCommand(from: followUp.heldQuestion)))
        }
        let agreements = followUp.agreements.filter { shows($0.isPrivate) }
        document.sections.append(.init(title: strings.agreementsHeading(agreements.count), content: agreements.isEmpty ? .paragraph(strings.noAgreements)
            : .table(header: strings.agreementColumns, rows: agreements.map { [mark($0.what, $0.isPrivate), who($0.who, participants), due($0.due, $0.dueText)] })))
        let goals = followUp.goals.filter { shows($0.isPrivate) }
        document.sections.append(.init(title: strings.planHeading, content: goals.isEmpty ? .paragraph(strings.noGoals)
            : .table(header: strings.goalColumns, rows: goals.map { [mark($0.what, $0.isPrivate), $0.how ?? "—", due($0.due, $0.dueText), $0.sign ?? "—"] })))
        for (title, remarks) in [(strings.feedbackHeading, followUp.feedback), (strings.reflectionsHeading, followUp.reflections)] {
            let shown = remarks.filter { shows($0.isPrivate) }
            if !shown.isEmpty { document.sections.append(.init(title: title, content: .list(shown.map { mark($0.text, $0.isPrivate) }))) }
        }
        if shows(followUp.nextCheckInIsPrivate) {
            document.sections.append(.init(title: strings.nextHeading,
                                           content: .paragraph(followUp.nextCheckIn.map { mark("\($0)", followUp.nextCheckInIsPrivate) } ?? strings.noNextCheckIn)))
        }
        // Signed by both: the konklusionsskema is their shared record.
        document.sections.append(.init(title: strings.signaturesHeading, content: .paragraph(strings.signatureLines(participants))))
        if copy == .own {
            let missing = self.missing
            if !missing.isEmpty { document.sections.append(.init(title: strings.missingHeading, content: .list(missing))) }
            if privateCount > 0 { document.notes.append(strings.privateLeftOut(privateCount)) }
        }
        return document
    }

    /// Who answers for an agreement, as the document says it: "mig" is the person, by name when known.
    private func who(_ said: String?, _ participants: Participants) -> String {
        guard let said, !said.isEmpty else { return "—" }
        guard let person = participants.person, strings.meansMe(said) else { return said }
        return person
    }

    /// What keeps an agreement or a goal from being followed up: no one responsible, no date, no
    /// activity, no sign it is reached — each with the command that fills it in.
    private var missing: [String] {
        var missing: [String] = []
        let agreementsFix = followUp.replayCommand(from: followUp.agreementsQuestion)
        for agreement in followUp.agreements {
            var parts: [String] = []
            if (agreement.who ?? "").isEmpty { parts.append(strings.missingWho) }
            if agreement.due == nil { parts.append((agreement.dueText ?? "").isEmpty ? strings.missingDue : strings.undatedDue) }
            if !parts.isEmpty { missing.append(strings.missing(agreement.what, parts, fix: agreementsFix)) }
        }
        let goalsFix = followUp.replayCommand(from: followUp.goalsQuestion)
        for goal in followUp.goals {
            var parts: [String] = []
            if (goal.how ?? "").isEmpty { parts.append(strings.missingHow) }
            if goal.due == nil { parts.append(strings.missingDue) }
            if (goal.sign ?? "").isEmpty { parts.append(strings.missingSign) }
            if !parts.isEmpty { missing.append(strings.missing(goal.what, parts, fix: goalsFix)) }
        }
        return missing
    }
}

extension FollowUp {
    /// The command that walks this follow-up again from a question.
    public func replayCommand(from question: String?) -> String {
        "mus-coach replay \(session)" + (question.map { " --from \($0)" } ?? "")
    }
}
