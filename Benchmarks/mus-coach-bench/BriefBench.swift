import CoachLibrary
import CoachPlan
import CoachSummary
import Foundation

/// `mus-coach-bench briefs [--all] [--show NAME [--format F]]`: how many of each persona's expectations their brief
/// meets, per split; `--all` prints every check, failures of the tuning personas otherwise (never the
/// test split's); `--show` prints a tuning persona's brief (`--format`, text by default).
enum BriefBench {
    static func measure(_ library: DialogueLibrary, all: Bool, show: String?, format: BriefFormat) throws {
        let folder = library.folder.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/personas")
        let results = try library.personaBriefs(in: folder)
        if let show {
            guard let result = results.first(where: { $0.persona.name == show && $0.persona.split == .tune }) else {
                print("no tuning persona named \(show)")
                return
            }
            print(result.brief.render(format))
            return
        }
        for split in LabelledAnswer.Split.allCases {
            let ofSplit = results.filter { $0.persona.split == split }
            let checks = ofSplit.flatMap(\.checks)
            print("\(split.rawValue): \(checks.filter(\.passed).count)/\(checks.count) expectations met over \(ofSplit.count) personas")
            for result in ofSplit {
                print("  \(result.persona.name): \(result.checks.filter(\.passed).count)/\(result.checks.count)"
                      + (result.unused.isEmpty ? "" : "  (answers never asked: \(result.unused.joined(separator: ", ")))"))
                for check in result.checks where all || (!check.passed && split == .tune) { print("    \(check)") }
            }
        }
    }
}
