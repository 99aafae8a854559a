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

    @Test(arguments: [
        "jeg ved ikke nok om sårpleje", "Det tror jeg ikke", "jeg synes egentlig det går fint", "Do you know if there is budget?",
        "we were not really short of staff in May", "what kind of course", "So far we have 3 open cases", "jo før jo bedre",
    ])
    func aHedgesWordsInsideAClauseAreWhatItSays(said: String) {
        #expect(Clauses.cleaned(said) == said)
    }

    @Test(arguments: ["ved ikke om det er det du mener", "Lene kommer altid for sent og hun er bare ligeglad med os andre", "ja", "I don't know really"])
    func aClauseThatIsOnlyAHedgeOrJudgesAPersonIsLeftOut(said: String) {
        #expect(Clauses.cleaned(said) == nil)
    }

    /// What the brief quotes for the person to say (a pitch, a reply to an objection, the next step)
    /// loses what only softens it and keeps every other word and mark as written.
    @Test(arguments: [
        ("deltagerbetaling er 1.240 kr tror jeg, og der er VEU godtgørelse", "deltagerbetaling er 1.240 kr, og der er VEU godtgørelse"),
        ("Ja, altså jeg vil gerne have de store kunder, dem Morten havde", "jeg vil gerne have de store kunder, dem Morten havde"),
        ("to dage i Aarhus, ved ikke, helst før sommerferien.", "to dage i Aarhus, helst før sommerferien."),
        ("en halv time om ugen, tror jeg.", "en halv time om ugen."),
        ("deltagerbetaling er 1.240 kr tror jeg …", "deltagerbetaling er 1.240 kr …"),
        ("I think about 2 hours a week, and that the team agrees", "about 2 hours a week, and that the team agrees"),
        ("Det tror jeg ikke, kl. 8 er for tidligt", "Det tror jeg ikke, kl. 8 er for tidligt"),
        ("ved ikke hvor mange, men færre kørsler", "ved ikke hvor mange, men færre kørsler"),
        ("tror jeg", "tror jeg"),
        ("kollegerne ved ikke, så de spørger mig", "kollegerne ved ikke, så de spørger mig"),
        ("not much overtime, and fewer mistakes", "not much overtime, and fewer mistakes"),
        ("4 dage. Ved ikke, 1.240 kr", "4 dage. 1.240 kr"),
        ("Ved ikke, altså det koster 9.000 kr", "det koster 9.000 kr"),
        ("… tror jeg, det koster 9.000 kr", "… det koster 9.000 kr"),
        ("det er dyrt: tror jeg.", "det er dyrt:"),
    ])
    func aQuoteLosesItsHedgesAndKeepsTheRest(said: String, quoted: String) {
        #expect(Clauses.withoutHedges(said) == quoted)
    }

    /// A wish's row that would quote a need already quoted above says which one, by its first words
    /// without their hedges; a third such row is left out (the pointer stands already).
    @Test func aRowThatWouldRepeatAPointSaysWhichOne() {
        var said = SaidOnce()
        let need = Point(text: "vi har 7 terminale borgere i distriktet nu mod 3 sidste vinter", sources: ["behov"])
        /// As the renderers ask: the point itself, else a pointer to it, else nothing.
        let rows = (0..<3).map { _ in said.first(need) ? "quoted" : said.firstPointer(to: need) ? "pointer" : "left out" }
        #expect(rows == ["quoted", "pointer", "left out"])
        #expect(BriefStrings(.danish).seeAbove(Clauses.withoutHedges("jamen altså, vi er jo ikke så store, så der er ikke et budget"))
                == "»vi er jo ikke så store …« (se ovenfor)")
        #expect(BriefStrings(.english).seeAbove("short need") == "\"short need\" (see above)")
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
        ledger.record(["the arrears went from about £41,000 to £26,500"])
        #expect(!ledger.isFresh("it was at 41,000 in April and 26.500 by December"), "the same sums in other words")
        #expect(ledger.isFresh("the target is £26,500 and £300,000 in all"), "a new sum is a new fact")
        ledger.record(["the talk is in 2026 at 10.30"])
        #expect(ledger.isFresh("the course starts in 2026"), "a year is no fact of its own")
    }

    @Test func aClauseThatGoesOnASentenceStartsInLowercaseOrStartsASentenceOfItsOwn() {
        #expect(Clauses.sentence(["Tage den fra viceskolelederen", "Fra august"]) == "Tage den fra viceskolelederen, fra august.")
        #expect(Clauses.sentence(["Jeg har haft 2 elever", "Jonas startede i november"]) == "Jeg har haft 2 elever. Jonas startede i november.",
                "a name keeps its capital, and starts a sentence")
        #expect(Clauses.sentence(["ingen penge sidste år", "Prøver igen"]) == "Ingen penge sidste år. Prøver igen.",
                "a capital that is no name is not left inside a sentence")
        #expect(Clauses.sentence(["kan jeg få kurset?", "Jonas har haft det"]) == "Kan jeg få kurset? Jonas har haft det.")
        #expect(Clauses.continuing("AMU-kurset i marts") == "AMU-kurset i marts", "an abbreviation keeps its capitals")
        #expect(Clauses.continuing("A 5 day course in the spring") == "a 5 day course in the spring")
        #expect(Clauses.continuing("I still need the exam") == "I still need the exam")
        #expect(BriefStrings(.danish).afterColon("I maj manglede vi to") == "i maj manglede vi to")
    }

    @Test func aFactRestatedInOtherWordsIsSaidOnce() {
        var ledger = FactLedger { Topic($0, language: .danish, synonyms: .empty(.danish)) }
        ledger.record(["Tryksåret i september som jeg opdagede", "jeg er kontaktperson for 6 borgere"])
        #expect(!ledger.isFresh("Jeg har været kontaktperson for 6 borgere i år"), "its number and its content said")
        #expect(ledger.isFresh("jeg er kontaktperson for 8 borgere"), "another number is another fact")
        #expect(ledger.isFresh("i september opdagede jeg et begyndende tryksår på hælen og fik sygeplejen ud samme dag"),
                "a clause without a number is compared by its words only")
    }

    @Test func whatTheReviewFound() {
        var ledger = FactLedger()
        ledger.record(["👍 👍"])
        #expect(ledger.isFresh("vi mangler to udviklere"), "a clause of marks alone says nothing, and hides nothing")
        #expect(Clauses.cleaned("Nye kolleger ved ikke") == "Nye kolleger ved ikke", "what they do not know is the fact")
        #expect(Clauses.continuing("Hans starter 1. maj") == "Hans starter 1. maj")
        #expect(!Phrases.alreadySaid.occurs(in: "Kunden har svaret nej") && Phrases.alreadySaid.occurs(in: "det skrev jeg jo"))
        #expect(BriefStrings(.danish).oneColleague("en kollega afbryder mig, en kollega lytter ikke") == "en kollega afbryder mig, kollegaen lytter ikke")
        #expect(BriefStrings(.english).itTakes("fewer mistakes in the rota") == "what it takes: fewer mistakes in the rota")
        #expect(BriefStrings(.english).itTakes("it takes two days") == "it takes two days")
    }

    @Test func aRelativeClauseGoesOnPastItsComma() {
        #expect(Clauses.split("I had no evictions all year which, I mean, for Westfield is quite something")
                == ["I had no evictions all year which for Westfield is quite something"])
        #expect(Clauses.split("kurset som, tror jeg, koster 4.000 kr, er godt") == ["kurset som koster 4.000 kr", "er godt"])
    }

    @Test func sumsOfMoneyAreReadAsWritten() {
        #expect(Money.amounts(in: "2 dage. 4.800 kr.").map(\.amount) == [4_800])
        #expect(Money.amounts(in: "deltagerbetaling er 1.240 kr tror jeg, og 18.000 kroner i alt").map(\.amount) == [1_240, 18_000])
        #expect(Money.amounts(in: "It's about £1,950 with the registration").map(\.amount) == [1_950])
        #expect(Money.amounts(in: "2.500 euro, 3 days").map(\.amount) == [2_500])
        #expect(Money.amounts(in: "4 dage i Viborg, 12 borgere").isEmpty, "a number without money is none")
        #expect(Money.amounts(in: "1.240,50 kr for bogen").map(\.amount) == [1_240], "øre are left out, not read as the sum")
        #expect(Money.amounts(in: "£1,950.50 in all").map(\.amount) == [1_950])
        #expect(Money.amounts(in: "2.500 euro").first?.currency == Money.amounts(in: "€ 2.000").first?.currency)
        #expect(Money.amounts(in: "18.000 kr. i alt").first?.written == "18.000 kr.", "the sum as written, its »kr.« whole")
        #expect(Money.written(1_300, unit: "kr.", danish: true) == "1.300 kr." && Money.written(1_300, unit: "£", danish: false) == "£1,300")
    }

    @Test func criticismSpeaksOfTheSituationNotThePerson() {
        #expect(BriefStrings(.danish).withoutThePerson("så er det os der tager hendes første 2 besøg") == "så er det os der tager en kollegas første 2 besøg")
        #expect(BriefStrings(.english).withoutThePerson("we take her first 2 visits and cover for her") == "we take a colleague's first 2 visits and cover for a colleague")
    }

    @Test func aSentenceGoesOnAfterAColonAsWritten() {
        let danish = BriefStrings(.danish), english = BriefStrings(.english)
        #expect(danish.afterColon("Det er tit om morgenen") == "det er tit om morgenen")
        #expect(danish.afterColon("Kirsten viste mig dosisdispenseren") == "Kirsten viste mig dosisdispenseren", "a name keeps its capital")
        #expect(english.afterColon("i still need the exam, i'm booked in May") == "I still need the exam, I'm booked in May")
        #expect(english.afterColon("The exam is in May") == "the exam is in May")
        #expect(danish.itTakes("Et kursus på 5 dage til 18.000 kr") == "det kræver: et kursus på 5 dage til 18.000 kr")
        #expect(danish.itTakes("at min rute bliver 3 besøg kortere") == "det kræver, at min rute bliver 3 besøg kortere")
        #expect(english.itTakes("it takes two days in March") == "it takes two days in March", "a clause that says so itself")
    }

    @Test func aQuestionAboutTheManagerIsPutToThem() {
        let danish = BriefStrings(.danish)
        #expect(danish.addressingTheManager("Hvad han mener om hans plan for mig") == "Hvad du mener om din plan for mig")
        #expect(danish.addressingTheManager("om hun ser mig som en der kan tage imod de nye") == "Jeg vil gerne høre, om du ser mig som en der kan tage imod de nye.")
        #expect(danish.addressingTheManager("Hvad synes hun om hendes mål og hendes syn på teamet") == "Hvad synes du om dine mål og dit syn på teamet")
        #expect(BriefStrings(.english).addressingTheManager("whether she sees me as a lead") == "I'd like to hear whether you see me as a lead.")
        #expect(BriefStrings(.english).addressingTheManager("What does he think of his plan for me?") == "What do you think of your plan for me?")
        #expect(danish.addressingTheManager("om hun har tid i sin kalender") == "Jeg vil gerne høre, om du har tid i din kalender.")
        #expect(danish.addressingTheManager("om hans leder er med") == "Jeg vil gerne høre, om din leder er med.")
        #expect(danish.addressingTheManager("om Hans kan tage mine vagter") == "Jeg vil gerne høre, om Hans kan tage mine vagter.", "a name is no pronoun")
        #expect(BriefStrings(.english).addressingTheManager("whether she's free in May") == "I'd like to hear whether you're free in May.")
        #expect(BriefStrings(.english).addressingTheManager("whether she really goes along") == "I'd like to hear whether you really go along.")
        #expect(BriefStrings(.english).addressingTheManager("if she can cover my shifts") == "if you can cover my shifts")
        #expect(danish.addressingTheManager("om mandagen svarer hun aldrig", asking: false) == "om mandagen svarer du aldrig", "a statement is no question")
    }
}
