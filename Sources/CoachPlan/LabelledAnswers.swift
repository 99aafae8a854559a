/// An answer labelled by hand as concrete or vague, for the question its topic names
/// (`Tests/Fixtures/answers.*.tsv`).
public struct LabelledAnswer: Hashable, Sendable {
    public enum Split: String, Sendable, CaseIterable {
        /// Rules may be tuned on these.
        case tune
        /// Kept aside: the figures that count.
        case test
    }

    public var id: String
    /// The question id the answer was written for.
    public var topic: String
    public var isConcrete: Bool
    /// The cues the labeller found (episode, name, measure, time, result); empty for a vague answer.
    public var cues: [String]
    public var split: Split
    public var text: String

    /// Block c ("da-c-…", "en-c-…"): answers specific without a name or a digit, and their look-alikes,
    /// written after the first blocks were tuned on and measured apart from them.
    public var isInBlockC: Bool { id.split(separator: "-").dropFirst().first == "c" }

    /// Reads the tab-separated file; `#` lines are comments. A malformed line is an error naming its number.
    public static func parse(tsv: String) throws(ParseError) -> [LabelledAnswer] {
        var answers: [LabelledAnswer] = []
        for (number, line) in tsv.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 6, let split = Split(rawValue: fields[4]), ["concrete", "vague"].contains(fields[2]) else {
                throw ParseError(line: number + 1)
            }
            answers.append(LabelledAnswer(id: fields[0], topic: fields[1], isConcrete: fields[2] == "concrete",
                                          cues: fields[3] == "-" ? [] : fields[3].split(separator: ",").map(String.init),
                                          split: split, text: fields[5]))
        }
        return answers
    }

    public struct ParseError: Error, CustomStringConvertible {
        public var line: Int
        public var description: String { "line \(line): expected id, topic, concrete|vague, cues, tune|test, text" }
    }
}
