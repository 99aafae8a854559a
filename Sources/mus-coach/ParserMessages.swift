import ArgumentParser
import Foundation

extension ArgumentHelp {
    /// An option's or argument's help in the program's language.
    static func text(_ da: String, _ en: String) -> ArgumentHelp {
        ArgumentHelp(ProgramLanguage.text(da, en))
    }
}

/// ArgumentParser writes its help pages and usage errors with fixed English words around the
/// commands' own (translated) text; under Danish those words are said in Danish.
enum ParserMessages {
    /// A help page (`--help`, `help COMMAND`) in the program's language.
    static func help(_ message: String) -> String {
        ProgramLanguage.current == .danish ? danish(message) : message
    }

    /// An error as ArgumentParser words it ("Error: …", a usage error's lines) in the program's
    /// language; in Danish its 'quotes' become »quotes«.
    static func error(_ message: String) -> String {
        guard ProgramLanguage.current == .danish else { return message }
        let text = danish(message).replacing(quoted) { "»\(capture($0.output, 1))«" }
        let prefix = "Error: "
        return text.hasPrefix(prefix) ? "Fejl: " + text.dropFirst(prefix.count) : text
    }

    /// Help pages are left with their apostrophes: the commands' own text has words like »MUS'en«.
    private static var quoted: Regex<AnyRegexOutput> { try! Regex(#"'([^'\n]*)'"#) }

    private static func danish(_ message: String) -> String {
        var text = message
        for (english, danish) in phrases {
            text = text.replacing(english, with: danish)
        }
        for rewrite in rewrites {
            text = text.replacing(rewrite.pattern) { rewrite.replacement($0.output) }
        }
        return text
    }

    /// Fixed phrases, each replaced wherever it stands. Headings keep their length, so the
    /// columns ArgumentParser lined up stay lined up.
    private static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "OVERSIGT: "),
        ("USAGE: ", "BRUG: "),
        ("<subcommand>", "<kommando>"),
        ("\nARGUMENTS:\n", "\nARGUMENTER:\n"),
        ("\nOPTIONS:\n", "\nTILVALG:\n"),
        ("\nSUBCOMMANDS:\n", "\nKOMMANDOER:\n"),
        ("Show help information.", "Vis denne hjælp."),
        ("Missing required subcommand.", "Mangler en kommando."),
        ("Missing expected argument ", "Mangler argumentet "),
        ("Missing one of: ", "Mangler et af: "),
        ("Missing value for ", "Mangler en værdi til "),
        ("Unknown option ", "Ukendt tilvalg "),
        ("Invalid option: ", "Ugyldigt tilvalg: "),
        (". Did you mean ", ". Mente du "),
        ("Unexpected argument ", "Uventet argument "),
        (" unexpected arguments: ", " uventede argumenter: "),
        (". Please provide one of the following:", ". Vælg en af disse:"),
        ("Help:  ", "Hjælp: "),
        ("Usage: ", "Brug:  "),
    ]

    private struct Rewrite {
        var pattern: Regex<AnyRegexOutput>
        var replacement: @Sendable (AnyRegexOutput) -> String
    }

    /// The patterns are literals, each exercised by a test: a typo in one is a programming error.
    private static func rewrite(_ pattern: String, _ replacement: @escaping @Sendable (AnyRegexOutput) -> String) -> Rewrite {
        Rewrite(pattern: try! Regex(pattern), replacement: replacement)
    }

    private static func capture(_ output: AnyRegexOutput, _ index: Int) -> String {
        output[index].substring.map(String.init) ?? ""
    }

    /// Phrases with parts in them.
    private static var rewrites: [Rewrite] { [
        rewrite(#"See '([^']*) help <kommando>' for detailed help\."#) { "Se »\(capture($0, 1)) help <kommando>« for hjælp til en kommando." },
        rewrite(#"See '([^']*)' for more information\."#) { "Se »\(capture($0, 1))« for mere hjælp." },
        // The default subcommand's mark; one space of the padding after it keeps the column.
        rewrite(#"\(default\) "#) { _ in "(standard)" },
        rewrite(#"\(values:(\s)"#) { "(værdier:\(capture($0, 1))" },
        rewrite(#"([(;]\s*)default:"#) { "\(capture($0, 1))standard:" },
        rewrite(#"The value '([^']*)' is invalid for '([^']*)'"#) { "Værdien '\(capture($0, 1))' passer ikke til '\(capture($0, 2))'" },
        rewrite(#"The value '([^']*)' is invalid\."#) { "Værdien '\(capture($0, 1))' kan ikke bruges." },
        rewrite(#"The option '([^']*)' does not take any value, but '([^']*)' was specified\."#) {
            "Tilvalget '\(capture($0, 1))' tager ingen værdi, men fik '\(capture($0, 2))'."
        },
        rewrite(#"\. Please provide one of (.*)\."#) { ". Vælg en af " + capture($0, 1).replacing("' or '", with: "' eller '") + "." },
    ] }
}
