import ArgumentParser
import CoachSummary
import CoachStore
import Foundation

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: ProgramLanguage.text(
            "Det, du sender din leder før samtalen: punkterne, hvert ønske med dets argumenter og dine spørgsmål — kun de svar, du deler.",
            "What to send your manager before the talk: the points, each wish with its case, the questions — your shared answers only.")
    )

    @Argument(help: .text(
        "Navnet på en session eller stien til en sessionsfil eller en udskrift (standard: din seneste forberedelse).",
        "A session name, or the path of a session file or transcript (default: your latest preparation)."))
    var session: String?

    @Option(help: .text("markdown, html, text eller eml (et mailudkast).", "markdown, html, text or eml (a mail draft)."))
    var format: ManagerAgenda.Format = .markdown

    @Option(name: .shortAndLong, help: .text(
        "Skriv til denne fil (som kun du kan læse) i stedet for til skærmen.",
        "Write to this file (readable only by you) instead of standard output."))
    var output: String?

    @Option(help: .text(
        "Til eml: modtageren (standard: ingen; dit mailprogram spørger).",
        "For eml: the recipient (default: none; your mail client asks)."))
    var to: String?

    @Option(help: .text("Dagsordenen fra denne gennemgang (standard: den seneste).", "The agenda of this revision (default: the latest)."))
    var revision: Int?

    @Flag(help: .text("Spørg ikke i terminalen, før den skrives.", "Do not ask on a terminal before writing it."))
    var yes = false

    @OptionGroup var names: ProfileNames

    @OptionGroup var options: DialogueOptions

    func validate() throws {
        if let to {
            guard format == .eml else { throw ValidationError(ProgramLanguage.text("--to bruges kun med --format eml", "--to is only taken with --format eml")) }
            guard MailAddress.isPlain(to) else { throw ValidationError(ProgramLanguage.text("--to skal være én mailadresse som leder@example.dk, ikke »\(to)«", "--to must be one mail address such as boss@example.com, not '\(to)'")) }
        }
    }

    func run() throws {
        let saved = try SavedBriefInput(session: session, revision: revision, options: options)
        let agenda = ManagerAgenda(saved.transcript, program: saved.program, knowledge: saved.knowledge)
        // Before it goes: the words the dictionary does not know (nothing is changed).
        SpellingNote.say(about: agenda.render(.text), language: saved.program.script.language)
        // On a terminal the person sees what stays out before anything is written.
        if !yes && isatty(0) == 1 && isatty(2) == 1 {
            guard confirm(agenda.leftOut, session: saved.session) else {
                Console.error(ProgramLanguage.text("intet skrevet", "nothing written"))
                return
            }
        }
        let text = agenda.render(format, participants: names.participants(ask: !yes), date: Date(), recipient: to)
        if let output {
            try PrivateFiles.replaceAtomically(URL(fileURLWithPath: output), with: Data(text.utf8))
            Console.error(ProgramLanguage.text("skrev dagsordenen til \(output)", "wrote the agenda to \(output)"))
        } else {
            Console.out(text)
        }
    }

    /// Lists the private answers on stderr (stdout may be the agenda itself) and asks.
    private func confirm(_ leftOut: [ManagerAgenda.LeftOut], session: String) -> Bool {
        if leftOut.isEmpty {
            Console.error(ProgramLanguage.text("Alle dine svar er delt: intet er privat.", "All your answers are shared: nothing is private."))
        } else {
            Console.error(ProgramLanguage.text("Disse svar er private og kommer ikke med:", "These answers are private and stay out:"))
            for answer in leftOut { Console.error("  🔒 \(answer.question) [\(answer.id)]") }
            Console.errorMessage(ProgramLanguage.text("Vil du dele et af dem, så skriv /del ID, når du går svarene igennem igen:\n  mus-coach replay \(session)",
                                                      "To share one, type /share ID when you go through your answers again:\n  mus-coach replay \(session)"))
        }
        FileHandle.standardError.write(Data(ProgramLanguage.text("Skriv dagsordenen til din leder? [J/n] ", "Write the agenda for your manager? [Y/n] ").utf8))
        let reply = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? "n"
        return ["", "y", "yes", "j", "ja"].contains(reply)
    }
}

extension ManagerAgenda.Format: ExpressibleByArgument {}
