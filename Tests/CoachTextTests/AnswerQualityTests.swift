import CoachText
import Testing

struct QualityCase: Sendable, CustomStringConvertible {
    var text: String
    var number = false, example = false, time = false, benefit = false
    var description: String { text }
}

@Test(arguments: [
    QualityCase(text: "Det gik fint"),
    QualityCase(text: "I'm doing well"),
    QualityCase(text: "Jeg sparede 200.000 kr.", number: true, benefit: true),
    QualityCase(text: "Vi leverede tre uger før deadline", number: true),
    QualityCase(text: "fx da jeg ledede mødet", example: true),
    QualityCase(text: "f.eks. designet af API'et", example: true),
    QualityCase(text: "Jeg ledede projektet Apollo", example: true),
    QualityCase(text: "so that customers get faster releases", benefit: true),
    QualityCase(text: "for example the billing system", example: true),
    QualityCase(text: "sidste måned", time: true),
    QualityCase(text: "I i går fik vi ro", time: true),
    QualityCase(text: "Det giver bedre kvalitet", benefit: true),
    // Numbers that measure nothing, time words standing alone, generic capitals.
    QualityCase(text: "Jeg har været her i 9 år"),
    QualityCase(text: "jeg giver det 7 ud af 10"),
    QualityCase(text: "I'd say 8/10, and I'm there 24/7"),
    QualityCase(text: "jeg giver den 4/5"),
    QualityCase(text: "3/4 of the team", number: true),
    QualityCase(text: "mødet er 12/5", number: true, time: true),
    QualityCase(text: "3/4 af teamet", number: true),
    QualityCase(text: "senest 2027-03-01", number: true, time: true),
    QualityCase(text: "inden 1/3-2027, Anna tager den", number: true, example: true, time: true),
    QualityCase(text: "deadline 01.03.2027", number: true, time: true),
    QualityCase(text: "1.5 time om ugen", number: true),
    QualityCase(text: "in the spring I led the stock count", time: true),
    QualityCase(text: "nights since the merger", time: true),
    QualityCase(text: "vi har 1000 bolde i luften"),
    QualityCase(text: "Vi sparede 1000 kr. om måneden", number: true, benefit: true),
    QualityCase(text: "næste år, på et tidspunkt"),
    QualityCase(text: "i foråret", time: true),
    QualityCase(text: "not sure, HR has to send it to me"),
    QualityCase(text: "I talked to Priya about it", example: true),
    // A long definite noun after a preposition of place names where or what; one every workplace has does not.
    QualityCase(text: "ansvar for ugeplanerne i vuggestuen", example: true),
    QualityCase(text: "fejlfinding på plc'erne ved pakkelinjen", example: true),
    QualityCase(text: "det skal fungere bedre på arbejdspladsen", benefit: true),
    QualityCase(text: "tid i kalenderen"),
    QualityCase(text: "vuggestuen er god"),
    // Named loosely: no role cue.
    QualityCase(text: "måske på sigt noget med teamleder, jeg ved ikke helt"),
    QualityCase(text: "something like team lead"),
    QualityCase(text: "jeg vil gerne være teamleder", example: true),
])
func answerQuality(_ sample: QualityCase) {
    let quality = AnswerQuality(of: sample.text)
    #expect(quality.hasNumber == sample.number)
    #expect(quality.hasExample == sample.example)
    #expect(quality.hasTime == sample.time)
    #expect(quality.hasBenefit == sample.benefit)
    #expect(quality.isVague == !(sample.number || sample.example || sample.time))
}

@Test func wordsAreCounted() {
    #expect(AnswerQuality(of: "  Jeg  leverede, til tiden! ").words == 4)
    #expect(AnswerQuality(of: "").words == 0)
}

@Test(arguments: [
    ("plain æøå — »tekst«\nlinje 2\tfane", "plain æøå — »tekst«\nlinje 2\tfane"),
    ("rød\u{1B}[31m tekst\u{1B}[0m", "rød[31m tekst[0m"),
    ("linje\r\nlinje", "linje\nlinje"),
    ("bell\u{07}\u{00}\u{7F}", "bell"),
    ("c1\u{85}\u{9B}2J", "c12J"),
    ("\u{202E}tnemom\u{202C} \u{2066}iso\u{2069}", "tnemom iso"),
    ("\u{200F}rlm stays", "\u{200F}rlm stays"),
])
func answerTextRemovesControlAndOverrideCharacters(typed: String, kept: String) {
    #expect(AnswerText.cleaned(typed) == kept)
}
