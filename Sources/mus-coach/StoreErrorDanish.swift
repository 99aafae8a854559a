import CoachStore

extension StoreError {
    /// The error in the program's language.
    var spoken: String { ProgramLanguage.current == .danish ? danish : description }

    /// The error as the program says it under a Danish locale; the protocol keeps the English `description`.
    var danish: String {
        switch self {
        case .invalidName(let name):
            "»\(name)« er ikke et sessionsnavn: brug bogstaverne a–z (ikke æ, ø, å), cifre, '.', '_' og '-' (højst 64 tegn), og start ikke med '.'"
        case .notFound(let name, let path):
            "der er ingen session »\(name)« (\(path))"
        case .corrupted(let path, let reason):
            "\(path): sessionsfilen kan ikke læses: \(reason). Filen er ikke ændret; start en ny session med --new"
        case .locked(let name, let path):
            "sessionen »\(name)« er åben i en anden mus-coach (\(path) er låst); luk den først"
        case .io(let path, let operation, let reason):
            "\(path): kan ikke \(Self.danish(operation)): \(reason)"
        case .damagedNotes(let path, let line):
            "\(path):\(line): denne linje i dine noter kan ikke læses. Filen er ikke ændret; ret eller fjern linjen"
        case .noSuchNote(let id):
            "der er ingen note \(id) (se mus-coach notes)"
        case .heldByServer(let name, let pid):
            "sessionen »\(name)« er en gateway-brugers og holdes af den kørende mus-coach serve\(pid.map { " (pid \($0))" } ?? ""); én proces ad gangen har den: stop serveren først"
        case .notOwnFile(let path):
            "\(path): symbolsk link eller ikke en almindelig fil; mus-coach skriver kun i sine egne filer og lader den være. Flyt den væk, og prøv igen"
        }
    }

    /// What the store was doing, as the English `description` says it after "cannot".
    private static func danish(_ operation: String) -> String {
        switch operation {
        case "create the compacted journal": "oprette den sammenskrevne journal"
        case "create a temporary file": "oprette en midlertidig fil"
        case "create the folder": "oprette mappen"
        case "delete the file": "slette filen"
        case "drop a torn line from the journal": "fjerne en halvt skrevet linje fra journalen"
        case "drop an unfinished last line": "fjerne en halvt skrevet sidste linje"
        case "empty the journal": "tømme journalen"
        case "make the file private": "gøre filen privat"
        case "make the folder private": "gøre mappen privat"
        case "open the folder": "åbne mappen"
        case "open the journal": "åbne journalen"
        case "open the lock file": "åbne låsefilen"
        case "open the notes": "åbne noterne"
        case "read the file": "læse filen"
        case "read the journal": "læse journalen"
        case "read the notes": "læse noterne"
        case "reopen the journal": "genåbne journalen"
        case "replace the file": "erstatte filen"
        case "replace the journal": "erstatte journalen"
        case "sync the file system": "synkronisere filsystemet"
        case "sync the journal": "synkronisere journalen"
        case "write": "skrive"
        case "write the note": "skrive noten"
        case "write the journal": "skrive journalen"
        case "sync the file": "synkronisere filen"
        default: operation
        }
    }
}
