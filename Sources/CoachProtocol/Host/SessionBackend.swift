import CoachScript
import CoachSpelling
import CoachStore
import CoachSummary
import CoachText

/// What the host needs from the world: scripts, synonyms and session files. The server passes the
/// real store; tests pass memory.
public protocol SessionBackend {
    /// The checked script for a name and language, or nil when there is none.
    func script(named name: String, language: String) -> Script?
    /// The synonyms and objections the brief uses; an error names a damaged file and its place.
    func briefKnowledge(_ language: Language) throws -> BriefKnowledge
    func exists(name: String) -> Bool
    func load(name: String) throws(StoreError) -> SessionFile
    /// Writes a session file; it becomes durable at the next `sync`.
    func write(_ file: SessionFile) throws(StoreError)
    /// Every stored session that a gateway started.
    func gatewaySessions() -> [SessionFile]
    /// The spelling check for what is sent in a language; nil when no dictionary is installed.
    func spellChecker(_ language: Language) -> SpellChecker?
    /// The notes of one of the gateway's users.
    func notes(of user: String) -> NoteJournal
}
