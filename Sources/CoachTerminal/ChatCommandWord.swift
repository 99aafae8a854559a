import CoachScript
import CoachText

/// The slash commands, in Danish with English aliases.
public enum ChatCommandWord: Equatable, Sendable {
    case back, skip, help, status, summary, quit
    /// Jump to a section or question by id: back to one answered, or (in a replay) ahead.
    case goTo(String)
    /// Take the notes offered at this question into the answer: all, or those numbered.
    case notes([Int])
    /// `/privat` or `/del`: the last answer, or the one whose id follows, kept private or shared.
    case share(Sharing, answer: String?)
    case unknown(String)

    public init?(_ line: String) {
        let word = line.trimmingCharacters(in: .whitespaces)
        guard word.hasPrefix("/") else { return nil }
        let parts = word.split(separator: " ", maxSplits: 1)
        if parts.count == 2, ["/gå-til", "/ga-til", "/goto"].contains(parts[0].lowercased()) {
            self = .goTo(parts[1].trimmingCharacters(in: .whitespaces))
            return
        }
        if ["/noter", "/notes"].contains(parts[0].lowercased()) {
            let numbers = parts.count == 2 ? parts[1].split(whereSeparator: { $0 == " " || $0 == "," }).map { Int($0) } : []
            self = numbers.contains(nil) ? .unknown(word) : .notes(numbers.compactMap { $0 })
            return
        }
        let sharing: [String: Sharing] = ["/privat": .private, "/private": .private, "/del": .shared, "/share": .shared]
        if let chosen = sharing[parts[0].lowercased()] {
            self = .share(chosen, answer: parts.count == 2 ? parts[1].trimmingCharacters(in: .whitespaces) : nil)
            return
        }
        switch word.lowercased() {
        case "/tilbage", "/back": self = .back
        case "/spring", "/skip": self = .skip
        case "/hjælp", "/hjaelp", "/help": self = .help
        case "/status": self = .status
        case "/opsummering", "/summary": self = .summary
        case "/afslut", "/quit": self = .quit
        default: self = .unknown(word)
        }
    }

    /// What Tab offers: the script's language first, then the English aliases.
    public static func completions(_ language: Language) -> [String] {
        let danish = ["/tilbage", "/spring", "/gå-til ", "/noter", "/privat", "/del", "/status", "/opsummering", "/afslut", "/hjælp"]
        let english = ["/back", "/skip", "/goto ", "/notes", "/private", "/share", "/summary", "/quit", "/help"]
        return language == .danish ? danish + english : english + ["/status"]
    }
}

import Foundation
