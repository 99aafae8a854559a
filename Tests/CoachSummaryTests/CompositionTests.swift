@testable import CoachSummary
import CoachText
import Testing

/// The pieces the agenda is composed of, each on the person's own words.
@Suite struct CompositionTests {
    @Test(arguments: [
        ("jamen vi får jo flere og flere terminale borgere", "vi får flere og flere terminale borgere"),
        ("deltagerbetaling er 1.240 kr tror jeg", "deltagerbetaling er 1.240 kr"),
        ("well, I suppose mainly that I wouldn't be on the phone", "mainly that I wouldn't be on the phone"),
        ("og så kan jeg vise de andre på ruten", "så kan jeg vise de andre på ruten"),
    ])
    func openersAndHedgesGoAndTheFactStays(said: String, cleaned: String) {
        #expect(Clauses.cleaned(said) == cleaned)
    }

    @Test(arguments: ["ved ikke om det er det du mener", "Lene kommer altid for sent og hun er bare ligeglad med os andre", "ja", "I don't know really"])
    func aClauseThatIsOnlyAHedgeOrJudgesAPersonIsLeftOut(said: String) {
        #expect(Clauses.cleaned(said) == nil)
    }

    @Test func anAnswerIsCutIntoClausesAndMadeIntoSentences() {
        let said = "i uge 42 var vi 3 syge i gruppen og jeg havde 18 besøg i stedet for 12. vi nåede ikke dokumentationen, og det er jo ikke godt"
        #expect(Clauses.split(said) == ["i uge 42 var vi 3 syge i gruppen og jeg havde 18 besøg i stedet for 12", "vi nåede ikke dokumentationen",
                                        "og det er jo ikke godt"], "a full stop after a number ends a sentence unless an ordinal's noun follows")
        #expect(Clauses.split("næste hold starter 8. marts i Viborg") == ["næste hold starter 8. marts i Viborg"])
        #expect(Clauses.sentence(["vi nåede ikke dokumentationen", "2 borgere kom først op efter kl 10.30"])
                == "Vi nåede ikke dokumentationen, 2 borgere kom først op efter kl 10.30.")
        #expect(Clauses.sentence(["kan triagemødet flyttes?"]) == "Kan triagemødet flyttes?")
        #expect(Clauses.saysAConsequence("så kan jeg tage de 9 sårskift om ugen") && Clauses.saysAConsequence("so I'd be handling my own notices"))
        #expect(!Clauses.saysAConsequence("vi har 7 terminale borgere nu mod 3 sidste vinter"))
    }

    @Test func eachFactIsSaidOnce() {
        var ledger = FactLedger()
        ledger.record(["4 dage på SOSU skolen i Viborg"])
        #expect(!ledger.isFresh("4 dage på sosu skolen i Viborg"), "the same words, another case")
        #expect(!ledger.isFresh("4 dage"), "a part of what was said")
        #expect(ledger.fresh(["næste hold starter 8. marts", "næste hold starter 8. marts", "4 dage"]) == ["næste hold starter 8. marts"])
    }

    @Test func sumsOfMoneyAreReadAsWritten() {
        #expect(Money.amounts(in: "2 dage. 4.800 kr.").map(\.amount) == [4_800])
        #expect(Money.amounts(in: "deltagerbetaling er 1.240 kr tror jeg, og 18.000 kroner i alt").map(\.amount) == [1_240, 18_000])
        #expect(Money.amounts(in: "It's about £1,950 with the registration").map(\.amount) == [1_950])
        #expect(Money.amounts(in: "2.500 euro, 3 days").map(\.amount) == [2_500])
        #expect(Money.amounts(in: "4 dage i Viborg, 12 borgere").isEmpty, "a number without money is none")
        #expect(Money.written(1_300, unit: "kr.", danish: true) == "1.300 kr." && Money.written(1_300, unit: "£", danish: false) == "£1,300")
    }

    @Test func aQuestionAboutTheManagerIsPutToThem() {
        let danish = BriefStrings(.danish)
        #expect(danish.addressingTheManager("om hun ser mig som en der kan tage imod de nye fast") == "om du ser mig som en der kan tage imod de nye fast")
        #expect(danish.addressingTheManager("Hvad han mener om hans plan for mig") == "Hvad du mener om din plan for mig")
        #expect(BriefStrings(.english).addressingTheManager("whether she sees me as a lead") == "whether she sees me as a lead",
                "an English verb changes with its person: left as written")
    }
}
