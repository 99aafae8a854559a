import ArgumentParser
import CoachCycle
import CoachEngine
import CoachLibrary
import CoachStore
import CoachSummary
import CoachTerminal
import Foundation

/// A chat over one stored session, for the terminal and for `serve --plain`: the session is saved
/// after every answer, before the next question is shown, and what a finished session ends with —
/// a preparation's brief, a follow-up's MUS conclusion — is saved beside it.
struct SavedChat {
    let store: SessionStore
    let program: ScriptProgram
    let renderer: ChatRenderer
    let library: DialogueLibrary

    /// A follow-up of a talk, which ends with its conclusion rather than a brief.
    var isFollowUp: Bool { program.script.id == YearCycle.followUpScript }

    enum Outcome {
        /// `conclusion`: the brief, or a follow-up's conclusion, as text for the screen; `savedURL`: where its Markdown went.
        case finished(conclusion: String, savedURL: URL, session: String, conversation: Conversation)
        /// Stopped before the end (a command, end of input, a signal); everything is saved. `saved`:
        /// whether the session is in the store at all (not when it was left before its first answer).
        case stopped(session: String, conversation: Conversation, saved: Bool)
    }

    /// `replaying`: the earlier revision's answers (or suggestions), offered for editing; `notes`: the
    /// year's notes, offered where they fit (see `ChatSession`).
    func talk<Source: LineSource>(_ opened: SessionPicker.Opened, replaying: PreviousAnswers? = nil, notes: NoteOffer? = nil,
                                  source: Source, write: @escaping (String) -> Void) throws -> Outcome {
        let lock = try store.lock(opened.file.name)
        defer { withExtendedLifetime(lock) {} }
        var file = opened.file
        var chat = ChatSession(conversation: opened.conversation, transcript: file.transcript, replaying: replaying, notes: notes, source: source,
                               renderer: renderer,
                               write: write, persist: { transcript in
                                   file.transcript = transcript
                                   file.updated = .now
                                   do {
                                       try store.save(file)
                                   } catch let error as StoreError {
                                       // Said in the program's language when the chat stops on it.
                                       throw CLIError(ProgramLanguage.current == .danish ? error.danish : error.description)
                                   }
                               }, now: { .now })
        switch chat.run(opening: opened.opening) {
        case .finished:
            let (text, markdown) = try conclusion(of: file)
            let savedURL = store.briefURL(of: file.name)
            try PrivateFiles.replaceAtomically(savedURL, with: Data(markdown.utf8))
            return .finished(conclusion: text, savedURL: savedURL, session: file.name, conversation: chat.conversation)
        case .quit, .endOfInput, .terminated:
            return .stopped(session: file.name, conversation: chat.conversation, saved: store.exists(file.name))
        case .saveFailed(let reason):
            Console.error(ProgramLanguage.text("Fejl: ", "Error: ") + reason)
            throw ExitCode(1)
        }
    }

    /// A follow-up ends with the MUS conclusion (the person's own copy); a preparation with its brief.
    private func conclusion(of file: SessionFile) throws -> (text: String, markdown: String) {
        if isFollowUp {
            guard let created = LocalDate.local(file.created), let today = LocalDate.local(.now) else {
                throw CLIError(ProgramLanguage.text("kan ikke læse datoerne for opfølgningen", "cannot read the follow-up's dates"))
            }
            let strings = CycleStrings(program.script.language)
            let conclusion = MUSConclusion(FollowUp(file, program: program, created: created), strings: strings)
            return (conclusion.render(.text, copy: .own, today: today) + "\n" + strings.afterConclusion(session: file.name) + "\n",
                    conclusion.render(.markdown, copy: .own, today: today))
        }
        let brief = BriefBuilder.build(file.transcript, program: program, knowledge: try library.knowledgeForBriefs(program.script.language))
        return (brief.render(.text), brief.render(.markdown))
    }
}
