import CoachEngine
import CoachLibrary
import CoachPlan
@testable import CoachSummary
import Testing

/// A Danish preparation with only these answers (YAML, keyed by step id as in the personas), and its brief.
private func brief(_ answers: String, probes: String = "") throws -> Brief {
    let defaults = ["haft-mus-foer: nej", "skema: nej", "politikker: ved-ikke"].filter { line in
        !answers.contains(line.split(separator: ":")[0] + ":")
    }
    let yaml = """
        persona: test
        language: da
        split: tune
        answers:
        \(defaults.map { "  " + $0 }.joined(separator: "\n"))
        \(answers.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        probes:
        \(probes.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        expect: { wishes: 0, low_wellbeing_raised: false, criticism_reframed: false, thin_answers_noted: false }
        """
    let persona = try Persona(yaml: yaml.replacingOccurrences(of: "probes:\n\nexpect", with: "expect"), path: "test")
    let script = try #require(DialogueLibrary.loadScript(at: dialogues.scriptURL("mus", language: "da")).result.script)
    let program = ScriptProgram(script)
    let run = try PersonaRunner.run(persona, on: program)
    #expect(run.unused.isEmpty, "answers never asked: \(run.unused)")
    return BriefBuilder.build(run.transcript, program: program, knowledge: try dialogues.briefKnowledge(.danish))
}

private func everything(_ brief: Brief) -> String { BriefFormat.allCases.map { brief.render($0) }.joined(separator: "\n") }

@Test func anEvasiveBenefitIsFlaggedAndMatchesNoNeedOnFunctionWords() throws {
    let brief = try brief("""
        behov: ["Vi har brug for flere ved kassen"]
        oensker: [Konference om ledelse]
        oensker[1]/gavn: svært at sige, egentlig
        """)
    let wish = try #require(brief.wishes.first)
    #expect(wish.judgement.benefit == .evasive)
    #expect(wish.judgement.rating == .weak)
    #expect(wish.meetsNeeds.isEmpty, "'ved' and 'brug' say nothing about what a wish is for")
    #expect(brief.commonGround.shared.isEmpty)
    #expect(brief.feedback.contains { $0.kind == .wishWithoutBenefit && $0.sources.contains("oensker[1]/gavn") })
    #expect(wish.pitch.contains { $0.text.hasPrefix("[Find ét eksempel på gevinsten for arbejdspladsen") }, "the pitch says what to find out")
}

@Test func aBenefitForThePersonAloneIsNoArgument() throws {
    let brief = try brief("""
        oensker: [Kursus i fotografi]
        oensker[1]/gavn: det er primært noget, jeg selv synes er sjovt
        oensker[1]/vist: jeg har taget billeder til intranettet i 2 år
        oensker[1]/kraever: 3 aftener i marts
        """)
    let wish = try #require(brief.wishes.first)
    #expect(wish.judgement.benefit == .ownSake)
    #expect(wish.judgement.rating == .weak)
    #expect(!brief.agenda.contains { $0.text.contains("sjovt") }, "the agenda does not put the person's fun forward as the gain")
}

@Test func aRealBenefitInOtherWordsMeetsTheNeedThroughCompoundParts() throws {
    let brief = try brief("""
        behov: [ny sårklinik]
        oensker: [Kursus i sårpleje]
        oensker[1]/gavn: Så kan jeg tage de komplicerede sår selv, i stedet for at vi sender 6 patienter om ugen videre
        oensker[1]/vist: Jeg har haft ansvaret for trykssår på afsnittet siden april
        oensker[1]/kraever: 4 dage i foråret
        """)
    let wish = try #require(brief.wishes.first)
    #expect(wish.meetsNeeds.map(\.text) == ["ny sårklinik"])
    #expect(wish.judgement == WishJudgement(rating: .strong, benefit: .given, meetsNeed: true, backed: true, concreteAsk: true))
    #expect(!brief.feedback.contains { $0.kind == .wishWithoutBenefit || $0.kind == .wishWithoutNeed })
}

