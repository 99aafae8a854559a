import CoachEngine
import CoachLibrary
import CoachScript
import CoachStore

/// The script a transcript was made with: the one in the dialogues folder when it is that version,
/// else the copy kept in the archive.
struct ScriptVersions {
    let library: DialogueLibrary
    let archive: ScriptArchive
    private var programs: [String: ScriptProgram] = [:]

    init(library: DialogueLibrary, archive: ScriptArchive) {
        self.library = library
        self.archive = archive
    }

    /// That exact version, or nil when it is neither current nor kept.
    mutating func program(for identity: Transcript.ScriptIdentity) -> ScriptProgram? {
        if let program = programs[identity.contentHash] { return program }
        let script: Script?
        if let current = self.current(identity), current.script.contentHash == identity.contentHash {
            script = current.script
        } else {
            script = archive.text(of: identity).flatMap { ScriptLoader.load(text: $0, path: "\(identity.id).\(identity.language).yaml").script }
        }
        guard let script else { return nil }
        let program = ScriptProgram(script)
        programs[identity.contentHash] = program
        return program
    }

    /// The dialogues folder's version of the same script and language.
    mutating func current(_ identity: Transcript.ScriptIdentity) -> ScriptProgram? {
        let key = "current:\(identity.id).\(identity.language)"
        if let program = programs[key] { return program }
        guard let script = DialogueLibrary.loadScript(at: library.scriptURL(identity.id, language: identity.language)).result.script else {
            return nil
        }
        let program = ScriptProgram(script)
        programs[key] = program
        return program
    }
}
