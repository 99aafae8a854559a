import CoachText
import Synchronization

/// The spelling checkers of a long-running process, each opened when first asked for: opening the
/// Danish and the English dictionary took `serve` half a second and 55 MB before its first reply.
public final class SpellCheckers: Sendable {
    private let opened = Mutex<[Language: SpellChecker?]>([:])

    public init() {}

    /// The language's checker; nil when its dictionary is not installed (asked once).
    public func checker(for language: Language) -> SpellChecker? {
        opened.withLock { opened in
            if let known = opened[language] { return known }
            let checker = SpellChecker(language: language)
            opened[language] = checker
            return checker
        }
    }
}
