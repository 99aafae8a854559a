import CoachEngine
import CoachScript
import CoachText

/// Transcript and script in, a brief out. Pure: the caller reads files and the clock.
public enum BriefBuilder {
    public static func build(_ transcript: Transcript, program: ScriptProgram, synonyms: Synonyms) -> Brief {
        let conversation = transcript.replay(on: program).conversation
        let language = program.script.language
        let strings = BriefStrings(language)
        let answers = conversation.records.filter { !$0.isSkipped }.map { Answer(record: $0, conversation: conversation) }
        let topLevel = answers.filter(\.isTopLevel)

        // Each top-level answer goes to the first section whose tags it carries.
        var placed: Set<String> = []
        func section(_ tags: Set<String>, textOnly: Bool = false) -> [Answer] {
            topLevel.filter { answer in
                guard !placed.contains(answer.id), !answer.tags.isDisjoint(with: tags), answer.entry.each.isEmpty,
                      !answer.tags.contains("virksomhedens-behov") || answer.tags.contains("bidrag") else { return false }
                if textOnly, case .text = answer.entry.kind {} else if textOnly { return false }
                placed.insert(answer.id)
                return true
            }
        }
        let wants = section(["udbytte"], textOnly: true)
        let results = section(["resultat"]).sorted { $0.concreteness > $1.concreteness }
        let collaboration = section(["samarbejde", "trivsel", "work-life", "deadline"])
        let tasks = section(["opgaver", "motivation", "udfordring", "ressourcer"])
        let future = section(["fremtid", "kompetence", "bidrag"])
        let scales = answers.compactMap { answer -> ScaleAnswer? in
            guard case .scale(let scale) = answer.entry.kind else { return nil }
            return ScaleAnswer(question: answer.question, value: answer.record.choice, min: scale.min, max: scale.max,
                               minLabel: scale.minLabel, maxLabel: scale.maxLabel, comment: answer.record.scaleComment, source: answer.id)
        }

        let needs = companyNeeds(topLevel, answers: answers)
        let needTopics = needs.map { Topic($0.text, language: language, synonyms: synonyms) }
        let resultTopics = results.map { Topic($0.text, language: language, synonyms: synonyms) }
        let wishes = wishArguments(answers, strings: strings) { wish, followUps in
            let topic = Topic(([wish] + followUps).joined(separator: " "), language: language, synonyms: synonyms)
            let met = zip(needs, needTopics).filter { topic.overlaps($0.1) }.map(\.0)
            let related = zip(results, resultTopics).filter { topic.overlaps($0.1) }.map(\.0.point)
            return (met, related)
        }
        let matchedNeeds = Set(wishes.flatMap { $0.meetsNeeds.map(\.text) })
        let commonGround = CommonGround(
            shared: wishes.filter { !$0.meetsNeeds.isEmpty }.map { SharedGround(wish: $0.wish, needs: $0.meetsNeeds) },
            wishesWithoutNeed: wishes.filter { $0.meetsNeeds.isEmpty }.map(\.wish),
            needsWithoutWish: needs.filter { !matchedNeeds.contains($0.text) })
        let questions = topLevel.filter { $0.tags.contains("spoergsmaal") }.flatMap { answer -> [Point] in
            answer.entry.kind.isList ? answer.items.map { Point(text: $0, sources: [answer.id], question: answer.question) } : [answer.point]
        }
        let feedback = remarks(answers: answers, results: results, wishes: wishes, needs: needs, strings: strings)
        return Brief(language: language.rawValue, script: program.script.id, title: strings.title,
                     wants: wants.map(\.point), results: results.map(\.point), tasksAndMotivation: tasks.map(\.point),
                     collaboration: collaboration.map(\.point), future: future.map(\.point), scales: scales, wishes: wishes, needs: needs,
                     commonGround: commonGround, questions: questions, feedback: feedback,
                     checklist: checklist(program.script, feedback: feedback, answers: answers))
    }

    /// The needs the person named: the items of a needs list, and text answers about the company's needs.
    private static func companyNeeds(_ topLevel: [Answer], answers: [Answer]) -> [Point] {
        topLevel.filter { $0.tags.contains("virksomhedens-behov") && !$0.tags.contains("bidrag") }.flatMap { answer -> [Point] in
            guard answer.entry.kind.isList else { return [answer.point] }
            return answer.items.enumerated().map { index, item in
                elaborated(Point(text: item, sources: [answer.id], question: answer.question), elaboration(of: index, in: answer, answers))
            }
        }
    }

    /// What the person added about a vague list item when asked (the follow-up tagged `uddybning`).
    private static func elaboration(of item: Int, in list: Answer, _ answers: [Answer]) -> Answer? {
        answers.first { $0.entry.parent == list.record.question && $0.record.item == item && $0.tags.contains("uddybning") }
    }

    private static func elaborated(_ point: Point, _ elaboration: Answer?) -> Point {
        guard let elaboration else { return point }
        var point = point
        point.text += " — " + elaboration.text
        point.sources.append(elaboration.id)
        return point
    }

