/// An answer's quality with the place of each cue: what `mus-coach analyse` shows a script author,
/// so that they see why the coach would probe (or not).
public struct AnswerAnalysis: Equatable, Sendable {
    public enum Cue: CaseIterable, Sendable {
        case number, example, time, benefit
    }

    public var quality: AnswerQuality
    /// For each cue found, the shortest run of the answer's words (with the word before, where a
    /// cue needs its context: a name is a capital inside a sentence) in which it is found.
    public var evidence: [(cue: Cue, words: String)]

    public init(_ text: String) {
        quality = AnswerQuality(of: text)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        evidence = []
        for cue in Cue.allCases where quality.has(cue) {
            search: for length in 1...min(3, max(words.count, 1)) {
                for start in 0...(words.count - length) {
                    let run = words[start..<start + length].joined(separator: " ")
                    if AnswerQuality(of: run).has(cue) {
                        evidence.append((cue, run))
                        break search
                    }
                }
            }
        }
    }

    public static func == (lhs: AnswerAnalysis, rhs: AnswerAnalysis) -> Bool {
        lhs.quality == rhs.quality && lhs.evidence.map(\.cue) == rhs.evidence.map(\.cue) && lhs.evidence.map(\.words) == rhs.evidence.map(\.words)
    }
}

extension AnswerQuality {
    public func has(_ cue: AnswerAnalysis.Cue) -> Bool {
        switch cue {
        case .number: hasNumber
        case .example: hasExample
        case .time: hasTime
        case .benefit: hasBenefit
        }
    }
}
