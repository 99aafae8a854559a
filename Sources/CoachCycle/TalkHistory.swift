import CoachEngine

/// The years at a glance: each talk with the preparation before it (its wishes), the agreements
/// made and whether the next preparation says they happened, and a preparation not yet followed by a talk.
public struct TalkHistory: Sendable {
    /// A preparation session, read for what the history shows of it.
    public struct Preparation: Sendable {
        public var session: String
        public var created: LocalDate
        public var wishes: [String]
        public var conversation: Conversation

        /// The wishes are the items of the list tagged `oenske`.
        public init(session: String, created: LocalDate, conversation: Conversation) {
            self.session = session
            self.created = created
            self.conversation = conversation
            let program = conversation.program
            wishes = conversation.records.first { program.questions[$0.question].kind.isList && program.questions[$0.question].question.tags.contains("oenske") }?
                .items ?? []
        }
    }

    public struct Talk: Sendable {
        public var followUp: FollowUp
        /// The latest preparation begun after the talk before this one and by this one's day.
        public var preparation: Preparation?
        /// Per agreement, what the preparations after the talk say of it (`outcome(of:after:in:)`; nil: none says yet).
        public var outcomes: [AgreementOutcome?]
    }

    public var talks: [Talk]
    /// Preparations begun after the last talk: the next one is on its way.
    public var upcoming: [Preparation]

    public init(followUps: [FollowUp], preparations: [Preparation]) {
        let followUps = followUps.sorted { $0.held < $1.held }
        let preparations = preparations.sorted { $0.created < $1.created }
        talks = followUps.enumerated().map { index, followUp in
            let previous = index > 0 ? followUps[index - 1].held : nil
            let before = preparations.last { preparation in preparation.created <= followUp.held && previous.map { preparation.created > $0 } ?? true }
            let outcomes = followUp.agreements.map { Self.outcome(of: $0, after: followUp, in: preparations) }
            return Talk(followUp: followUp, preparation: before, outcomes: outcomes)
        }
        upcoming = preparations.filter { preparation in followUps.last.map { preparation.created > $0.held } ?? true }
    }

    /// What became of an agreement: what the latest preparation begun on or after the talk's day
    /// says of it. The one rule `status`, `agreements` and `history` all read.
    public static func outcome(of agreement: Agreement, after followUp: FollowUp, in preparations: [Preparation]) -> AgreementOutcome? {
        preparations.filter { $0.created >= followUp.held }.sorted { $0.created < $1.created }
            .lazy.reversed().compactMap { agreement.outcome(in: $0.conversation) }.first
    }
}

extension TalkHistory {
    /// For the terminal: the talks, newest first, then what is being prepared.
    public func render(_ strings: CycleStrings, today: LocalDate) -> String {
        guard !talks.isEmpty || !upcoming.isEmpty else { return strings.noHistory + "\n" }
        var blocks: [String] = []
        for preparation in upcoming.reversed() {
            blocks.append(strings.upcoming(preparation.session, begun: preparation.created) + "\n" + strings.wishes(preparation.wishes))
        }
        for talk in talks.reversed() {
            var lines = [strings.talkHeading(talk.followUp.held, followUp: talk.followUp.session)]
            if let preparation = talk.preparation { lines.append(strings.preparedIn(preparation.session)) }
            lines.append(strings.wishes(talk.preparation?.wishes ?? []))
            lines.append(talk.followUp.agreements.isEmpty ? strings.noAgreementsMade : strings.agreementsMade)
            for (agreement, outcome) in zip(talk.followUp.agreements, talk.outcomes) {
                lines.append(strings.historyLine(agreement, outcome: outcome, today: today))
            }
            if !talk.followUp.goals.isEmpty {
                lines.append(strings.goalsSet(talk.followUp.goals.map { goal in goal.due.map { "\(goal.what) (\($0))" } ?? goal.what }))
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }
}
