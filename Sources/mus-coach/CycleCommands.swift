import ArgumentParser
import CoachCycle
import CoachEngine
import CoachStore
import CoachText
import Foundation

struct Followup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: ProgramLanguage.text(
            "Lige efter MUS'en: notér, hvad I aftalte (hvad, hvem, hvornår), din leders feedback og næste opfølgning.",
            "Right after the MUS: note what was agreed (what, who, by when), your manager's feedback and the next check-in.")
    )

    @Option(help: .text("Sproget: da (dansk) eller en (engelsk).", "The language: da (Danish) or en (English)."))
    var lang: String = "da"

    @Option(help: .text("Åbn eller opret sessionen med dette navn.", "Open or create the session with this name."))
    var session: String?

    @OptionGroup var options: DialogueOptions

    func run() throws {
        var arguments = ["--script", "opfoelgning", "--lang", lang]
        arguments += session.map { ["--session", $0] } ?? ["--new"]
        if let dialogues = options.dialogues { arguments += ["--dialogues", dialogues] }
        try Chat.parse(arguments).run()
    }
}

/// What the cycle commands share: the language they speak and the sessions they read.
struct CycleOptions: ParsableArguments {
    @Option(help: .text("Sproget: da (dansk) eller en (engelsk).", "The language: da (Danish) or en (English)."))
    var lang: String = "da"

    @OptionGroup var options: DialogueOptions

    func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError(ProgramLanguage.text("--lang skal være »da« eller »en«, ikke »\(lang)«", "--lang must be 'da' or 'en', not '\(lang)'")) }
    }

    var strings: CycleStrings { CycleStrings(Language(rawValue: lang) ?? .danish) }

    /// Today in the local time zone, which deadlines and the talk's date are measured against.
    func today() throws -> LocalDate {
        guard let today = LocalDate.local(.now) else { throw CLIError(ProgramLanguage.text("kan ikke læse dagens dato", "cannot read today's date")) }
        return today
    }

    /// The sessions, with any journal a stopped server left applied first.
    func cycle() throws -> YearCycle {
        let store = try SessionStore(folder: SessionStore.defaultFolder())
        let library = try options.library()
        ServeJournal.applyIfIdle(store: store, library: library)
        return YearCycle(store: store, library: library)
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: ProgramLanguage.text(
            "Dage siden din sidste MUS, de aftaler, der stadig er åbne, og deres frister, og dine noter siden da.",
            "Days since your last MUS, the agreements still open and their deadlines, your notes since then.")
    )

    @OptionGroup var cycleOptions: CycleOptions

    func run() throws {
        let strings = cycleOptions.strings
        var cycle = try cycleOptions.cycle()
        let today = try cycleOptions.today()
        let notes = try NoteJournal(url: NoteJournal.defaultURL()).notes()
        guard let followUp = cycle.latestFollowUp() else {
            Console.message(strings.noFollowUp)
            Console.message(strings.notesSince(notes.count, byTag: Self.count(notes)))
            return
        }
        Console.message(strings.sinceLastMUS(followUp.held, days: followUp.held.days(until: today)))
        let open = cycle.openAgreements(of: followUp)
        Console.line(strings.openAgreements(open.count))
        for (index, agreement) in open.enumerated() { Console.message(strings.agreementLine(index + 1, agreement, today: today)) }
        if let next = followUp.nextCheckIn { Console.line(strings.nextCheckIn(next)) }
        let since = notes.filter { note in LocalDate.local(note.written).map { $0 >= followUp.held } ?? false }
        Console.message(strings.notesSince(since.count, byTag: Self.count(since)))
    }

    static func count(_ notes: [Note]) -> [(tag: String, count: Int)] {
        NoteTag.allCases.map(\.rawValue).compactMap { tag in
            let count = notes.count { $0.tags.contains(tag) }
            return count > 0 ? (NoteTag.shown(tag), count) : nil
        }
    }
}

struct Agreements: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agreements",
        abstract: ProgramLanguage.text(
            "De åbne aftaler fra din sidste MUS; --ics skriver deres frister som en kalenderfil.",
            "The open agreements from your last MUS; --ics writes their deadlines as a calendar file.")
    )

    @Option(help: .text(
        "Skriv fristerne (og næste opfølgning) som en iCalendar-fil (RFC 5545), som kun du kan læse.",
        "Write the deadlines (and the next check-in) as an iCalendar file (RFC 5545), readable only by you."))
    var ics: String?

    @OptionGroup var cycleOptions: CycleOptions

    func run() throws {
        let strings = cycleOptions.strings
        var cycle = try cycleOptions.cycle()
        let today = try cycleOptions.today()
        // Nothing to list yet is no failure: the same word as `status`.
        guard let followUp = cycle.latestFollowUp() else { return Console.message(strings.noFollowUp) }
        var open = followUp
        open.agreements = cycle.openAgreements(of: followUp)
        if let ics {
            let calendar = AgreementCalendar(followUp: open, strings: strings)
            try PrivateFiles.replaceAtomically(URL(fileURLWithPath: ics), with: Data(calendar.render(stamp: .now).utf8))
            Console.line(strings.calendarWritten(calendar.eventCount, path: ics))
            let undated = open.agreements.filter { $0.due == nil && !($0.dueText ?? "").isEmpty }
            for agreement in undated { Console.line(strings.undatedAgreement(agreement)) }
            if !undated.isEmpty { Console.message(strings.undatedLeftOut(undated.count, fix: followUp.replayCommand(from: followUp.agreementsQuestion))) }
            return
        }
        Console.line(strings.openAgreements(open.agreements.count))
        for (index, agreement) in open.agreements.enumerated() { Console.message(strings.agreementLine(index + 1, agreement, today: today)) }
    }
}

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: ProgramLanguage.text(
            "Årene på én skærm: hver samtales dato, dine ønsker, aftalerne og om de blev til noget.",
            "The years at a glance: each talk's date, your wishes, the agreements and whether they happened.")
    )

    @OptionGroup var cycleOptions: CycleOptions

    func run() throws {
        var cycle = try cycleOptions.cycle()
        let today = try cycleOptions.today()
        Console.out(cycle.history().render(cycleOptions.strings, today: today))
    }
}