@Test func budgetsAndPoliciesAreTheFrameworkNotNeedsAndReachTheWishesTheyAllow() throws {
    let brief = try brief("""
        politikker: ja
        politikker-indhold: Der er et uddannelsesbudget på 10.000 kr. om året pr. medarbejder
        udviklingsmuligheder: Der er en mentorordning for nye
        behov:
          - vi har et uddannelsesbudget, men jeg kender ikke beløbet
          - kortere ventetid på svar til borgerne
        oensker: [Kursus i forvaltningsret]
        """)
    #expect(brief.needs.map(\.text) == ["kortere ventetid på svar til borgerne"])
    #expect(brief.framework.map(\.text).contains("vi har et uddannelsesbudget, men jeg kender ikke beløbet"))
    #expect(brief.framework.map(\.text).contains("Der er et uddannelsesbudget på 10.000 kr. om året pr. medarbejder"))
    let wish = try #require(brief.wishes.first)
    #expect(wish.framework.first?.text == "Der er et uddannelsesbudget på 10.000 kr. om året pr. medarbejder", "the budget fits a course, first")
    #expect(wish.pitch.contains { $0.text.contains("10.000 kr.") })
}

@Test func aPersonalAttackIsLeftOutAndItsFactsAreKept() throws {
    let brief = try brief("""
        draener: Vagtplanen har fejl hver uge, og det tager mig to dage at rette dem. Han er en sløset type, der kun tænker på sig selv.
        """)
    let text = everything(brief)
    #expect(!text.contains("sløset"))
    #expect(!text.contains("kun tænker på sig selv"))
    #expect(text.contains("Vagtplanen har fejl hver uge, og det tager mig to dage at rette dem."))
    let remark = try #require(brief.feedback.first { $0.kind == .personalCriticism })
    #expect(remark.sources == ["draener"])
    #expect(remark.text.contains("to dage at rette dem"))
    #expect(brief.checklist.contains { $0.sources == ["tip:raad-9"] })
}

@Test func anAttackWithNoFactsBecomesAdviceToBringAnExample() throws {
    let brief = try brief("samarbejde-team: Min kollega er doven og irriterende.")
    #expect(!everything(brief).contains("doven"))
    let remark = try #require(brief.feedback.first { $0.kind == .personalCriticism })
    #expect(remark.text.contains("Tag ét konkret eksempel med"))
}

@Test func aPreparationOfFewWordAnswersIsCalledThin() throws {
    let brief = try brief("""
        mus-dato: snart
        udviklingsmuligheder: kurser
        lykkedes: gået fint
        arbejdsopgaver: fint
        draener: møder
        flere-af: kunder
        om-tre-aar: samme sted
        om-fem-aar: ved ikke
        bidrag-vaekst: lave godt arbejde
        vigtigst: kurset
        """, probes: """
        arbejdsopgaver: [fint]
        """)
    let remark = try #require(brief.feedback.first { $0.kind == .thinAnswers })
    #expect(remark.text.hasPrefix("Din forberedelse er tynd"))
    #expect(!brief.render(.text).contains("fint — fint"), "a probe reply that repeats the answer is quoted once")
}

@Test func eachResultBacksTheOneWishItIsAbout() throws {
    let brief = try brief("""
        lykkedes: Jeg byggede lønrapporten i Power BI, så lukningen tager 2 dage i stedet for 5. Og jeg holdt 3 kurser i Excel for afdelingen.
        oensker: [Certificering i Power BI, Lede et projekt om fakturering]
        """)
    let backed = brief.wishes.map { $0.evidence.map(\.sources) }
    #expect(backed == [[["lykkedes"]], []], "the result is under the Power BI wish only")
}

@Test func sentencesEndAtFullStopsButNotAfterDatesAndAbbreviations() {
    #expect(Sentences.split("Fristen er 1. oktober. Vi mødes kl. 6 hver dag, ca. 20 min.") == ["Fristen er 1. oktober.", "Vi mødes kl. 6 hver dag, ca. 20 min."])
    #expect(Sentences.split("Vi havde 9 i 2025. Nu er det 3.") == ["Vi havde 9 i 2025.", "Nu er det 3."])
}

@Test func contentWordsMatchOnStemsAndCompoundPartsOnly() {
    let topic = { Topic($0, language: .danish, synonyms: .empty(.danish)) }
    #expect(topic("ny sårklinik").overlaps(topic("kursus i sårpleje")))
    #expect(topic("truckcertifikat B").overlaps(topic("flere med certifikat")))
    #expect(!topic("Vi har brug for flere ved kassen").overlaps(topic("det ved jeg, vi har brug for")))
    #expect(!topic("forhandlingsteknik").overlaps(topic("forsikringssager")), "'for' is a prefix, not a part")
}

