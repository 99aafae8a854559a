/// The server's limits and defaults, set from `mus-coach serve`'s options.
public struct HostConfiguration: Sendable {
    /// Longest input line accepted, in bytes.
    public var maxLineBytes: Int
    /// Sessions held in memory at once; more are refused with "session limit reached".
    public var maxSessions: Int
    /// A session untouched this long is written out and dropped from memory, and reloaded when used.
    public var idleMilliseconds: Int64
    public var defaultScript: String
    public var defaultLanguage: String

    public init(maxLineBytes: Int = 1 << 20, maxSessions: Int = 10_000, idleMilliseconds: Int64 = 600_000,
                defaultScript: String = "mus", defaultLanguage: String = "da") {
        self.maxLineBytes = maxLineBytes
        self.maxSessions = maxSessions
        self.idleMilliseconds = idleMilliseconds
        self.defaultScript = defaultScript
        self.defaultLanguage = defaultLanguage
    }

    public static let protocolName = "mus-coach/1"
}
