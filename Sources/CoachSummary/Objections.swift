/// The objections a wish is likely to meet, each with the person's prepared reply: those the case
/// cannot answer yet come first, as they are what to prepare; then those raised against this kind of wish.
enum Objections {
    static let perWish = 2

    static func prepared(_ wishCase: WishCase, parts: [WishPart: Point], bank: ObjectionBank) -> [PreparedReply] {
        let kinds = WishKind.kinds(of: wishCase.item + " " + (wishCase.detail?.text ?? ""))
        let fitting = bank.entries.enumerated().filter { !$0.element.kinds.isDisjoint(with: kinds.union([.any])) }
        let ranked = fitting.sorted { first, second in
            func rank(_ entry: ObjectionBank.Entry) -> (Int, Int) {
                (entry.parts.allSatisfy { parts[$0] != nil } ? 1 : 0, entry.kinds.contains(.any) ? 1 : 0)
            }
            let (a, b) = (rank(first.element), rank(second.element))
            return (a.0, a.1, first.offset) < (b.0, b.1, second.offset)
        }
        return ranked.prefix(perWish).map { _, entry in
            guard entry.parts.allSatisfy({ parts[$0] != nil }) else {
                return PreparedReply(id: entry.id, objection: entry.objection, reply: entry.prepare, isPrepared: false,
                                     sources: [wishCase.list.id])
            }
            var reply = entry.reply
            for part in entry.parts {
                // The template has the punctuation after the part.
                let sentence = Clauses.withoutHedges(Sentences.excerpt(parts[part]!.text)).trimming(" .")
                reply = reply.replacingOccurrences(of: "{\(part.rawValue)}", with: sentence)
            }
            // An excerpt ends in "…", which ends the sentence too.
            reply = reply.replacingOccurrences(of: "….", with: "…")
            return PreparedReply(id: entry.id, objection: entry.objection, reply: reply, isPrepared: true,
                                 sources: entry.parts.flatMap { parts[$0]!.sources })
        }
    }
}

extension WishKind {
    private static let words: [WishKind: Phrases] = [
        .role: Phrases([
            "rolle", "rollen", "ansvar", "ansvaret", "ansvarlig", "ansvarlige", "leder", "holdleder", "teamleder", "mentor",
            "superbruger", "koordinator", "tovholder", "specialist", "key account", "overtage",
            "role", "lead", "responsible", "responsibility", "owner", "own", "mentor", "super user", "super-user", "coordinator",
            "champion",
        ]),
        .time: Phrases([
            "fast tid", "tid til", "time om ugen", "timer om ugen", "dag om ugen", "dage om ugen", "skrivedag", "fast time",
            "fast dag", "arbejdstid", "hours a week", "hour a week", "day a week", "days a week", "work time", "time for",
            "fixed time",
        ]),
        .travel: Phrases([
            "messe", "messen", "konference", "konferencen", "kongres", "kongressen", "rejse", "studietur",
            "conference", "congress", "trade fair", "fair", "trip", "travel", "summit",
        ]),
    ]

    /// The kinds a wish's words make it, `learning` as a course or certificate reads.
    static func kinds(of text: String) -> Set<WishKind> {
        var kinds: Set<WishKind> = LearningWish.isLearning(text) ? [.learning] : []
        for (kind, phrases) in words where phrases.occurs(in: text) { kinds.insert(kind) }
        return kinds
    }
}

import Foundation
