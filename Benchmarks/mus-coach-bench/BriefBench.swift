import CoachLibrary
import CoachPlan
import CoachSummary
import Foundation

/// `mus-coach-bench briefs [--all] [--show NAME [--format F]] [--agenda NAME]`: how many of each persona's expectations
/// their brief meets, per split, and how many checks of what the manager reads (`ComposedCheck`); `--all` prints every
/// check, failures of the tuning personas otherwise (never the test split's); `--show` prints a tuning persona's brief
/// (`--format`, text by default), `--agenda` their agenda.
enum BriefBench {
    static func measure(_ library: DialogueLibrary, all: Bool, show: String?, agendaOf: String?, format: BriefFormat) throws {
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
            let earlier = ofSplit.filter { !$0.persona.isGoal }.flatMap(\.checks)
            let goal = ofSplit.filter(\.persona.isGoal).flatMap(\.checks)
            let composed = ofSplit.flatMap(\.composedChecks)
            print("\(split.rawValue): \(earlier.filter(\.passed).count)/\(earlier.count) expectations met over \(ofSplit.count { !$0.persona.isGoal }) personas;"
                  + " goal personas \(goal.filter(\.passed).count)/\(goal.count); what the manager reads \(composed.filter(\.passed).count)/\(composed.count)")
            for result in ofSplit {
                let checks = result.checks + result.composedChecks
                print("  \(result.persona.name): \(result.checks.filter(\.passed).count)/\(result.checks.count),"
                      + " manager \(result.composedChecks.filter(\.passed).count)/\(result.composedChecks.count)"
                      + (result.unused.isEmpty ? "" : "  (answers never asked: \(result.unused.joined(separator: ", ")))"))
                for check in checks where all || (!check.passed && split == .tune) { print("    \(check)") }
            }
        }
        if let agendaOf {
            guard let result = results.first(where: { $0.persona.name == agendaOf && $0.persona.split == .tune }) else { return }
            print(result.agenda.render(.text))
        }
    }
}
