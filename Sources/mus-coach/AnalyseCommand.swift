import ArgumentParser
import CoachText

struct Analyse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyse",
        abstract: ProgramLanguage.text(
            "Vis hvordan coachen læser et svar: de tegn på konkrethed, den finder, og om `vague` gælder.",
            "Show how the coach reads an answer: the cues of concreteness found, and whether `vague` holds."),
        aliases: ["analyze"]
    )

    @Argument(help: .text("Svaret (flere ord sættes sammen med mellemrum).", "The answer (several words are joined with spaces)."))
    var text: [String]

    @Option(help: .text(
        "da eller en: sproget for det, der skrives ud (begge sprogs tegn læses altid).",
        "da or en: the language of what is printed (the cues of both are always read)."))
    var lang: String = "da"

    func validate() throws {
        guard ["da", "en"].contains(lang) else { throw ValidationError(ProgramLanguage.text("--lang skal være da eller en, ikke »\(lang)«", "--lang must be da or en, not '\(lang)'")) }
        guard !text.isEmpty else { throw ValidationError(ProgramLanguage.text("skriv det svar, der skal analyseres", "give the answer to analyse")) }
    }

    func run() {
        let analysis = AnswerAnalysis(AnswerText.cleaned(text.joined(separator: " ")))
        let danish = lang == "da"
        for cue in AnswerAnalysis.Cue.allCases {
            let found = analysis.evidence.first { $0.cue == cue }.map { danish ? "»\($0.words)«" : "“\($0.words)”" }
            Console.line("\(name(cue, danish: danish)): \(found ?? (danish ? "ingen" : "none"))")
        }
        Console.line((danish ? "ord: " : "words: ") + String(analysis.quality.words))
        if analysis.quality.isVague {
            Console.line(danish ? "vurdering: vag — intet tal, der måler arbejdet, intet navn eller eksempel, ingen tidsramme: en probe med `if: vague` spørges"
                                : "verdict: vague — no number that measures the work, no name or example, no time frame: a probe with `if: vague` is asked")
        } else {
            Console.line(danish ? "vurdering: konkret — `vague` holder ikke" : "verdict: concrete — `vague` does not hold")
        }
    }

    private func name(_ cue: AnswerAnalysis.Cue, danish: Bool) -> String {
        switch cue {
        case .number: danish ? "tal, der måler arbejdet" : "number that measures the work"
        case .example: danish ? "navn eller eksempel" : "name or example"
        case .time: danish ? "tidsramme" : "time frame"
        case .benefit: danish ? "gevinst (has_benefit; gør ikke svaret konkret)" : "benefit (has_benefit; does not make the answer concrete)"
        }
    }
}
