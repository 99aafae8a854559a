import CoachSpelling
import CoachText

/// What the spelling check says about a text the person sends: the suspected slips with their
/// suggestions, said on stderr before it goes; nothing is changed. Without a dictionary, it says so.
enum SpellingNote {
    static func say(about text: String, language: Language) {
        guard let checker = SpellChecker(language: language) else {
            let package = language == .danish ? "hunspell-da" : "hunspell-en-gb"
            Console.errorMessage(ProgramLanguage.text(
                "Stavekontrol: ingen \(language == .danish ? "dansk" : "engelsk") ordbog (\(package)) er installeret, så teksten er ikke tjekket.",
                "Spelling: no \(language == .danish ? "Danish" : "English") dictionary (\(package)) is installed, so the text is not checked."))
            return
        }
        let suspects = checker.suspects(in: text)
        guard !suspects.isEmpty else { return }
        let listed = suspects.map { suspect in
            "»\(suspect.word)«" + (suspect.suggestions.isEmpty ? "" : " (" + suspect.suggestions.joined(separator: ", ") + "?)")
        }.joined(separator: ", ")
        Console.errorMessage(ProgramLanguage.text("Mulige stavefejl — ret dem i dine svar, hvis de er det: ", "Possible misspellings — mend them in your answers if they are: ") + listed)
    }
}
