/// The languages a script, an answer analysis and the engine's fixed phrasing come in.
public enum Language: String, Sendable, Codable, CaseIterable {
    case danish = "da"
    case english = "en"
}
