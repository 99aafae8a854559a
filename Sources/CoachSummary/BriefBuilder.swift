import CoachEngine
import CoachScript
import CoachText

/// Who a brief is for: the person's own, with every answer and the private ones marked, or what
/// goes to the manager, built from the shared answers alone so that nothing private can reach it.
public enum Audience: Sendable {
    case person, manager
}

/// Transcript and script in, a brief out. Pure: the caller reads files and the clock.
public enum BriefBuilder {
    public static func build(_ transcript: Transcript, program: ScriptProgram, knowledge: BriefKnowledge, for audience: Audience = .person) -> Brief {
        projection(transcript, program: program, knowledge: knowledge, for: audience).brief
    }

    /// The brief and the answers it was built from, the private ones left out for the manager: what
    /// the agenda composes its sentences from, so that it reads no answer the brief could not.
    static func projection(_ transcript: Transcript, program: ScriptProgram, knowledge: BriefKnowledge,
                           for audience: Audience) -> (brief: Brief, answers: [Answer], topic: (String) -> Topic) {
        let synonyms = knowledge.synonyms
        let conversation = transcript.replay(on: program).conversation
        let language = program.script.language
        let strings = BriefStrings(language)
        let choices = SharingChoices(transcript.events)
        let records = conversation.records.filter { !$0.isSkipped }
        let isPrivate = { (record: AnswerRecord) in conversation.sharing(of: record, choices: choices) == .private }
        let given = records.filter { audience == .person || !isPrivate($0) }.map { Answer(record: $0, conversation: conversation) }
        let privateAnswers = audience == .manager ? [] : records.filter(isPrivate).flatMap { Answer(record: $0, conversation: conversation).sources }
        // An answer that only judged a person has nothing left to quote; its remark still says so.
        let answers = given.filter { !$0.text.isEmpty }
        let topLevel = answers.filter(\.isTopLevel)
        let topic = { (text: String) in Topic(text, language: language, synonyms: synonyms) }

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

        // Lines about money, schemes and rules are the frame the wishes must fit, not needs of the work.
        let named = companyNeeds(topLevel, answers: answers)
        let needs = named.filter { !Phrases.framework.occurs(in: $0.text) }
        let framework = topLevel.filter { $0.tags.contains("rammer") }.map(\.point) + named.filter { Phrases.framework.occurs(in: $0.text) }

        let cases = wishCases(answers)
        let needTopics = needs.map { topic($0.text) }
        let wishTopics = cases.map { topic($0.about) }
        let itemTopics = cases.map { topic($0.item + " " + ($0.detail?.text ?? "")) }
        let evidenceTopics = cases.map { topic($0.aboutWithEvidence) }
        // Each result backs the one wish it shares most with, never every wish.
        var backing = Array(repeating: [Point](), count: cases.count)
        for result in results {
            let resultTopic = topic(result.text)
            let scores = evidenceTopics.map { $0.shared(with: resultTopic) }
            guard let best = scores.indices.max(by: { scores[$0] < scores[$1] }), scores[best] > 0 else { continue }
            backing[best].append(result.point)
        }
        let frameworkTopics = framework.map { topic($0.text) }
        let wishes = cases.enumerated().map { number, wishCase in
            // The needs it meets, the one it shares most with first; what the wish itself says counts double.
            let met = zip(needs, needTopics).map { need, needTopic in
                (need, wishTopics[number].shared(with: needTopic) + itemTopics[number].shared(with: needTopic))
            }.filter { $0.1 > 0 }
                .enumerated().sorted { ($0.1.1, -$0.0) > ($1.1.1, -$1.0) }.map(\.1.0)
            let evidence = [wishCase.shown?.point].compactMap { $0 }.filter { _ in wishCase.hasOwnEvidence } + backing[number]
            // What the organisation offers that the wish fits; for a course or the like, the budget first.
            let learning = LearningWish.isLearning(wishCase.item)
            let frame = zip(framework, frameworkTopics).filter { point, frameTopic in
                wishTopics[number].overlaps(frameTopic) || (learning && Phrases.framework.occurs(in: point.text))
            }.map(\.0).enumerated().sorted { first, second in
                let rank = { (point: Point) in learning && Phrases.money.occurs(in: point.text) ? 0 : 1 }
                return (rank(first.element), first.offset) < (rank(second.element), second.offset)
            }.map(\.element)
            return argument(wishCase, needs: met, evidence: evidence, framework: frame, objections: knowledge.objections,
                            strings: strings, topic: topic)
        }
        let matchedNeeds = Set(wishes.flatMap { $0.meetsNeeds.map(\.text) })
        let commonGround = CommonGround(
            shared: wishes.filter { !$0.meetsNeeds.isEmpty }.map { SharedGround(wish: $0.wish, needs: $0.meetsNeeds) },
            wishesWithoutNeed: wishes.filter { $0.meetsNeeds.isEmpty }.map(\.wish),
            needsWithoutWish: needs.filter { !matchedNeeds.contains($0.text) })
        let possibleGround = possibleCommonGround(cases: cases, wishes: wishes, answers: topLevel, strings: strings, topic: topic)
        let questions = topLevel.filter { $0.tags.contains("spoergsmaal") }.flatMap { answer -> [Point] in
            answer.entry.kind.isList ? answer.items.map { Point(text: $0, sources: [answer.id], question: answer.question) } : [answer.point]
        }
        let feedback = remarks(answers: answers, given: given, results: results, wishes: wishes, needs: needs, framework: framework, strings: strings)
        let agenda = Agenda.points(answers: answers, wishes: wishes, strings: strings, topic: topic)
        let talk = topLevel.first { $0.tags.contains("mus-dato") }.map(\.point)
        let brief = Brief(language: language.rawValue, script: program.script.id, title: strings.title, talk: talk, agenda: agenda,
                     wants: wants.map(\.point), results: results.map(\.point), tasksAndMotivation: tasks.map(\.point),
                     collaboration: collaboration.map(\.point), future: future.map(\.point), framework: framework, scales: scales,
                     wishes: wishes, needs: needs, commonGround: commonGround, questions: questions,
                     suggestedQuestions: suggestedQuestions(answers, asked: questions, strings: strings) + possibleGround, feedback: feedback,
                     checklist: checklist(program.script, feedback: feedback, answers: answers), privateAnswers: privateAnswers)
        return (brief, answers, topic)
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

    /// What the person added about a list item when asked (the follow-ups tagged `uddybning`).
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
    private static func wishCases(_ answers: [Answer]) -> [WishCase] {
        answers.filter { $0.isTopLevel && $0.tags.contains("oenske") && $0.entry.kind.isList && !$0.entry.each.isEmpty }.flatMap { list in
            list.items.enumerated().map { index, item in
                let followUps = answers.filter { $0.entry.parent == list.record.question && $0.record.item == index }
                func role(_ predicate: (Set<String>) -> Bool) -> Answer? { followUps.first { predicate($0.tags) } }
                return WishCase(list: list, index: index, item: item, detail: elaboration(of: index, in: list, answers),
                                why: role { $0.contains("motivation") },
                                benefit: role { $0.contains("argument") && $0.contains("virksomhedens-behov") },
                                shown: role { $0.contains("resultat") }, takes: role { $0.contains("ressourcer") })
            }
        }
    }

    private static func argument(_ wishCase: WishCase, needs: [Point], evidence: [Point], framework: [Point],
                                 objections: ObjectionBank, strings: BriefStrings, topic: @escaping (String) -> Topic) -> WishArgument {
        let wish = Point(text: wishCase.item, sources: [wishCase.list.id], question: wishCase.list.question)
        let judgement = wishCase.judgement(meetsNeed: !needs.isEmpty, relatedResults: evidence.count - (wishCase.hasOwnEvidence ? 1 : 0))
        let nextStep = Point(text: strings.nextStep(wish: wishCase.item, takes: wishCase.takes.map { Clauses.withoutHedges($0.text) }),
                             sources: wish.sources + (wishCase.takes.map { [$0.id] } ?? []))
        return WishArgument(wish: wish, detail: wishCase.detail?.point, why: wishCase.why?.point, benefit: wishCase.benefit?.point,
                            meetsNeeds: needs, evidence: evidence, takes: wishCase.takes?.point, nextStep: nextStep,
                            framework: framework, judgement: judgement,
                            objections: Objections.prepared(wishCase, parts: [
                                .benefit: judgement.benefit.counts ? wishCase.benefit?.point : nil, .need: needs.first,
                                .shown: evidence.first, .takes: judgement.concreteAsk ? wishCase.takes?.point : nil,
                                .framework: framework.first, .why: wishCase.why?.point,
                            ].compactMapValues { $0 }, bank: objections),
                            pitch: Pitch.sentences(wishCase, judgement: judgement, needs: needs, evidence: evidence,
                                                   framework: framework, strings: strings, topic: topic))
    }

    private static func remarks(answers: [Answer], given: [Answer], results: [Answer], wishes: [WishArgument], needs: [Point],
                                framework: [Point], strings: BriefStrings) -> [Remark] {
        var remarks: [Remark] = []
        for wish in wishes {
            let sources = wish.wish.sources + (wish.benefit?.sources ?? [])
            switch wish.judgement.benefit {
            case .missing, .evasive, .ownSake:
                remarks.append(Remark(kind: .wishWithoutBenefit, text: strings.benefitRemark(wish.wish.text, wish.judgement.benefit),
                                      sources: sources))
            case .generic:
                remarks.append(Remark(kind: .weakWish, text: strings.genericBenefit(wish.wish.text), sources: sources))
            case .given:
                if !wish.judgement.meetsNeed && !needs.isEmpty {
                    remarks.append(Remark(kind: .wishWithoutNeed, text: strings.wishWithoutNeed(wish.wish.text), sources: sources))
                }
            }
        }
        // A cost above the budget the person named: the gap is said, and what to answer to it.
        for wish in wishes {
            guard let takes = wish.takes, let cost = Money.amounts(in: takes.text).max(by: { $0.amount < $1.amount }) else { continue }
            // The framework the wish fits first; else any sum the framework names in the same money.
            let sameMoney = { (point: Point) in Money.amounts(in: point.text).filter { $0.currency == cost.currency }.map { (point, $0) } }
            let fitting = wish.framework.flatMap(sameMoney)
            let budgets = fitting.isEmpty ? framework.flatMap(sameMoney) : fitting
            guard let (frame, budget) = budgets.max(by: { $0.1.amount < $1.1.amount }), cost.amount > budget.amount else { continue }
            let gap = Money.written(cost.amount - budget.amount, unit: cost.unit, danish: strings.language == .danish)
            remarks.append(Remark(kind: .overBudget, text: strings.overBudget(wish.wish.text, cost: cost.written, budget: budget.written, gap: gap),
                                  sources: takes.sources + frame.sources))
        }
        if results.allSatisfy({ $0.quality.isVague }) {
            remarks.append(Remark(kind: .resultsNotConcrete, text: strings.resultsNotConcrete, sources: results.flatMap(\.sources)))
        }
        for answer in given where answer.criticisesAPerson {
            // The facts left when the judgement of a person goes, by the sentence that carries them.
            let facts = answer.text.isEmpty ? "" : Sentences.excerpt(answer.text)
            remarks.append(Remark(kind: .personalCriticism, text: strings.personalCriticism(answer.question, facts: facts.isEmpty ? nil : facts),
                                  sources: answer.sources))
        }
        for answer in answers where !answer.tags.isDisjoint(with: ["trivsel", "work-life"]) {
            guard let scale = Agenda.lowScale(answer) else { continue }
            remarks.append(Remark(kind: .lowWellBeing, text: strings.lowScore(answer.question, answer.record.choice, scale.max),
                                  sources: answer.sources))
        }
        for answer in answers where answer.tags.contains("aftale") && !answer.isTopLevel {
            guard case .choice = answer.entry.kind, answer.record.choice > 0, let item = answer.listItem,
                  let status = answer.record.optionLabel(in: answer.program) else { continue }
            remarks.append(Remark(kind: .agreementNotFollowedUp, text: strings.agreementOpen(item, status),
                                  sources: answer.sources))
        }
        // A preparation of few-word answers gives the manager nothing to say yes to: thin when two
        // answers in five came as four words or fewer, whatever the probes drew out after them.
        let texts = answers.filter { if case .text = $0.entry.kind { true } else { false } }
        let short = texts.filter { Tokenizer.tokens(in: $0.record.text).count <= 4 }
        if texts.count >= 8 && short.count * 5 >= texts.count * 2 {
            remarks.append(Remark(kind: .thinAnswers, text: strings.thinAnswers(short: short.count, of: texts.count),
                                  sources: short.prefix(5).map(\.id)))
        }
        // The probes asked and the answer stayed vague: the dialogue moved on, the brief says so, and
        // which answers to work on (a thin preparation too). Results and wishes have remarks of their own.
        let covered: Set<String> = remarks.contains { $0.kind == .resultsNotConcrete } ? ["resultat"] : []
        let stillVague = texts.filter {
            $0.isTopLevel && !$0.record.probeAnswers.isEmpty && $0.quality.isVague && $0.tags.isDisjoint(with: covered)
        }
        for answer in stillVague.prefix(3) {
            remarks.append(Remark(kind: .stillVague, text: strings.stillVague(answer.keySentence, question: answer.question), sources: answer.sources))
        }
        return remarks
    }

    /// A challenge the person named elsewhere, in other words, that a wish may answer: offered as a
    /// question in their own brief ("Kan kurset hjælpe med …, som du nævnte?"), never asserted, and
    /// not for a wish already linked to that need.
    private static func possibleCommonGround(cases: [WishCase], wishes: [WishArgument], answers: [Answer], strings: BriefStrings,
                                             topic: (String) -> Topic) -> [Point] {
        let challenges = answers.filter { $0.tags.contains("udfordring") }
        return zip(cases, wishes).compactMap { wishCase, wish -> Point? in
            let wishTopic = topic(wishCase.about)
            // The sentence of a challenge that shares most with the wish, by its telling clauses.
            var best: (answer: Answer, sentence: String, shared: Int)?
            for answer in challenges {
                let answerShared = topic(answer.text).shared(with: wishTopic)
                for sentence in Sentences.split(answer.text.replacingOccurrences(of: " — ", with: "\n")) {
                    guard !wish.meetsNeeds.contains(where: { $0.text.contains(sentence) }), !Clauses.tellingClauses(of: sentence).isEmpty else { continue }
                    // The sentence itself must share a word with the wish; the rest of its answer only ranks it.
                    let own = topic(sentence).shared(with: wishTopic)
                    guard own > 0 else { continue }
                    let shared = own + answerShared
                    if best.map({ (shared, Sentences.concreteness(sentence)) > ($0.shared, Sentences.concreteness($0.sentence)) }) ?? true {
                        best = (answer, sentence, shared)
                    }
                }
            }
            guard let best else { return nil }
            var words = 0
            let said = Clauses.tellingClauses(of: best.sentence).prefix { clause in
                words += Clauses.words(clause)
                return words <= 25
            }
            guard !said.isEmpty else { return nil }
            return Point(text: strings.possibleCommonGround(wishCase.item, said.joined(separator: ", ")), sources: [wishCase.list.id, best.answer.id])
        }
    }

    /// Questions the answers suggest: the feedback the person wants, the path they named.
    private static func suggestedQuestions(_ answers: [Answer], asked: [Point], strings: BriefStrings) -> [Point] {
        var points: [Point] = []
        if let feedback = answers.first(where: { $0.entry.id == "feedback-paa" }) {
            points.append(Point(text: strings.askFeedback(feedback.keySentence), sources: [feedback.id]))
        }
        let future = answers.filter { $0.isTopLevel && $0.tags.contains("fremtid") }
        if let path = future.first(where: { !$0.quality.isVague }) {
            points.append(Point(text: strings.askPath(path.keySentence), sources: [path.id]))
        }
        if let named = future.first {
            points.append(Point(text: strings.askPotential, sources: [named.id]))
        }
        return points
    }

    /// The guide's FAKTA, and the pieces of advice that fit what this person wrote.
    private static func checklist(_ script: Script, feedback: [Remark], answers: [Answer]) -> [Point] {
        var points: [Point] = []
        if let fakta = script.tip("fakta") {
            points += fakta.text.split(separator: "·").map { Point(text: $0.trimmingSpaces, sources: ["tip:fakta"]) }
        }
        var fitting: [String] = []
        let kinds = Set(feedback.map(\.kind))
        if !kinds.isDisjoint(with: [.resultsNotConcrete, .thinAnswers, .stillVague]) { fitting.append("raad-5") }
        if kinds.contains(.personalCriticism) { fitting.append("raad-9") }
        if kinds.contains(.agreementNotFollowedUp) { fitting.append("raad-3") }
        if answers.contains(where: { $0.tags.contains("kompetence") }) { fitting.append("raad-6") }
        fitting += ["raad-7", "raad-8"]
        for id in fitting {
            if let tip = script.tip(id) { points.append(Point(text: tip.text, sources: ["tip:\(id)"])) }
        }
        // What the person plans to find out before the talk (when they will read the policy): a task, not the framework.
        for plan in answers where plan.isTopLevel && plan.tags.contains("forberedelse") {
            points.append(Point(text: BriefStrings(script.language).beforeTheTalk(plan.text), sources: [plan.id]))
        }
        return points
    }
}

/// A wish to learn something (a course, a certificate, a conference): the kind an education budget pays for.
enum LearningWish {
    private static let words = Phrases([
        "kursus", "kurset", "kurser", "uddannelse", "uddannelsen", "efteruddannelse", "certifikat", "certificering", "modul",
        "konference", "kongres", "messe", "diplom", "master", "workshop", "seminar",
        "course", "training", "certification", "certificate", "conference", "congress", "module", "degree", "diploma", "seminar",
    ])

    static func isLearning(_ text: String) -> Bool {
        let tokens = Tokenizer.tokens(in: text).map(\.text)
        return words.occurs(in: tokens) || tokens.contains { token in
            ["kursus", "uddannelse", "certifikat", "modul", "course", "certification"].contains { token.hasSuffix($0) }
        }
    }
}

import Foundation
