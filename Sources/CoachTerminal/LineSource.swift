/// What reading a line gave.
public enum LineInput: Equatable, Sendable {
    case text(String)
    /// Ctrl-C: the line being typed was cancelled; `wasEmpty` when nothing had been typed.
    case interrupted(wasEmpty: Bool)
    /// Ctrl-D on an empty line, or the end of piped input.
    case end
    /// SIGTERM or SIGHUP: stop now.
    case terminated
    case invalidUTF8
}

/// Where the chat's lines come from: readline on a terminal, plain lines from a pipe.
public protocol LineSource {
    /// Reads one line after showing `prompt`; `prefill` is an earlier answer offered for editing.
    mutating func read(prompt: String, prefill: String?) -> LineInput
    /// Whether `prefill` is put on the line itself, where typing adds to it rather than replacing it.
    var editsOnTheLine: Bool { get }
    /// The words Tab completes for the next line.
    mutating func setCompletions(_ words: [String])
    /// A command the chat carried out, for the history kept across runs: only these are kept
    /// there, never an answer or a line that only looked like a command.
    mutating func keepInHistory(_ command: String)
    /// Called once at the end, to leave the terminal as it was.
    mutating func close()
}

extension LineSource {
    public mutating func read(prompt: String) -> LineInput {
        read(prompt: prompt, prefill: nil)
    }
}

/// Plain lines from a pipe or file: no editing, no escape codes. An earlier answer on offer is
/// shown as `[was: …]` (or another label) and kept by an empty line.
public struct PlainLineSource: LineSource {
    /// Shown apart as `[was: …]`: a typed line replaces it.
    public var editsOnTheLine: Bool { false }
    private var reader = LineReader()
    private let write: (String) -> Void
    private let showsPrompts: Bool
    private let interruptEnds: Bool
    private let prefillLabel: String

    /// `showsPrompts: false` for a gateway, where every output line is a message;
    /// `interruptEnds`: SIGINT ends the conversation instead of cancelling the line;
    /// `prefillLabel`: how an answer on offer is introduced (`was:` in a replay).
    public init(write: @escaping (String) -> Void, showsPrompts: Bool = true, interruptEnds: Bool = false, prefillLabel: String = "was:") {
        self.write = write
        self.showsPrompts = showsPrompts
        self.interruptEnds = interruptEnds
        self.prefillLabel = prefillLabel
    }

    public mutating func read(prompt: String, prefill: String?) -> LineInput {
        if let prefill { write("[\(prefillLabel) \(prefill)]\n") }
        if showsPrompts { write(prompt) }
        while true {
            if let signal = Signals.take(), signal != SIGWINCH {
                return signal == SIGINT && !interruptEnds ? .interrupted(wasEmpty: true) : .terminated
            }
            switch reader.next() {
            case .text(let line) where line.isEmpty && prefill != nil: return .text(prefill!)
            case .text(let line): return .text(line)
            case .invalidUTF8: return .invalidUTF8
            case .end: return .end
            case .signal: continue
            }
        }
    }

    public mutating func setCompletions(_ words: [String]) {}

    public mutating func keepInHistory(_ command: String) {}

    public mutating func close() {}
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
