import CoachEngine
import CoachLibrary
import CoachPlan
import Foundation
import Testing

/// How often the bundled dialogues probe vague and concrete answers, on the labelled answers in
/// `Tests/Fixtures` (`mus-coach-bench quality` prints the same per topic). The floors are the
/// figures reached, so that no change to a cue or a probe makes the coach hear less; the test split
/// was never tuned on. The aim is at least 90 % of vague answers probed and at most 10 % of concrete ones.
@Test(arguments: [
    // language, split, least share of vague answers probed, most share of concrete answers probed
    ("da", LabelledAnswer.Split.test, 0.97, 0.06),
    ("da", .tune, 0.94, 0.085),
    ("en", .test, 0.94, 0.085),
    ("en", .tune, 0.97, 0.035),
])
func vagueAnswersAreProbedAndConcreteOnesAreNot(language: String, split: LabelledAnswer.Split, vagueFloor: Double, concreteCeiling: Double) throws {
    let fixtures = dialogues.folder.deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/answers.\(language).tsv")
    let answers = try LabelledAnswer.parse(tsv: String(contentsOf: fixtures, encoding: .utf8))
    let script = try #require(DialogueLibrary.loadScript(at: dialogues.scriptURL("mus", language: language)).result.script)
    let quality = ProbeQuality.measure(answers.filter { $0.split == split }, on: ScriptProgram(script))
    #expect(quality.unreached.isEmpty, "answers at topics the dialogue never asks: \(quality.unreached)")
    let count = try #require(quality.bySplit[split])
    #expect(count.vague >= 20 && count.concrete >= 20)
    #expect(try #require(count.vagueShare) >= vagueFloor)
    #expect(try #require(count.concreteShare) <= concreteCeiling)
}

@Test func aMalformedLabelledLineIsNamedByItsNumber() {
    #expect(throws: LabelledAnswer.ParseError.self) { try LabelledAnswer.parse(tsv: "# header\nid\ttopic\tsomewhat\t-\ttune\ttext\n") }
    #expect((try? LabelledAnswer.parse(tsv: "a\tlykkedes\tvague\t-\ttest\tdet gik fint\n"))?.first?.isConcrete == false)
}
