import CoachEngine
import CoachLibrary
import CoachStore
import CoachTerminal
import Foundation

/// `serve --plain`: one conversation over plain lines, for gateways such as websocketd that turn
/// each line into a message. No prompts, no blank lines, no wrapping: one line, one message.
struct PlainServer {
    let store: SessionStore
    let library: DialogueLibrary
    let program: ScriptProgram
    let sessionName: String?

    func run() throws {
        let renderer = ChatRenderer(language: program.script.language, style: TerminalStyle(colors: false, width: .max))
        // websocketd sends SIGINT when the client leaves: the conversation ends, everything saved.
        var source = PlainLineSource(write: Self.sendMessages, showsPrompts: false, interruptEnds: true)
        let opened = try SessionPicker(store: store, program: program, renderer: renderer)
            .open(named: sessionName, fresh: true, source: &source)
        let strings = SessionStrings(renderer)
        let chat = SavedChat(store: store, program: program, renderer: renderer, library: library)
        switch try chat.talk(opened, source: source, write: Self.sendMessages) {
        case .finished(let conclusion, _, let name, _):
            Self.sendMessages(conclusion)
            Self.sendMessages(strings.finished(name))
        case .stopped(let name, _, let saved):
            Self.sendMessages(saved ? strings.saved(name, script: program.script.id) : strings.nothingSaved)
        }
    }

    /// Each non-blank line of the chat's text as one message line.
    static func sendMessages(_ text: String) {
        for line in text.split(separator: "\n") {
            let message = line.trimmingCharacters(in: .whitespaces)
            if !message.isEmpty { Console.line(message) }
        }
    }
}
