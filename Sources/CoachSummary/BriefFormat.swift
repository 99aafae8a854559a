import CoachText
import Foundation

/// The formats a brief is written in.
public enum BriefFormat: String, Sendable, CaseIterable {
    case markdown, json, html, text
}

extension Brief {
    public func render(_ format: BriefFormat, showSources: Bool = false) -> String {
        let strings = BriefStrings(Language(rawValue: language) ?? .danish)
        switch format {
        case .markdown: return MarkdownBrief(brief: self, strings: strings, showSources: showSources).render()
        case .text: return TextBrief(brief: self, strings: strings).render()
        case .html: return HTMLBrief(brief: self, strings: strings).render()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
        }
    }

    /// The sections in reading order, shared by the renderers.
    func sections(_ strings: BriefStrings) -> [(title: String, points: [Point])] {
        [(strings.wants, wants), (strings.results, results), (strings.tasks, tasksAndMotivation),
         (strings.collaboration, collaboration), (strings.future, future)]
    }
}
