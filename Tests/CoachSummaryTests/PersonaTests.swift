import CoachEngine
import CoachLibrary
import CoachPlan
import CoachSummary
import Foundation
import Testing

let personaFolder = repositoryRoot.appendingPathComponent("Tests/Fixtures/personas")

/// Every expectation of every persona holds — the tuning personas' and the test split's alike —
/// and each persona answers only what its dialogue asks. A persona whose expectations are a goal
/// (`goal: true`) is held to its split's floor instead (see `theGoalPersonasHoldTheirFloors`).
@Test func everyPersonasBriefMeetsItsExpectations() throws {
    let results = try dialogues.personaBriefs(in: personaFolder)
    #expect(results.count >= 8)
    #expect(results.filter { $0.persona.script == "mus.en" }.count >= 2)
    for result in results {
        #expect(result.unused.isEmpty, "\(result.persona.name) answers steps the dialogue never asks: \(result.unused)")
        for check in result.checks where !check.passed && !result.persona.isGoal {
            Issue.record("\(result.persona.name) (\(result.persona.split.rawValue)): \(check)")
        }
    }
}

/// The brief invents nothing: every point of every persona's brief — agenda, pitch, framework,
/// suggested questions — cites answers that are in the transcript, or the script's tips.
@Test func everyPersonaBriefPointCitesTheirAnswers() throws {
    for result in try dialogues.personaBriefs(in: personaFolder) {
        let brief = result.brief
        var points = brief.wants + brief.results + brief.tasksAndMotivation + brief.collaboration + brief.future + brief.framework
        points += brief.needs + brief.questions + brief.suggestedQuestions
        for wish in brief.wishes {
            points += [wish.wish, wish.nextStep] + [wish.detail, wish.why, wish.benefit, wish.takes].compactMap { $0 }
            points += wish.meetsNeeds + wish.evidence + wish.framework + wish.pitch
        }
        let sources = points.flatMap(\.sources) + brief.agenda.flatMap(\.sources) + brief.feedback.flatMap(\.sources)
        let answered = answerIDs(result.transcript, program: result.program)
        for source in sources { #expect(answered.contains(source), "\(result.persona.name): '\(source)' is no answer") }
        for point in points { #expect(!point.sources.isEmpty, "\(result.persona.name): '\(point.text)' has no source") }
        for point in brief.agenda { #expect(!point.sources.isEmpty, "\(result.persona.name): agenda '\(point.text)' has no source") }
        #expect(brief.agenda.count <= 5)
    }
}

/// Each wish's pitch speaks in the person's voice from their answers: every sentence that quotes
/// an answer holds that answer's words in their order (a hedge or an opener between them may be
/// left out: `Clauses.withoutHedges`), and a missing part is a bracketed note of what to find out.
@Test func aPitchQuotesOnlyThePersonsOwnWords() throws {
    for result in try dialogues.personaBriefs(in: personaFolder) where !result.persona.isGoal {
        let brief = result.brief
        var answers: [Point] = brief.wants + brief.results + brief.tasksAndMotivation + brief.collaboration + brief.future
        answers += brief.framework + brief.needs
        for wish in brief.wishes {
            answers += [wish.wish, wish.detail, wish.benefit, wish.takes].compactMap { $0 }
            answers += wish.evidence + wish.meetsNeeds + wish.framework
        }
        func words(_ text: some StringProtocol) -> [String] {
            text.split(whereSeparator: \.isWhitespace).map { $0.trimmingCharacters(in: .punctuationCharacters).lowercased() }.filter { !$0.isEmpty }
        }
        let quotable = answers.map { words($0.text) }
        /// The words `Clauses.withoutHedges` may leave out between two quoted ones: openers and hedges.
        let hedgeWords: Set<String> = ["ja", "jamen", "nej", "altså", "og", "men", "tja", "øh", "tror", "jeg", "synes", "egentlig",
                                       "sådan", "set", "ved", "ikke", "det", "yes", "yeah", "and", "but", "um", "oh", "so", "well",
                                       "i", "think", "guess", "suppose", "mean", "you", "know", "basically", "to", "be", "honest",
                                       "honestly", "don't"]
        /// Whether `quoted` stands in `answer` in order, only openers and hedges left out between its words.
        func stands(_ quoted: [String], in answer: [String]) -> Bool {
            answer.indices.contains { start in
                var position = start
                for (number, word) in quoted.enumerated() {
                    if number == 0 {
                        guard answer[position] == word else { return false }
                    } else {
                        while position < answer.count, answer[position] != word, hedgeWords.contains(answer[position]) { position += 1 }
                        guard position < answer.count, answer[position] == word else { return false }
                    }
                    position += 1
                }
                return true
            }
        }
        for wish in brief.wishes {
            for sentence in wish.pitch where !sentence.text.hasPrefix("[") && sentence.text.contains(":") {
                let quoted = sentence.text.split(separator: ":", maxSplits: 1).last.map(String.init) ?? ""
                // An excerpt of a long answer is marked with "…" where words are left out.
                let first = Array(words(quoted.split(separator: "…").first(where: { !words($0).isEmpty }) ?? "").prefix(6))
                #expect(!first.isEmpty, "\(result.persona.name): '\(sentence.text)' quotes nothing")
                #expect(quotable.contains { stands(first, in: $0) }, "\(result.persona.name): '\(sentence.text)' quotes words found in no answer")
            }
        }
    }
}

/// What the manager reads (issue 40), held to the figures reached: on the tuning split every check
/// holds; the test split, never tuned on, and the goal personas' own expectations are held to their
/// floors, so that they can only rise. `mus-coach-bench briefs` prints each check. The test split's
/// went from 112 to 111 with the role cues of issue 41 (a hedged role, "måske på sigt noget med
/// teamleder, jeg ved ikke helt", was no longer probed), and back to 112 once a role named loosely
/// ("noget med …") was no cue.
@Test func whatTheManagerReadsHoldsItsFloors() throws {
    let results = try dialogues.personaBriefs(in: personaFolder)
    let floors: [(split: LabelledAnswer.Split, composed: Int, goal: Int)] = [(.tune, 135, 51), (.test, 112, 51)]
    for (split, composedFloor, goalFloor) in floors {
        let ofSplit = results.filter { $0.persona.split == split }
        let composed = ofSplit.flatMap(\.composedChecks)
        let goal = ofSplit.filter(\.persona.isGoal).flatMap(\.checks)
        #expect(composed.filter(\.passed).count >= composedFloor, "\(split): \(composed.filter(\.passed).count)/\(composed.count) checks of what the manager reads")
        #expect(goal.filter(\.passed).count >= goalFloor, "\(split): \(goal.filter(\.passed).count)/\(goal.count) goal expectations")
        if split == .tune {
            for result in ofSplit { for check in result.composedChecks where !check.passed { Issue.record("\(result.persona.name): \(check)") } }
        }
    }
}
