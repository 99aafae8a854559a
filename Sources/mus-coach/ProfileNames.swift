import ArgumentParser
import CoachStore
import CoachText
import Foundation

/// The names the documents carry: given with `--name` and `--manager` (and kept), or kept from
/// before, or asked once on a terminal; Enter leaves a name out.
struct ProfileNames: ParsableArguments {
    @Option(help: .text("Dit navn, som dokumenterne bærer (gemmes til næste gang).", "Your name, as the documents carry it (kept for next time)."))
    var name: String?

    @Option(help: .text("Din leders navn (gemmes til næste gang).", "Your manager's name (kept for next time)."))
    var manager: String?

    /// `ask`: on a terminal, ask for a name not kept yet.
    func participants(ask: Bool) -> Participants {
        let profile = Profile(url: Profile.defaultURL())
        let kept = profile.load()
        var names = Participants(person: name ?? kept.person, manager: manager ?? kept.manager)
        if ask && isatty(0) == 1 && isatty(2) == 1 {
            if names.person == nil { names.person = Self.ask(ProgramLanguage.text("Dit navn (til dokumenterne; Enter springer over): ", "Your name (for the documents; Enter skips): ")) }
            if names.manager == nil { names.manager = Self.ask(ProgramLanguage.text("Din leders navn (Enter springer over): ", "Your manager's name (Enter skips): ")) }
        }
        if names != kept {
            do {
                try profile.save(names)
            } catch {
                Console.error(ProgramLanguage.text("Bemærk: navnene kan ikke gemmes: ", "Note: the names cannot be kept: ") + error.spoken)
            }
        }
        return names
    }

    private static func ask(_ prompt: String) -> String? {
        FileHandle.standardError.write(Data(prompt.utf8))
        let answer = readLine()?.trimmingCharacters(in: .whitespaces) ?? ""
        return answer.isEmpty ? nil : AnswerText.cleaned(answer)
    }
}