    /// Each item of a wishes list with its follow-ups sorted by role, from their tags.
    private static func wishArguments(_ answers: [Answer], strings: BriefStrings,
                                      match: (String, [String]) -> ([Point], [Point])) -> [WishArgument] {
        answers.filter { $0.isTopLevel && $0.tags.contains("oenske") && $0.entry.kind.isList && !$0.entry.each.isEmpty }.flatMap { list in
            list.items.enumerated().map { index, item in
                let followUps = answers.filter { $0.entry.parent == list.record.question && $0.record.item == index }
                func role(_ predicate: (Set<String>) -> Bool) -> Answer? { followUps.first { predicate($0.tags) } }
                let benefit = role { $0.contains("argument") && $0.contains("virksomhedens-behov") }
                let why = role { $0.contains("motivation") }
                let evidence = followUps.filter { $0.tags.contains("resultat") }
                let takes = role { $0.contains("ressourcer") }
                let elaboration = elaboration(of: index, in: list, answers)
                let (needs, related) = match(item, [elaboration, benefit, why].compactMap { $0?.text })
                let wishSource = "\(list.id)"
                return WishArgument(
                    wish: Point(text: item, sources: [wishSource], question: list.question), detail: elaboration?.point,
                    why: why?.point, benefit: benefit?.point, meetsNeeds: needs,
                    evidence: evidence.map(\.point) + related.filter { point in !evidence.contains { $0.id == point.sources.first } },
                    takes: takes?.point,
                    nextStep: Point(text: strings.nextStep(wish: item, takes: takes?.record.text),
                                    sources: [wishSource] + (takes.map { [$0.id] } ?? [])))
            }
        }
    }

    private static func remarks(answers: [Answer], results: [Answer], wishes: [WishArgument], needs: [Point],
                                strings: BriefStrings) -> [Remark] {
        var remarks: [Remark] = []
        for wish in wishes {
            let benefitHolds = wish.benefit.map { AnswerQuality(of: $0.text).hasBenefit } ?? false
            if wish.benefit == nil || (!benefitHolds && wish.meetsNeeds.isEmpty) {
                remarks.append(Remark(kind: .wishWithoutBenefit, text: strings.wishWithoutBenefit(wish.wish.text),
                                      sources: wish.wish.sources + (wish.benefit?.sources ?? [])))
            } else if wish.meetsNeeds.isEmpty && !needs.isEmpty {
                remarks.append(Remark(kind: .wishWithoutNeed, text: strings.wishWithoutNeed(wish.wish.text),
                                      sources: wish.wish.sources + (wish.benefit?.sources ?? [])))
            }
        }
        if results.allSatisfy({ $0.quality.isVague }) {
            remarks.append(Remark(kind: .resultsNotConcrete, text: strings.resultsNotConcrete, sources: results.flatMap(\.sources)))
        }
        for answer in answers where answer.tags.contains("samarbejde") && CriticismCues.soundsPersonal(answer.record.fullText) {
            remarks.append(Remark(kind: .personalCriticism, text: strings.personalCriticism(answer.question), sources: answer.sources))
        }
        for answer in answers where !answer.tags.isDisjoint(with: ["trivsel", "work-life"]) {
            // The lowest quarter of the scale: 1 or 2 on 1–5.
            guard case .scale(let scale) = answer.entry.kind, answer.record.choice <= scale.min + (scale.max - scale.min) / 4 else { continue }
            remarks.append(Remark(kind: .lowWellBeing, text: strings.lowScore(answer.question, answer.record.choice, scale.max),
                                  sources: answer.sources))
        }
        for answer in answers where answer.tags.contains("aftale") && !answer.isTopLevel {
            guard case .choice = answer.entry.kind, answer.record.choice > 0, let item = answer.listItem,
                  let status = answer.record.optionLabel(in: answer.program) else { continue }
            remarks.append(Remark(kind: .agreementNotFollowedUp, text: strings.agreementOpen(item, status),
                                  sources: answer.sources))
        }
        return remarks
    }

    /// The guide's FAKTA, and the pieces of advice that fit what this person wrote.
    private static func checklist(_ script: Script, feedback: [Remark], answers: [Answer]) -> [Point] {
        var points: [Point] = []
        if let fakta = script.tip("fakta") {
            points += fakta.text.split(separator: "·").map { Point(text: $0.trimmingCharacters(in: .whitespaces), sources: ["tip:fakta"]) }
        }
        var fitting: [String] = []
        let kinds = Set(feedback.map(\.kind))
        if kinds.contains(.resultsNotConcrete) { fitting.append("raad-5") }
        if kinds.contains(.personalCriticism) { fitting.append("raad-9") }
        if kinds.contains(.agreementNotFollowedUp) { fitting.append("raad-3") }
        if answers.contains(where: { $0.tags.contains("kompetence") }) { fitting.append("raad-6") }
        fitting += ["raad-7", "raad-8"]
        for id in fitting {
            if let tip = script.tip(id) { points.append(Point(text: tip.text, sources: ["tip:\(id)"])) }
        }
        return points
    }
}

/// Words that make criticism of a colleague sound personal rather than professional (the guide's tip 9).
enum CriticismCues {
    private static let words: Set<String> = [
        "doven", "dovne", "irriterende", "umulig", "umulige", "inkompetent", "inkompetente", "dum", "dumme", "idiot", "idioter",
        "egoistisk", "egoistiske", "arrogant", "arrogante", "utålelig", "lazy", "annoying", "impossible", "incompetent", "stupid",
        "idiot", "idiots", "selfish", "arrogant", "rude", "useless", "unbearable",
    ]

    static func soundsPersonal(_ text: String) -> Bool {
        Tokenizer.tokens(in: text).contains { words.contains($0.text) }
    }
}

import Foundation
