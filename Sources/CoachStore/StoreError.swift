/// What can go wrong with the session store, each naming the file and the problem.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidName(String)
    case notFound(name: String, path: String)
    case corrupted(path: String, reason: String)
    case locked(name: String, path: String)
    case io(path: String, operation: String, reason: String)
    case noSuchNote(Int)
    case damagedNotes(path: String, line: Int)
    /// A file the store writes is a symbolic link or not a plain file: written through, it would
    /// put answers somewhere else, or truncate what is there.
    case notOwnFile(path: String)
    /// A gateway user's session while `mus-coach serve` runs on the store: it is served by one
    /// process at a time, whether it is in the journal only or in its file.
    case heldByServer(name: String, pid: Int32?)

    public var description: String {
        switch self {
        case .invalidName(let name):
            "'\(name)' is not a session name: use the letters a–z (no æ, ø, å), digits, '.', '_' and '-' (at most 64), not starting with '.'"
        case .notFound(let name, let path):
            "no session '\(name)' (\(path))"
        case .corrupted(let path, let reason):
            "\(path): the session file cannot be read: \(reason). It is left as it is; start a new session with --new"
        case .locked(let name, let path):
            "session '\(name)' is open in another mus-coach (\(path) is locked); close that one first"
        case .io(let path, let operation, let reason):
            "\(path): cannot \(operation): \(reason)"
        case .damagedNotes(let path, let line):
            "\(path):\(line): this line of your notes cannot be read. The file is left as it is; mend or remove that line"
        case .noSuchNote(let id):
            "there is no note \(id) (see mus-coach notes)"
        case .heldByServer(let name, let pid):
            "session '\(name)' is a gateway user's, held by the running mus-coach serve\(pid.map { " (pid \($0))" } ?? ""); one process at a time has it: stop the server first"
        case .notOwnFile(let path):
            "\(path): a symbolic link or not a plain file; mus-coach writes only files of its own and leaves it as it is. Move it away and try again"
        }
    }
}
