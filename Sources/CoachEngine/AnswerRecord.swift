import CoachScript

/// One answered (or skipped) question: the unit that going back undoes.
public struct AnswerRecord: Hashable, Sendable {
    public struct ProbeAnswer: Hashable, Sendable {
        /// Index into the question's probes.
        public var probe: Int
        public var text: String
    }

    /// Index into `ScriptProgram.questions`.
    public var question: Int
    /// For a per-item follow-up: which item of its list (0-based); otherwise -1.
    public var item: Int
    /// The option index, the scale number, or 1/0 for yes/no; -1 for text, lists and skips.
    public var choice: Int
    public var isSkipped: Bool
    /// What was written: the answer itself, or a list's items one per line.
    public var text: String
    public var probeAnswers: [ProbeAnswer]

    /// For a scale answer: what was written after the number ("2 — alt for mange møder",
    /// "4, men travlt i december"), without the separators; nil when only the number was given.
    public var scaleComment: String? {
        let comment = text.drop { $0 == "-" || $0.isNumber }
            .drop { $0.isWhitespace || "—–-,.:;/".contains($0) }
        return comment.isEmpty ? nil : String(comment)
    }

    /// For a choice answered with more than the option (`ja var på det i marts`): what follows it.
    public func choiceComment(in program: ScriptProgram) -> String? {
        guard !isSkipped, case .choice(let options) = program.questions[question].kind else { return nil }
        return ChoiceMatch.match(text, options: options).flatMap { $0.index == choice ? $0.comment : nil }
    }

    /// What was written beside a closed answer: a scale's comment, or a choice's.
    public func comment(in program: ScriptProgram) -> String? {
        switch program.questions[question].kind {
        case .scale: scaleComment
        case .choice: choiceComment(in: program)
        case .text, .list, .yesNo: nil
        }
    }

    /// A list's items.
    public var items: [String] {
        text.isEmpty ? [] : text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The list item at `index`, read from the bytes without splitting the whole list.
    public func item(at index: Int) -> String? {
        guard index >= 0, !text.isEmpty else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            var line = 0
            var start = 0
            for position in 0...bytes.count where position == bytes.count || bytes[position] == 0x0A {
                if line == index { return String(decoding: bytes[start..<position], as: UTF8.self) }
                line += 1
                start = position + 1
            }
            return nil
        }
    }

    public var itemCount: Int {
        guard !text.isEmpty else { return 0 }
        var text = text
        return text.withUTF8 { bytes in bytes.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }
    }

    /// The answer with its probe answers, as text analysis reads it.
    public var fullText: String {
        guard !probeAnswers.isEmpty else { return text }
        var joined = text
        joined.reserveCapacity(probeAnswers.reduce(text.utf8.count) { $0 + 1 + $1.text.utf8.count })
        for answer in probeAnswers {
            joined += "\n"
            joined += answer.text
        }
        return joined
    }
}
