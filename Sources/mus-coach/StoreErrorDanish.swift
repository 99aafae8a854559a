import CoachStore

extension StoreError {
    /// The error as the program says it under a Danish locale; the protocol keeps the English `description`.
    var danish: String {
        switch self {
        case .invalidName(let name):
            "»\(name)« er ikke et sessionsnavn: brug bogstaverne a–z (ikke æ, ø, å), tal, '.', '_' og '-' (højst 64), og start ikke med '.'"
        case .notFound(let name, let path):
            "der er ingen session »\(name)« (\(path))"
        case .corrupted(let path, let reason):
            "\(path): sessionsfilen kan ikke læses: \(reason). Den er ladt, som den er; start en ny session med --new"
        case .locked(let name, let path):
            "sessionen »\(name)« er åben i en anden mus-coach (\(path) er låst); luk den først"
        case .io(let path, let operation, let reason):
            "\(path): \(operation) mislykkedes: \(reason)"
        case .damagedNotes(let path, let line):
            "\(path):\(line): denne linje i dine noter kan ikke læses. Filen er ladt, som den er; ret eller fjern linjen"
        case .noSuchNote(let id):
            "der er ingen note \(id) (se mus-coach notes)"
        }
    }
}
