@testable import CoachSpelling
import CoachText
import Testing

/// Debian's dictionaries flag what a person typed in a hurry, and suggest; names, numbers and
/// abbreviations are left alone. Needs hunspell-da and hunspell-en-gb, which `.ci/run` installs.
@Suite struct SpellCheckerTests {
    @Test func danishSlipsAreFlaggedWithSuggestions() throws {
        let checker = try #require(SpellChecker(language: .danish), "hunspell-da is not installed")
        let suspects = checker.suspects(in: "Kan du se mig som nøgleperson for de nye kolegaer? Jeg ringer til sygeplejesken hos Susanne i Viborg. AMU, 4 dage, 1.240 kr.")
        #expect(suspects.map(\.word) == ["kolegaer", "sygeplejesken"])
        #expect(suspects.first?.suggestions.contains("kollegaer") == true)
        #expect(suspects.last?.suggestions.contains("sygeplejersken") == true)
        #expect(checker.suspects(in: "Sårskift, smertepumpe og sårklinik er danske sammensætninger.").isEmpty, "compounds are known")
    }

    @Test func englishToo() throws {
        let checker = try #require(SpellChecker(language: .english), "hunspell-en-gb is not installed")
        #expect(checker.suspects(in: "I would recieve the arrears report from Lorraine.").map(\.word) == ["recieve"])
    }

    @Test func withoutADictionaryThereIsNoChecker() {
        #expect(SpellChecker(language: .danish, folders: ["/nowhere"]) == nil)
    }

    @Test func namesNumbersAndAbbreviationsAreNotChecked() {
        #expect(SpellChecker.candidates(in: "Jonas startede i november. Han gik med AMU-holdet 8 vagter, kl. 7.45")
                == ["Jonas", "startede", "november", "Han", "gik", "med", "vagter"])
    }

    @Test func theFirstWordOfALineOrABulletIsChecked() {
        #expect(SpellChecker.candidates(in: "Mål for samtalen\n• Kurssus i sårpleje\n1. Vejledning af Jonas") == ["Mål", "for", "samtalen", "Kurssus", "sårpleje", "Vejledning"])
    }
}
