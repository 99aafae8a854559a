import CoachEngine
import CoachText

/// How the plain chat shows the engine's outputs, in the script's language.
struct ChatStrings {
    let language: Language

    init(_ language: Language) {
        self.language = language
    }

    private func text(_ da: String, _ en: String) -> String { language == .danish ? da : en }

    func render(_ output: Output, messages: Messages) -> String {
        switch output {
        case .greeting(let greeting):
            return greeting + "\n"
        case .sectionStarted(let header):
            var block = "\n== \(text("Afsnit", "Part")) \(header.number)/\(header.count): \(header.title) ==\n"
            if let intro = header.intro { block += intro + "\n" }
            return block
        case .tip(let tip):
            return "  » \(tip.title.isEmpty ? "" : tip.title + ": ")\(tip.text)\n"
        case .question(let prompt):
            return question(prompt)
        case .rejected(let rejection):
            return "! " + messages.message(for: rejection) + "\n"
        case .ended:
            return "\n" + text("Du er igennem hele forberedelsen. Godt arbejde!", "You have been through the whole preparation. Well done!") + "\n"
        }
    }

    private func question(_ prompt: Prompt) -> String {
        if prompt.isListContinuation { return "" }
        var block = "\n" + prompt.text + "\n"
        switch prompt.kind {
        case .yesNo:
            block += text("  (ja/nej)\n", "  (yes/no)\n")
        case .choice(let options):
            for (number, option) in options.enumerated() { block += "  \(number + 1)) \(option.label)\n" }
        case .scale(let scale):
            let low = scale.minLabel.map { " = \($0)" } ?? ""
            let high = scale.maxLabel.map { " = \($0)" } ?? ""
            block += "  (\(scale.min)\(low) … \(scale.max)\(high))\n"
        case .text, .list:
            break
        }
        return block
    }

    func prompt(for conversation: Conversation) -> String {
        if case .listItems? = conversation.position, let count = conversation.records.last?.itemCount {
            return "  \(count + 1)> "
        }
        if case .question(let index, _)? = conversation.position, conversation.program.questions[index].question.kind.isList {
            return "  1> "
        }
        return "> "
    }

    var invalidUTF8: String {
        text("! Linjen var ikke gyldig UTF-8 — skriv den venligst igen.", "! That line was not valid UTF-8 — please type it again.")
    }

    var help: String {
        text("""
            Kommandoer: /tilbage (fortryd sidste svar), /spring (spring over), /afslut (stop), /hjælp.
            En liste afsluttes med en tom linje.
            """, """
            Commands: /back (undo the last answer), /skip, /quit, /help.
            End a list with an empty line.
            """)
    }

    func unknownCommand(_ word: String) -> String {
        text("! Ukendt kommando \(word) — skriv /hjælp.", "! Unknown command \(word) — type /help.")
    }
}
