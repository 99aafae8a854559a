import CoachText
import Synchronization

/// The spelling checkers of a long-running process, each opened when first asked for: a dictionary
/// costs a quarter of a second and some 27 MB to open, which a server should not pay before its first
/// reply, nor for a language no agenda uses. The first agenda in a language waits for it once.
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
