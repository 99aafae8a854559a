/// An answer's quality with the place of each cue: what `mus-coach analyse` shows a script author,
/// so that they see why the coach would probe (or not).
public struct AnswerAnalysis: Sendable {
    public enum Cue: CaseIterable, Sendable {
        case number, example, time, benefit
    }

    public var quality: AnswerQuality
    /// For each cue found, the first shortest run of one to three of the answer's words in which it
    /// is found on its own (a name needs the word before it: a capital inside a sentence).
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
