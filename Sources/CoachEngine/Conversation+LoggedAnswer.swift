import CoachText

extension Conversation {
    /// How much of a refused answer the log keeps, in characters: enough to say why it was refused.
    public static let refusedAnswerKept = 200

    /// The text an answer is logged with. One the question at hand refuses (a megabyte sent to a
    /// yes/no question) is kept only as far as its first characters give the same refusal, so the
    /// log replays to the same state and holds no more than it must; any other answer, and the
    /// words a scale keeps as its comment, are kept whole.
    public func loggedForm(of answer: String) -> String {
        guard answer.utf8.count > Self.refusedAnswerKept, status == .active, case .question(let index, _)? = position else { return answer }
        let entry = program.questions[index]
        let trimmed = answer.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.count > Self.refusedAnswerKept, case .rejected(let rejection) = AnswerParser.parse(trimmed, for: entry) else { return answer }
        if case .numberMissing = rejection { return answer }
        let kept = String(trimmed.prefix(Self.refusedAnswerKept)).trimmingCharacters(in: .whitespacesAndNewlines)
        return AnswerParser.parse(kept, for: entry) == .rejected(rejection) ? kept : answer
    }
}
