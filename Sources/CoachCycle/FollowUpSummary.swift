/// What a follow-up ends with: the agreements with who and by when, the manager's feedback and the
/// next check-in — the record of the talk, not a preparation's brief.
public struct FollowUpSummary: Sendable {
    public var followUp: FollowUp
    public var strings: CycleStrings

    public init(_ followUp: FollowUp, strings: CycleStrings) {
        self.followUp = followUp
        self.strings = strings
    }

    /// As Markdown (saved beside the session) or as plain text (the terminal, the gateway).
    public func render(markdown: Bool, today: LocalDate) -> String {
        var lines: [String] = []
        func heading(_ text: String, level: Int) {
            if !lines.isEmpty { lines.append("") }
            lines.append(markdown ? String(repeating: "#", count: level) + " " + text : text.uppercased())
            lines.append("")
        }
        heading(strings.summaryTitle(followUp.held), level: 1)
        if followUp.held > today { lines.append(strings.heldInTheFuture(followUp.held, fix: followUp.replayCommand(from: followUp.heldQuestion))) }
        heading(strings.agreementsHeading(followUp.agreements.count), level: 2)
        if followUp.agreements.isEmpty { lines.append(strings.noAgreements) }
        for (index, agreement) in followUp.agreements.enumerated() {
            lines.append(strings.agreementLine(index + 1, agreement, today: today).trimmingLeadingSpaces())
        }
        let undated = followUp.agreements.filter { $0.due == nil && !($0.dueText ?? "").isEmpty }
        if !undated.isEmpty {
            lines.append("")
            lines.append(strings.undatedLeftOut(undated.count, fix: followUp.replayCommand(from: followUp.agreementsQuestion)))
        }
        if !followUp.feedback.isEmpty {
            heading(strings.feedbackHeading, level: 2)
            lines += followUp.feedback.map { "- " + $0 }
        }
        if !followUp.reflections.isEmpty {
            heading(strings.reflectionsHeading, level: 2)
            lines += followUp.reflections.map { "- " + $0 }
        }
        heading(strings.nextHeading, level: 2)
        lines.append(followUp.nextCheckIn.map { "\($0)" } ?? strings.noNextCheckIn)
        lines.append(strings.calendarHint)
        return lines.joined(separator: "\n") + "\n"
    }
}

extension FollowUp {
    /// The command that walks this follow-up again from a question.
    public func replayCommand(from question: String?) -> String {
        "mus-coach replay \(session)" + (question.map { " --from \($0)" } ?? "")
    }
}

private extension String {
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}
