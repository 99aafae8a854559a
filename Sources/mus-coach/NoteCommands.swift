import ArgumentParser
import CoachCycle
import CoachEngine
import CoachStore
import CoachText
import Foundation

/// The tags a note can carry, and where in the next preparation it is offered.
enum NoteTag: String, CaseIterable, ExpressibleByArgument {
    case resultat, oenske, udfordring

    /// As spelled in Danish (`ønske`), in ASCII (`oenske`) or in English (`wish`).
    init?(argument: String) {
        let folded = argument.lowercased().replacingOccurrences(of: "ø", with: "oe").replacingOccurrences(of: "æ", with: "ae")
            .replacingOccurrences(of: "å", with: "aa")
        switch folded {
        case "resultat", "result": self = .resultat
        case "oenske", "wish": self = .oenske
        case "udfordring", "challenge": self = .udfordring
        default: return nil
        }
    }

    /// How a stored tag (its ASCII id) is shown: `ønske` in Danish, `wish` in English.
    static func shown(_ stored: String) -> String {
        switch stored {
        case "resultat": ProgramLanguage.text("resultat", "result")
        case "oenske": ProgramLanguage.text("ønske", "wish")
        case "udfordring": ProgramLanguage.text("udfordring", "challenge")
        default: stored
        }
    }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: ProgramLanguage.text(
            "Notér et resultat, et ønske eller en udfordring i løbet af året: noten tilbydes ved din næste forberedelse.",
            "Note a result, a wish or a challenge as the year goes: it is offered at your next preparation.")
    )

    @Argument(help: .text("Noten.", "The note."))
    var words: [String]

    @Option(name: .customLong("tag"), help: .text(
        "resultat, ønske eller udfordring (kan gentages; oenske og result, wish, challenge går også).",
        "resultat, ønske or udfordring (may be repeated; oenske and result, wish, challenge too)."))
    var tags: [NoteTag] = []

    func validate() throws {
        guard !words.joined().trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError(ProgramLanguage.text("noten er tom", "the note is empty")) }
    }

    func run() throws {
        let journal = NoteJournal(url: NoteJournal.defaultURL())
        let note = try journal.add(words.joined(separator: " "), tags: tags.map(\.rawValue), at: .now)
        Console.line(ProgramLanguage.text("noteret #", "noted #") + "\(note.id) (\(LocalTime.format(note.written, "%Y-%m-%d")))")
    }
}

struct NotesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notes",
        abstract: ProgramLanguage.text("Vis dine noter; ret eller slet en af dem.", "List your notes; edit or delete one.")
    )

    @Option(help: .text("Kun noter skrevet på eller efter denne dag (ÅÅÅÅ-MM-DD).", "Only notes written on or after this day (YYYY-MM-DD)."))
    var since: String?

    @Option(help: .text("Kun noter med dette mærke.", "Only notes with this tag."))
    var tag: NoteTag?

    @Option(help: .text("Erstat teksten i noten med dette id med TEXT.", "Replace the text of the note with this id by TEXT."))
    var edit: Int?

    @Option(help: .text("Slet noten med dette id.", "Delete the note with this id."))
    var delete: Int?

    @Argument(help: .text("Med --edit: den nye tekst.", "With --edit: the new text."))
    var text: [String] = []

    func validate() throws {
        if let since, LocalDate(iso: since) == nil { throw ValidationError(ProgramLanguage.text("--since skal være en dag som ÅÅÅÅ-MM-DD, ikke »\(since)«", "--since must be a day as YYYY-MM-DD, not '\(since)'")) }
        if edit != nil && text.isEmpty { throw ValidationError(ProgramLanguage.text("--edit skal have den nye tekst", "--edit needs the new text")) }
        if edit == nil && !text.isEmpty { throw ValidationError(ProgramLanguage.text("tekst bruges kun sammen med --edit", "text is only taken with --edit")) }
        if edit != nil && delete != nil { throw ValidationError(ProgramLanguage.text("--edit og --delete kan ikke bruges sammen", "--edit and --delete cannot be combined")) }
    }

    func run() throws {
        let journal = NoteJournal(url: NoteJournal.defaultURL())
        if let edit {
            try journal.edit(edit, text: text.joined(separator: " "), at: .now)
            Console.line(ProgramLanguage.text("rettet #", "edited #") + "\(edit)")
            return
        }
        if let delete {
            try journal.delete(delete)
            Console.line(ProgramLanguage.text("slettet #", "deleted #") + "\(delete)")
            return
        }
        let first = since.flatMap(LocalDate.init(iso:))
        let read = try journal.read()
        if read.leftOutUnfinishedLine { Console.errorMessage(NoteWarning.unfinishedLineLeftOut) }
        for note in read.notes {
            guard let day = LocalDate.local(note.written) else { continue }
            if let first, day < first { continue }
            if let tag, !note.tags.contains(tag.rawValue) { continue }
            let tags = note.tags.isEmpty ? "" : " [" + note.tags.map(NoteTag.shown).joined(separator: ", ") + "]"
            Console.line("#\(note.id)\t\(day)\t\(note.text)\(tags)")
        }
    }
}

/// What is said about notes that are read in part.
enum NoteWarning {
    static var unfinishedLineLeftOut: String {
        ProgramLanguage.text(
            "Bemærk: den sidste linje i dine noter blev ikke skrevet færdig (programmet stoppede midt i den) og er sprunget over; den fjernes ved næste note.",
            "Note: the last line of your notes was not written in full (the program stopped in the middle of it) and is left out; it is removed with the next note.")
    }

    static func notesLeftOut(_ error: StoreError) -> String {
        ProgramLanguage.text("Bemærk: dine noter kan ikke vises her: ", "Note: your notes cannot be shown here: ") + error.spoken
    }
}
