@preconcurrency import CReadline
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GNU readline through its callback interface, so that signals are handled between keys:
/// Ctrl-C cancels the line, SIGTERM/SIGHUP restore the terminal, the window size follows SIGWINCH.
public struct ReadlineSource: LineSource {
    public var editsOnTheLine: Bool { true }
    private let historyPath: String?

    /// `historyPath`: a private file for the history kept across runs (nil: no history file). The
    /// file keeps only the commands the chat carried out, never an answer: answers are in the
    /// session, where deleting the session deletes them. A path that is a symbolic link (or not a
    /// plain file) is not used: no history rather than writing through it.
    public init(historyPath: String?) {
        self.historyPath = historyPath.flatMap { path in
            let file = open(path, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard file >= 0 else { return nil }
            defer { Glibc.close(file) }
            var status = stat()
            guard fstat(file, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
            fchmod(file, 0o600)
            return path
        }
        ReadlineState.locale()
        rl_readline_name = UnsafePointer(strdup("mus-coach"))
        rl_catch_signals = 0
        rl_catch_sigwinch = 0
        // The whole line is one word: options such as "Ja, og jeg kender dem" complete in one go.
        rl_completer_word_break_characters = UnsafePointer(strdup(""))
        rl_attempted_completion_function = { text, _, _ in
            rl_attempted_completion_over = 1
            // No space after a completed word (readline resets this before every completion).
            rl_completion_append_character = 0
            return rl_completion_matches(text) { text, state in ReadlineState.nextMatch(text, state) }
        }
        using_history()
        stifle_history(1000)
        if let historyPath {
            Self.keepOnlyCommands(inHistoryAt: historyPath)
            read_history(historyPath)
        }
    }

    public mutating func setCompletions(_ words: [String]) {
        ReadlineState.completions = words
    }

    public mutating func read(prompt: String, prefill: String?) -> LineInput {
        ReadlineState.result = nil
        rl_callback_handler_install(prompt) { line in
            // Removed here, before readline would show the prompt again for a next line.
            rl_callback_handler_remove()
            guard let line else {
                ReadlineState.result = .end
                return
            }
            ReadlineState.result = String(validatingCString: line).map(LineInput.text) ?? .invalidUTF8
            free(line)
        }
        if let prefill, !prefill.isEmpty {
            // On the line for editing: Enter keeps it.
            rl_insert_text(prefill)
            rl_redisplay()
        }
        while ReadlineState.result == nil {
            // A signal that arrives just before poll does not interrupt it: the timeout bounds that wait.
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            let ready = Signals.isPending ? 0 : poll(&descriptor, 1, 250)
            if let signal = Signals.take() {
                switch signal {
                case SIGINT:
                    let wasEmpty = rl_end == 0
                    rl_free_line_state()
                    rl_callback_sigcleanup()
                    rl_callback_handler_remove()
                    fputs("^C\n", stdout)
                    fflush(stdout)
                    return .interrupted(wasEmpty: wasEmpty)
                case SIGWINCH:
                    rl_resize_terminal()
                default:
                    rl_callback_handler_remove()
                    fputs("\n", stdout)
                    fflush(stdout)
                    return .terminated
                }
                continue
            }
            if ready <= 0 { continue }
            rl_callback_read_char()
        }
        let result = ReadlineState.result!
        if case .text(let line) = result, !line.trimmingCharacters(in: .whitespaces).isEmpty {
            // In memory for this run, answers included (the arrow keys bring them back); on disk,
            // the commands the chat carried out (`keepInHistory`).
            add_history(line)
        }
        return result
    }

    public mutating func keepInHistory(_ command: String) {
        guard let historyPath else { return }
        let file = open(historyPath, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC)
        guard file >= 0 else { return }
        defer { Glibc.close(file) }
        let line = Array((command.trimmingCharacters(in: .whitespaces) + "\n").utf8)
        _ = line.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
    }

    /// A line a history file may keep: a command word, alone or with an id (no spaces: never words
    /// someone typed after a slash).
    private static func isCommand(_ line: String) -> Bool {
        guard let word = ChatCommandWord(line) else { return false }
        let parts = line.trimmingCharacters(in: .whitespaces).split(separator: " ")
        switch word {
        case .unknown: return false
        case .notes: return true
        case .goTo, .share: return parts.count <= 2
        default: return parts.count == 1
        }
    }

    /// Rewrites a history file from an earlier version, which kept every line typed, without the answers.
    private static func keepOnlyCommands(inHistoryAt path: String) {
        guard let data = FileManager.default.contents(atPath: path) else { return }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let commands = lines.filter { $0.isEmpty || isCommand(String($0)) }
        guard commands.count < lines.count else { return }
        let kept = Data(commands.joined(separator: "\n").utf8)
        let temporary = path + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: kept, attributes: [.posixPermissions: 0o600]),
              rename(temporary, path) == 0 else {
            // Not rewritten: rather no history than one with answers in it.
            unlink(temporary)
            unlink(path)
            return
        }
    }

    public mutating func close() {
        if let historyPath { history_truncate_file(historyPath, 1000) }
    }
}

/// Readline calls back through C function pointers without context: what they need lives here.
/// Everything runs on the one thread that calls readline.
enum ReadlineState {
    nonisolated(unsafe) static var result: LineInput?
    nonisolated(unsafe) static var completions: [String] = []
    nonisolated(unsafe) static var matchIndex = 0

    static func nextMatch(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
        if state == 0 { matchIndex = 0 }
        let typed = text.map { String(cString: $0) }?.lowercased() ?? ""
        while matchIndex < completions.count {
            let candidate = completions[matchIndex]
            matchIndex += 1
            if candidate.lowercased().hasPrefix(typed) { return strdup(candidate) }
        }
        return nil
    }

    /// Æ, ø and å must edit as single characters whatever LANG says. Readline reads LC_ALL,
    /// LC_CTYPE and LANG itself when it starts, so a non-UTF-8 setting is replaced in this
    /// process's own environment, not only with setlocale.
    static func locale() {
        setlocale(LC_CTYPE, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        if codeset.uppercased().replacingOccurrences(of: "-", with: "") != "UTF8" {
            unsetenv("LC_ALL")
            setenv("LC_CTYPE", "C.UTF-8", 1)
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