@Test func aWishMeetsTheObjectionsOfItsKindWithTheRepliesItsAnswersAllow() throws {
    let brief = try brief("""
        behov: [flere superbrugere i Sundhedsplatformen]
        oensker: [Blive superbruger i Sundhedsplatformen, Kursus i Excel]
        oensker[1]/gavn: Kollegerne får hjælp samme dag, så vi slipper for 10 opkald om ugen til IT
        oensker[1]/vist: Jeg har oplært 6 kolleger i medicinmodulet siden april
        oensker[2]/gavn: bedre regneark
        """)
    let role = try #require(brief.wishes.first?.objections.first)
    #expect(role.id == "ikke-din-rolle")
    #expect(role.isPrepared)
    #expect(role.reply == "Det dækker et behov, vi har: flere superbrugere i Sundhedsplatformen. Gevinsten: Kollegerne får hjælp samme dag, så vi slipper for 10 opkald om ugen til IT.")
    #expect(role.sources == ["behov", "oensker[1]/gavn"])
    let course = try #require(brief.wishes.last)
    #expect(course.objections.map(\.id) == ["budget", "undvaere"], "what it takes is missing: prepare that first")
    #expect(course.objections.allSatisfy { !$0.isPrepared && $0.sources == ["oensker"] })
    #expect(!everything(brief).contains("Det kræver: bedre"), "a reply never fills a part the person did not give")
}

@Test func theBundledObjectionBanksLoadAndMatchAcrossLanguages() throws {
    let danish = try dialogues.briefKnowledge(.danish).objections
    let english = try dialogues.briefKnowledge(.english).objections
    #expect(danish.entries.count >= 6)
    #expect(danish.entries.map(\.kinds) == english.entries.map(\.kinds))
    #expect(Set(danish.entries.flatMap(\.kinds)) == Set(WishKind.allCases))
}

@Test(arguments: [
    ("objections:\n  - id: a\n    kinds: [trip]\n    objection: O\n    reply: R\n    prepare: P\n", "bank.yaml:3:13: unknown kind 'trip'"),
    ("objections:\n  - id: a\n    kinds: [any]\n    objection: O\n    reply: 'Det kræver {cost}'\n    prepare: P\n", "bank.yaml:5:12: unknown part '{cost}'"),
    ("objections:\n  - id: a\n    kinds: [any]\n    objection: O\n    reply: R\n    prepare: 'Find {takes}'\n", "bank.yaml:6:14: 'prepare' of 'a' is said when a part is missing"),
    ("objections:\n  - id: a\n    kinds: [any]\n    objection: O\n    reply: R\n", "bank.yaml:2:5: the entry needs a text 'prepare'"),
    ("objection:\n  - id: a\n", "bank.yaml:1:1: expected a list under 'objections'"),
])
func aBrokenObjectionBankIsRefusedAtItsPlace(text: String, message: String) {
    #expect(throws: ObjectionBankLoader.LoadError.self) { try ObjectionBankLoader.load(text: text, path: "bank.yaml") }
    do {
        _ = try ObjectionBankLoader.load(text: text, path: "bank.yaml")
    } catch {
        #expect(error.description.hasPrefix(message), "\(error.description)")
    }
}

@Test func anAnswerStillVagueAfterItsProbesIsNamedAndOneMadeConcreteIsNot() throws {
    let brief = try brief("""
        arbejdsopgaver: Det går sådan set fint
        draener: Nogle opgaver
        """, probes: """
        arbejdsopgaver: [Jeg lærer hele tiden noget]
        draener: [Rapporten til regionen hver fredag tager 4 timer]
        """)
    let remarks = brief.feedback.filter { $0.kind == .stillVague }
    #expect(remarks.map(\.sources) == [["arbejdsopgaver", "arbejdsopgaver/eksempel"]])
    #expect(remarks.first?.text.hasPrefix("Til »Hvordan går det med at løse dine arbejdsopgaver") == true)
    #expect(remarks.first?.text.contains("også efter det uddybende spørgsmål") == true)
}

@Test func aLongBenefitIsQuotedByItsAmountOfMoney() throws {
    let brief = try brief("""
        oensker: [Kursus i forhandlingsteknik]
        oensker[1]/gavn: Altså i år har jeg givet 12-15 % rabat for at lukke nogle handler hvor rammen er 8 %, og hvis jeg kunne holde mig på 8 % på mine 10 største kontrakter, så er det cirka 400.000 kr. mere i dækningsbidrag om året, det har jeg regnet lidt på sammen med vores controller i sidste uge
        """)
    let wish = try #require(brief.wishes.first)
    let gain = try #require(wish.pitch.first { $0.sources.contains("oensker[1]/gavn") })
    #expect(gain.text.contains("400.000 kr."), "\(gain.text)")
    #expect(brief.agenda.contains { $0.text.contains("400.000 kr.") })
}
