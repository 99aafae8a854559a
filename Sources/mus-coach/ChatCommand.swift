import ArgumentParser
import CoachEngine
import CoachText
import Foundation

struct Chat: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Walk through the MUS preparation as a chat, one line per answer (the default command)."
    )

    @Option(help: "A script path, or a name in the dialogues folder.")
    var script: String = "mus"

    @Option(help: "The language: da (Danish) or en (English).")
    var lang: String = "da"

    @OptionGroup var options: DialogueOptions

    func validate() throws {
        guard Language(rawValue: lang) != nil else { throw ValidationError("--lang must be 'da' or 'en', not '\(lang)'") }
    }

    func run() throws {
        let loaded = try options.script(script, language: lang)
        var session = PlainChat(conversation: Conversation(program: ScriptProgram(loaded)))
        session.run()
    }
}

/// The chat on plain stdin/stdout: numbered choices, slash commands, nothing else.
struct PlainChat {
    var conversation: Conversation
    private var reader = LineReader()
    private let strings: ChatStrings

    init(conversation: Conversation) {
        self.conversation = conversation
        strings = ChatStrings(conversation.program.script.language)
    }

    mutating func run() {
        show(conversation.start(at: .now))
        while conversation.status == .active {
            Console.out(strings.prompt(for: conversation))
            switch reader.next() {
            case .end:
                Console.line()
                return
            case .invalidUTF8:
                Console.line(strings.invalidUTF8)
            case .text(let line):
                guard let command = ChatCommandWord(line) else {
                    show(conversation.answer(line, at: .now))
                    continue
                }
                switch command {
                case .back: show(conversation.goBack(at: .now))
                case .skip: show(conversation.skip(at: .now))
                case .help: Console.line(strings.help)
                case .quit: return
                case .unknown(let word): Console.line(strings.unknownCommand(word))
                }
            }
        }
    }

    private func show(_ outputs: [Output]) {
        for output in outputs { Console.out(strings.render(output, messages: conversation.messages)) }
    }
}

/// The slash commands, in Danish with English aliases.
enum ChatCommandWord: Equatable {
    case back, skip, help, quit
    case unknown(String)

    init?(_ line: String) {
        let word = line.trimmingCharacters(in: .whitespaces)
        guard word.hasPrefix("/") else { return nil }
        switch word.lowercased() {
        case "/tilbage", "/back": self = .back
        case "/spring", "/skip": self = .skip
        case "/hjælp", "/hjaelp", "/help": self = .help
        case "/afslut", "/quit": self = .quit
        default: self = .unknown(word)
        }
    }
}

extension Timestamp {
    static var now: Timestamp {
        Timestamp(millisecondsSince1970: Int64((Date().timeIntervalSince1970 * 1000).rounded()))
    }
}
