import CoachEngine
import CoachScript
import CoachText

/// How the chat shows the engine's outputs, in the script's language.
public struct ChatRenderer: Sendable {
    public let language: Language
    public let style: TerminalStyle
    /// What a shared answer goes into: the agenda of a preparation, the manager's copy of a follow-up's conclusion.
    public let sharedCopy: SharedCopy

    public enum SharedCopy: Sendable {
        case agenda, conclusion
    }

    public init(language: Language, style: TerminalStyle, sharedCopy: SharedCopy = .agenda) {
        self.language = language
        self.style = style
        self.sharedCopy = sharedCopy
    }

    func text(_ da: String, _ en: String) -> String { language == .danish ? da : en }

    /// `afterHeader`: the output follows a section header, as when a saved session is opened again:
    /// a question asked once more then shows where it stands.
    public func render(_ output: Output, messages: Messages, afterHeader: Bool = false) -> String {
        switch output {
        case .greeting(let greeting):
            return style.wrap(greeting) + "\n"
        case .sectionStarted(let header):
            var block = "\n" + style.bold("== \(messages.sectionNumber(header.number, of: header.count)): \(header.title) ==") + "\n"
            if let intro = header.intro { block += style.wrap(intro) + "\n" }
            return block
        case .tip(let tip):
            let title = tip.title.isEmpty ? "" : tip.title + ": "
            return style.dim(style.wrap("» " + title + tip.text, indent: "  ")) + "\n"
        case .question(let prompt):
            return question(prompt, showsProgress: (!prompt.isRepeat || afterHeader) && prompt.step.probe == nil)
        case .rejected(let rejection):
            return style.warning("! " + messages.message(for: rejection)) + "\n"
        case .ended:
            return "\n" + style.bold(messages.finished) + "\n"
        }
    }

    private func question(_ prompt: Prompt, showsProgress: Bool) -> String {
        if prompt.isListContinuation { return "" }
        var block = "\n"
        if showsProgress { block += style.dim(progressLine(prompt.progress)) + "\n" }
        block += style.accent(style.wrap(prompt.text)) + "\n"
        switch prompt.kind {
        case .yesNo:
            block += style.dim(text("  (ja/nej)", "  (yes/no)")) + "\n"
        case .choice(let options):
            for (number, option) in options.enumerated() { block += "  \(number + 1)) \(option.label)\n" }
        case .scale(let scale):
            let low = scale.minLabel.map { " = \($0)" } ?? ""
            let high = scale.maxLabel.map { " = \($0)" } ?? ""
            block += style.dim("  (\(scale.min)\(low) … \(scale.max)\(high))") + "\n"
        case .list:
            block += style.dim(text("  (ét punkt pr. linje, tom linje når du er færdig)", "  (one item per line, an empty line when you are done)")) + "\n"
        case .text:
            break
        }
        return block
    }

    /// "Afsnit 3/11 · spørgsmål 2/9 [■■■□□□□□□□]"
    func progressLine(_ progress: Progress) -> String {
        let filled = Int((progress.fraction * 10).rounded(.down))
        let bar = String(repeating: "■", count: filled) + String(repeating: "□", count: 10 - filled)
        return text("Afsnit \(progress.section)/\(progress.sections) · spørgsmål \(progress.question)/\(progress.questions) [\(bar)]",
                    "Part \(progress.section)/\(progress.sections) · question \(progress.question)/\(progress.questions) [\(bar)]")
    }

    func prompt(for conversation: Conversation) -> String {
        if case .listItems? = conversation.position, let count = conversation.records.last?.itemCount {
            return "  \(count + 1)> "
        }
        if case .question(let index, _)? = conversation.position, conversation.program.questions[index].kind.isList {
            return "  1> "
        }
        return "> "
    }

    /// The prompt with the answer that stands unless another is typed: `[Ja] > `.
    func prompt(for conversation: Conversation, standing: String) -> String {
        "[\(standing)] " + prompt(for: conversation)
    }

    /// An answer as the person reads it back: an option's label, or the text with its probe answers on one line.
    func shown(_ record: AnswerRecord, in program: ScriptProgram) -> String {
        if record.isSkipped { return text("(sprunget over)", "(skipped)") }
        guard let label = record.optionLabel(in: program) else { return record.fullText.replacingOccurrences(of: "\n", with: " / ") }
        return ([label] + [record.comment(in: program)].compactMap { $0 } + record.probeAnswers.map(\.text)).joined(separator: " — ")
    }

    /// Beside the prompt of a question skipped before.
    var skippedBefore: String { text("sprunget over", "skipped") }

    func undid(_ answer: String) -> String {
        style.dim(text("↩ Fortrudt: »\(answer)«", "↩ Taken back: \"\(answer)\""))
    }

    var continuationPrompt: String { "… " }

    var invalidUTF8: String {
        style.warning(text("! Linjen var ikke gyldig UTF-8 — skriv den venligst igen.", "! That line was not valid UTF-8 — please type it again."))
    }

