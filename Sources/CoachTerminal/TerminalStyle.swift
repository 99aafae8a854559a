#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How output looks: colours only on a terminal and never with `NO_COLOR`, text wrapped to the width.
public struct TerminalStyle: Sendable {
    public var colors: Bool
    /// Nil on a terminal: its width is read at each use, so that text wraps right after a resize.
    private let fixedWidth: Int?

    /// The columns text is wrapped to: the terminal's (20 to 100), or the width given.
    public var width: Int { fixedWidth ?? Self.terminalColumns() }

    public init(colors: Bool, width: Int) {
        self.init(colors: colors, fixedWidth: width)
    }

    private init(colors: Bool, fixedWidth: Int?) {
        self.colors = colors
        self.fixedWidth = fixedWidth
    }

    public static func detect(environment: [String: String]) -> TerminalStyle {
        let isTerminal = isatty(1) == 1
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let colors = isTerminal && !noColor && environment["TERM"] != "dumb"
        return TerminalStyle(colors: colors, fixedWidth: isTerminal ? nil : 80)
    }

    private static func terminalColumns() -> Int {
        var size = winsize()
        let columns = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        return max(20, min(columns, 100))
    }

    private static func isCommand(_ line: Substring) -> Bool { line.drop { $0 == " " }.hasPrefix("mus-coach ") }

    func bold(_ text: String) -> String { colors ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { colors ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    func accent(_ text: String) -> String { colors ? "\u{1B}[36m\(text)\u{1B}[0m" : text }
    func warning(_ text: String) -> String { colors ? "\u{1B}[33m\(text)\u{1B}[0m" : text }

    /// Word-wraps each line to the width; a line's continuations are indented two columns past its
    /// own indentation, so bullets and labels stay readable.
    public func wrapHanging(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if Self.isCommand(line) { return String(line) }
            let lead = String(line.prefix { $0 == " " })
            let wrapped = wrap(String(line.dropFirst(lead.count)), indent: lead + "  ")
            return lead + wrapped.dropFirst(lead.count + 2)
        }.joined(separator: "\n")
    }

    /// Word-wraps each line to the width, keeping its indentation on the lines it wraps onto. Lines
    /// break between words only; a command on its own line (`  mus-coach …`) is left whole, to be copied.
    public func wrap(_ text: String, indent: String = "") -> String {
        let width = self.width
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            if Self.isCommand(line) { return String(line) }
            var lines: [String] = []
            var current = indent
            for word in line.split(separator: " ") {
                if current.count > indent.count && current.count + 1 + word.count > width {
                    lines.append(current)
                    current = indent
                }
                current += (current.count > indent.count ? " " : "") + word
            }
            lines.append(current)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
