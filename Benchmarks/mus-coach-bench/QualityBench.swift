import CoachEngine
import CoachLibrary
import CoachPlan
import Foundation

/// `mus-coach-bench quality [--misses]`: the share of vague and of concrete answers the running
/// dialogue probes, per language, split and topic, from the labelled answers in `Tests/Fixtures`.
/// `--misses` lists the tuning answers the coach gets wrong (never the test split's).
enum QualityBench {
    static func measure(_ library: DialogueLibrary, misses: Bool) throws {
        let fixtures = library.folder.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures")
        for language in ["da", "en"] {
            let answers = try LabelledAnswer.parse(tsv: String(contentsOf: fixtures.appendingPathComponent("answers.\(language).tsv"), encoding: .utf8))
            guard let script = DialogueLibrary.loadScript(at: library.scriptURL("mus", language: language)).result.script else {
                throw CocoaError(.fileReadCorruptFile)
            }
            let quality = ProbeQuality.measure(answers, on: ScriptProgram(script))
            print("mus.\(language): \(answers.count) labelled answers" + (quality.unreached.isEmpty ? "" : ", \(quality.unreached.count) at topics never asked"))
            for split in LabelledAnswer.Split.allCases {
                guard let count = quality.bySplit[split] else { continue }
                print("  \(split.rawValue): vague probed \(share(count.vagueProbed, count.vague)), concrete probed \(share(count.concreteProbed, count.concrete))")
            }
            // Block c (specific without a name or a digit) is also measured alone: the floors hold each block.
            for (block, inBlock) in [("blocks a-b", false), ("block c", true)] {
                let part = ProbeQuality.measure(answers.filter { $0.isInBlockC == inBlock }, on: ScriptProgram(script))
                for split in LabelledAnswer.Split.allCases {
                    guard let count = part.bySplit[split] else { continue }
                    print("  \(block), \(split.rawValue): vague probed \(share(count.vagueProbed, count.vague)), concrete probed \(share(count.concreteProbed, count.concrete))")
                }
            }
            print("  per topic (tune + test): vague probed, concrete probed")
            let topics = Set(quality.byTopic.values.flatMap(\.keys)).sorted()
            for topic in topics {
                let total = LabelledAnswer.Split.allCases.compactMap { quality.byTopic[$0]?[topic] }.reduce(into: nil) { sum, count in
                    sum = sum.map { $0 + count } ?? count
                }!
                print("    \(topic.padding(toLength: 26, withPad: " ", startingAt: 0)) \(share(total.vagueProbed, total.vague))   \(share(total.concreteProbed, total.concrete))")
            }
            if misses {
                for miss in quality.misses where miss.answer.split == .tune {
                    print("  miss \(miss.answer.id) \(miss.answer.topic) \(miss.answer.isConcrete ? "concrete, probed" : "vague, not probed"): \(miss.answer.text)")
                }
            }
        }
    }

    private static func share(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "–" : String(format: "%3.0f %% (%d/%d)", 100 * Double(part) / Double(whole), part, whole)
    }
}
