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

    /// A wish's argument as labelled lines, in the order every renderer shows them, then the objections to prepare for.
    func rows(of wish: WishArgument, _ strings: BriefStrings) -> [(label: String, point: Point)] {
        caseRows(of: wish, strings) + objectionRows(of: wish, strings)
    }

    /// The case itself: what the wish is, why, what it gives, what backs it, what it takes.
    func caseRows(of wish: WishArgument, _ strings: BriefStrings) -> [(label: String, point: Point)] {
        var rows: [(String, Point)] = []
        if let detail = wish.detail { rows.append((strings.detail, detail)) }
        if let why = wish.why { rows.append((strings.why, why)) }
        if let benefit = wish.benefit { rows.append((strings.benefit, benefit)) }
        rows += wish.meetsNeeds.map { (strings.meetsNeeds, $0) }
        rows += wish.evidence.map { (strings.evidence, $0) }
        if let takes = wish.takes { rows.append((strings.takes, takes)) }
        rows += wish.framework.map { (strings.fits, $0) }
        rows.append((strings.nextStep, wish.nextStep))
        return rows
    }

    /// Each likely objection as a row: the objection, then the reply or what to prepare.
    func objectionRows(of wish: WishArgument, _ strings: BriefStrings) -> [(label: String, point: Point)] {
        wish.objections.map { objection in
            (strings.ifManagerSays(objection.objection),
             Point(text: objection.isPrepared ? objection.reply : strings.prepare + objection.reply, sources: objection.sources))
        }
    }

    /// The sections after the wishes, questions and remarks, in reading order, shared by the renderers.
    func sections(_ strings: BriefStrings) -> [(title: String, points: [Point])] {
        [(strings.wants, wants), (strings.results, results), (strings.tasks, tasksAndMotivation),
         (strings.collaboration, collaboration), (strings.future, future), (strings.framework, framework)]
    }

    /// The agenda as points, for the renderers' lists.
    var agendaPoints: [Point] { agenda.map { Point(text: $0.text, sources: $0.sources) } }

    /// The pitch as one paragraph.
    func pitchText(of wish: WishArgument) -> String { wish.pitch.map(\.text).joined(separator: " ") }
}

/// The texts a rendering of the brief has shown, so that no answer is printed twice: a row that
/// would repeat one says where it stands, a section leaves it out.
struct SaidOnce {
    private var shown: Set<String> = []
    private var pointedAt: Set<String> = []

    /// True the first time a point of five words or more comes; short points may stand twice.
    mutating func first(_ point: Point) -> Bool {
        guard let key = Self.key(point) else { return true }
        return shown.insert(key).inserted
    }

    /// True the first time a row points back at a point shown above; a third row that would
    /// repeat it is left out, as the pointer stands already.
    mutating func firstPointer(to point: Point) -> Bool {
        guard let key = Self.key(point) else { return true }
        return pointedAt.insert(key).inserted
    }

    private static func key(_ point: Point) -> String? {
        let key = point.text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return Clauses.words(key) >= 5 ? key : nil
    }
}
