import CoachText
import Foundation

/// The language of the program's own messages (not a dialogue's): Danish, unless the locale
/// (`LC_ALL`, `LC_MESSAGES`, `LANG`) is English.
enum ProgramLanguage {
    static let current: Language = {
        let environment = ProcessInfo.processInfo.environment
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.lowercased().hasPrefix("en") ? .english : .danish
    }()

    static func text(_ da: String, _ en: String) -> String { current == .danish ? da : en }

    /// "1 tip", "13 tips".
    static func count(_ count: Int, _ one: (da: String, en: String), _ many: (da: String, en: String)) -> String {
        "\(count) " + (count == 1 ? text(one.da, one.en) : text(many.da, many.en))
    }
}
