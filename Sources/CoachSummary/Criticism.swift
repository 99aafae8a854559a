import Foundation
import CoachText

/// Criticism of a person is never a talking point (the guide's råd 9): a sentence that judges
/// someone is left out, and what remains of the answer — what happens, how it affects the work —
/// is what the brief may quote.
enum Criticism {
    static func isPersonal(_ text: String) -> Bool {
        Sentences.split(text).contains { Phrases.personal.occurs(in: $0) }
    }

    /// The answer without its sentences that judge a person; punctuation and wording otherwise kept.
    static func professional(_ text: String) -> String {
        let sentences = Sentences.split(text)
        guard sentences.contains(where: { Phrases.personal.occurs(in: $0) }) else { return text }
        return sentences.filter { !Phrases.personal.occurs(in: $0) }.joined(separator: " ")
    }
}

extension Sentences {
    /// The sentence with the most of what makes an answer concrete (a number that measures, a name or
    /// an example, a time frame, a gain), the one with more words on a tie; the whole text when it is one sentence.
    static func mostConcrete(in text: String) -> String {
        let sentences = split(text.replacingOccurrences(of: " — ", with: "\n"))
        guard sentences.count > 1 else { return text }
        func score(_ sentence: String) -> Int {
            let quality = AnswerQuality(of: sentence)
            let cues = (quality.hasNumber ? 2 : 0) + (quality.hasExample ? 1 : 0) + (quality.hasTime ? 1 : 0) + (quality.hasBenefit ? 1 : 0)
            return cues * 100 + min(quality.words, 99)
        }
        var best = sentences[0]
        var bestScore = score(best)
        for sentence in sentences.dropFirst() {
            let value = score(sentence)
            if value > bestScore { (best, bestScore) = (sentence, value) }
        }
        return best
    }
}

extension Sentences {
    /// The sentence that shares most content words with a topic; the most concrete one when none does.
    static func mostRelated(in text: String, to other: Topic, topic: (String) -> Topic) -> String {
        let sentences = split(text.replacingOccurrences(of: " — ", with: "\n"))
        let scores = sentences.map { topic($0).shared(with: other) }
        guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] > 0 else { return mostConcrete(in: text) }
        return sentences[scores.firstIndex(of: scores[best])!]
    }
}
