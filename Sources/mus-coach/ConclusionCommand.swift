import ArgumentParser
import CoachCycle
import CoachStore
import Foundation

struct ConclusionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conclusion",
        abstract: ProgramLanguage.text(
            "MUS-konklusionen efter samtalen: konklusionsskema og udviklingsplan — aftalerne med hvem og hvornår, udviklingsmålene, lederens feedback, næste opfølgning.",
            "The MUS conclusion after the talk: the agreements with who and by when, the development goals, your manager's feedback, the next check-in.")
    )

    @Argument(help: .text("Opfølgningen (standard: den seneste afsluttede).", "The follow-up session (default: the latest finished one)."))
    var session: String?

    @Option(help: .text("markdown, html (til print på én side) eller text.", "markdown, html (prints on one page) or text."))
    var format: MUSConclusion.Format = .markdown

    @Flag(help: .text(
        "Udgaven til din leder: kun det, du deler, uden noter om det, der mangler.",
        "The copy for your manager: only what you share, without the notes on what is missing."))
    var shared = false

    @Option(name: .shortAndLong, help: .text(
        "Skriv til denne fil (som kun du kan læse) i stedet for til skærmen.",
        "Write to this file (readable only by you) instead of standard output."))
    var output: String?

    @OptionGroup var names: ProfileNames

    @OptionGroup var cycleOptions: CycleOptions

    func run() throws {
        let strings = cycleOptions.strings
        var cycle = try cycleOptions.cycle()
        let today = try cycleOptions.today()
        let followUp: FollowUp
        if let session {
            guard let named = cycle.followUp(named: session) else {
                throw CLIError(ProgramLanguage.text("»\(session)« er ikke en opfølgning; se dine sessioner med: mus-coach sessions",
                                                    "'\(session)' is not a follow-up; see your sessions with: mus-coach sessions"))
            }
            followUp = named
        } else {
            guard let latest = cycle.latestFollowUp() else { return Console.message(strings.noFollowUp) }
            followUp = latest
        }
        let conclusion = MUSConclusion(followUp, strings: CycleStrings(followUp.language))
        let participants = names.participants(ask: true)
        let text = conclusion.render(format, copy: shared ? .shared : .own, today: today, participants: participants)
        // The manager's copy is checked for slips before it goes (nothing is changed).
        if shared { SpellingNote.say(about: conclusion.render(.text, copy: .shared, today: today, participants: participants), language: followUp.language) }
        guard let output else { return Console.out(text) }
        try PrivateFiles.replaceAtomically(URL(fileURLWithPath: output), with: Data(text.utf8))
        Console.error(shared && conclusion.privateCount > 0
            ? ProgramLanguage.text("skrev konklusionen til \(output) — uden \(conclusion.privateCount == 1 ? "ét privat punkt" : "\(conclusion.privateCount) private punkter")",
                                   "wrote the conclusion to \(output) — without \(conclusion.privateCount == 1 ? "one private point" : "\(conclusion.privateCount) private points")")
            : ProgramLanguage.text("skrev konklusionen til \(output)", "wrote the conclusion to \(output)"))
    }
}

extension MUSConclusion.Format: ExpressibleByArgument {}
