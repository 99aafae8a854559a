import CoachEngine
import CoachLibrary
import CoachProtocol
import CoachScript
import CoachSpelling
import CoachStore
import CoachSummary
import CoachText

/// The protocol host's view of the session store and the dialogues folder.
struct ServeBackend: SessionBackend {
    let store: SessionStore
    let library: DialogueLibrary
    /// Opened once per language, at the first agenda that needs one.
    private let checkers = SpellCheckers()

    init(store: SessionStore, library: DialogueLibrary) {
        self.store = store
        self.library = library
    }

    func spellChecker(_ language: Language) -> SpellChecker? { checkers.checker(for: language) }

    func script(named name: String, language: String) -> Script? {
        // Names only: a gateway must not make the server read arbitrary paths.
        guard !name.isEmpty, !name.contains("/"), !name.hasPrefix("."), Language(rawValue: language) != nil else { return nil }
        let (result, text) = DialogueLibrary.loadScript(at: library.scriptURL(name, language: language))
        guard let script = result.script else { return nil }
        if let text { try? ScriptArchive(store: store).keep(text, as: Transcript.ScriptIdentity(script)) }
        return script
    }

    func briefKnowledge(_ language: Language) throws -> BriefKnowledge { try library.briefKnowledge(language) }

    func exists(name: String) -> Bool { store.exists(name) }

    func load(name: String) throws(StoreError) -> SessionFile { try store.load(name) }

    func write(_ file: SessionFile) throws(StoreError) { try store.save(file, durable: false) }


    func notes(of user: String) -> NoteJournal {
        NoteJournal(url: store.folder.appendingPathComponent("notes").appendingPathComponent(SessionStore.name(forGateway: user) + ".jsonl"))
    }

    func gatewaySessions() -> [SessionFile] {
        store.list(including: SessionStore.isGatewayName).compactMap { listing in
            if case .session(let file) = listing, file.gateway != nil { file } else { nil }
        }
    }
}