    /// One paragraph, wrapped to the terminal where it is shown.
    var help: String {
        text("Kommandoer: /tilbage (fortryd sidste svar), /spring (spring over), /gå-til ID (til et afsnit eller spørgsmål), "
             + "/noter (tag dine noter fra året med i svaret), /privat [ID] og /del [ID] (hold det sidste svar for dig selv, "
             + "eller tag det med i det, du sender din leder), /status, /opsummering (dine svar og deres id), /afslut (stop; "
             + "alt er gemt), /hjælp. En liste afsluttes med en tom linje. En linje der ender med \\ fortsætter på næste linje. "
             + "Tab fuldfører kommandoer og svarmuligheder.",
             "Commands: /back (undo the last answer), /skip, /goto ID (to a part or question), /notes (take your notes from "
             + "the year into the answer), /private [ID] and /share [ID] (keep the last answer to yourself, or put it into what "
             + "you send your manager), /status, /summary (your answers and their ids), /quit (stop; all is saved), /help. End a "
             + "list with an empty line. A line ending in \\ continues on the next line. Tab completes commands and options.")
    }

    func unknownCommand(_ word: String) -> String {
        style.warning(text("! Ukendt kommando \(word) — skriv /hjælp.", "! Unknown command \(word) — type /help."))
    }

    func unknownTarget(_ target: String) -> String {
        style.warning(text("! Der er intet afsnit eller spørgsmål med id'et \(target).", "! No part or question has the id \(target)."))
    }

    func notBehind(_ target: String) -> String {
        style.warning(text("! \(target) er ikke besvaret endnu; /gå-til går tilbage til noget du har svaret på.",
                           "! \(target) is not answered yet; /goto goes back to something you have answered."))
    }

    /// Going ahead stopped short of `target` at `step`, a question with no earlier answer.
    public func noEarlierAnswer(at step: String, target: String) -> String {
        style.warning(text("! \(step) har intet tidligere svar (det er nyt, eller det blev ikke stillet sidst), så vi stopper her før \(target). Svar på det, og skriv /gå-til \(target) igen.",
                           "! \(step) has no earlier answer (it is new, or it was not asked last time), so we stop here before \(target). Answer it, then type /goto \(target) again."))
    }

    /// Notes from the year shown with the question they fit.
    func notesOffer(_ notes: [String]) -> String {
        var block = style.dim(text("  Dine noter fra året:", "  Your notes from the year:")) + "\n"
        for (number, note) in notes.enumerated() { block += style.wrap("  \(number + 1). \(note)", indent: "     ") + "\n" }
        block += style.dim(text("  /noter tager dem med i svaret (/noter 1 3: kun de nævnte).",
                                "  /notes takes them into your answer (/notes 1 3: only those).")) + "\n"
        return block
    }

    var nothingToShare: String {
        style.warning(text("! Der er intet svar endnu; skriv /privat ID eller /del ID om et bestemt svar.",
                           "! There is no answer yet; type /private ID or /share ID for a given answer."))
    }

    func notAnAnswer(_ id: String) -> String {
        style.warning(text("! \(id) er ikke et af dine svar; /opsummering viser dem med deres id.",
                           "! \(id) is not one of your answers; /summary shows them with their ids."))
    }

    func sharingChanged(_ id: String, to sharing: Sharing) -> String {
        switch sharing {
        case .private where sharedCopy == .conclusion:
            style.dim(style.wrap(text("🔒 \(id) er privat: det står kun i din egen kopi af konklusionen, ikke i den, din leder får (mus-coach conclusion --shared).",
                                      "🔒 \(id) is private: it is only in your own copy of the conclusion, not in your manager's (mus-coach conclusion --shared).")))
        case .shared where sharedCopy == .conclusion:
            style.dim(style.wrap(text("✉ \(id) deles: det kommer med i den kopi af konklusionen, din leder får (mus-coach conclusion --shared).",
                                      "✉ \(id) is shared: it goes into your manager's copy of the conclusion (mus-coach conclusion --shared).")))
        case .private: style.dim(style.wrap(text("🔒 \(id) er privat: det bliver i din egen forberedelse og kommer ikke med i det, du sender din leder.",
                                     "🔒 \(id) is private: it stays in your own preparation, out of what you send your manager.")))
        case .shared: style.dim(style.wrap(text("✉ \(id) deles: det kommer med i det, du sender din leder (mus-coach agenda).",
                                    "✉ \(id) is shared: it goes into what you send your manager (mus-coach agenda).")))
        }
    }

    var privateAnswerNote: String {
        switch sharedCopy {
        case .agenda:
            style.dim(style.wrap(text("🔒 Svaret er privat og bliver hos dig; /del tager det med i det, du sender din leder.",
                                      "🔒 This answer is private and stays with you; /share puts it into what you send your manager.")))
        case .conclusion:
            style.dim(style.wrap(text("🔒 Svaret er privat og står kun i din egen kopi af konklusionen; /del tager det med i din leders.",
                                      "🔒 This answer is private and only in your own copy of the conclusion; /share puts it into your manager's.")))
        }
    }

    var noNotesHere: String {
        style.warning(text("! Der er ingen noter til dette spørgsmål.", "! There are no notes for this question."))
    }

    var askStop: String { text("Vil du stoppe? Dine svar er gemt. (j/N) ", "Stop now? Your answers are saved. (y/N) ") }
}
