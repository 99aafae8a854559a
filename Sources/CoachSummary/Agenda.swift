import CoachScript
import CoachText

/// The agenda: at most five points, one line each, in the order to raise them — what the person
/// said matters most, their wishes by strength, then what must be raised (low well-being with their
/// own causes and proposal, demands that did not fit the resources, agreements not kept).
enum Agenda {
    static let limit = 5

    /// The scale, when the answer is in its lowest quarter (1 or 2 on 1–5).
    static func lowScale(_ answer: Answer) -> ScaleSpec? {
        guard case .scale(let scale) = answer.entry.kind, answer.record.choice <= scale.min + (scale.max - scale.min) / 4 else { return nil }
        return scale
    }

    static func points(answers: [Answer], wishes: [WishArgument], strings: BriefStrings, topic: (String) -> Topic) -> [AgendaPoint] {
        var mustRaise: [AgendaPoint] = []
        let low = answers.filter { !$0.tags.isDisjoint(with: ["trivsel", "work-life", "samarbejde"]) && lowScale($0) != nil }
        if !low.isEmpty {
            let scores = low.map { strings.scaleName($0.tags, question: $0.question) + " \($0.record.choice)/\(lowScale($0)!.max)" }
            let causes = low.map(\.comments).filter { !$0.isEmpty }
            // Each score's own words: a proposal made at another question belongs to that question's point.
            let proposal = proposal(in: low)
            mustRaise.append(AgendaPoint(kind: .wellBeing, text: strings.wellBeingPoint(scores: scores, causes: causes, proposal: proposal?.sentence),
                                         sources: low.flatMap(\.sources) + (proposal.map { [$0.source] } ?? [])))
        }
        if let demands = answers.first(where: { $0.entry.id == "krav-eksempel" }) {
            mustRaise.append(AgendaPoint(kind: .demands, text: strings.demandsPoint(Sentences.excerpt(demands.text)), sources: demands.sources))
        }
        let unkept = answers.filter { answer in
            guard answer.tags.contains("aftale"), !answer.isTopLevel, case .choice = answer.entry.kind else { return false }
            return answer.record.choice > 0
        }
        if !unkept.isEmpty {
            let lines = unkept.compactMap { status -> (String, [String])? in
                guard let item = status.listItem else { return nil }
                let missing = answers.first { $0.entry.parent == status.entry.parent && $0.record.item == status.record.item && $0.id != status.id }
                let said = missing.map { answer in
                    let fact = Sentences.excerpt(answer.text)
                    guard let proposal = proposalSentence(in: answer.text), proposal != fact else { return fact }
                    return fact + " " + proposal
                }
                return (strings.agreementLine(item, status: status.record.optionLabel(in: status.program) ?? "", said: said),
                        status.sources + (missing?.sources ?? []))
            }
            mustRaise.append(AgendaPoint(kind: .agreement, text: strings.agreementsPoint(lines.map(\.0)), sources: lines.flatMap(\.1)))
        }

        var points: [AgendaPoint] = []
        var coveredByPriority: Set<String> = []
        if let priority = answers.first(where: { $0.isTopLevel && $0.tags.contains("prioritet") }) {
            let priorityTopic = topic(priority.text)
            if let named = wishes.first(where: { topic($0.wish.text).overlaps(priorityTopic) }) {
                // The most important point is one of the wishes: it leads, with its case.
                coveredByPriority.insert(named.wish.text)
                let wishPoint = point(for: named, strings: strings)
                points.append(AgendaPoint(kind: .priority, text: strings.priorityPoint(wishPoint.text), sources: priority.sources + wishPoint.sources))
            } else {
                points.append(AgendaPoint(kind: .priority, text: strings.priorityPoint(Sentences.excerpt(priority.text)), sources: priority.sources))
            }
        }
        let order: [WishJudgement.Rating] = [.strong, .needsWork, .weak]
        let ranked = wishes.filter { !coveredByPriority.contains($0.wish.text) }
            .enumerated().sorted { (order.firstIndex(of: $0.1.judgement.rating)!, $0.0) < (order.firstIndex(of: $1.1.judgement.rating)!, $1.0) }
            .map(\.1)
        let wishSlots = max(1, limit - points.count - mustRaise.count)
        for wish in ranked.prefix(wishSlots) {
            let wishPoint = point(for: wish, strings: strings)
            points.append(AgendaPoint(kind: .wish, text: wishPoint.text, sources: wishPoint.sources))
        }
        return Array((points + mustRaise).prefix(limit))
    }

    /// A wish in one line: its rating and the sentence of its benefit that carries the gain.
    private static func point(for wish: WishArgument, strings: BriefStrings) -> Point {
        let benefit = wish.judgement.benefit.counts ? wish.benefit.map { Sentences.excerpt($0.text, by: Sentences.gain) } : nil
        return Point(text: strings.wishPoint(wish.wish.text, rating: wish.judgement.rating, benefit: benefit),
                     sources: wish.wish.sources + (benefit == nil ? [] : wish.benefit?.sources ?? []))
    }

    /// The first sentence in which the person proposes something, among these answers.
    private static func proposal(in answers: [Answer]) -> (sentence: String, source: String)? {
        for answer in answers {
            if let sentence = proposalSentence(in: answer.text) { return (sentence, answer.id) }
        }
        return nil
    }

    private static func proposalSentence(in text: String) -> String? {
        Sentences.split(text.replacingOccurrences(of: " — ", with: "\n")).first { Phrases.proposal.occurs(in: $0) }
    }
}

import Foundation
