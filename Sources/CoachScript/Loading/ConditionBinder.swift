import CoachText

/// The second pass over a script: ids are unique, conditions and placeholders refer to questions
/// asked before them, tips exist. Conditions get their checked expressions here.
struct ConditionBinder {
    var reader: NodeReader
    private var questions: [String: ConditionScope.QuestionInfo] = [:]
    /// Decides how `mentions` stems its words.
    private var language: Language = .danish

    init(reader: NodeReader) {
        self.reader = reader
    }

    mutating func bind(_ draft: Script) -> Script {
        var script = draft
        language = draft.language
        collectQuestions(script)
        checkUniqueIDs(script)
        checkRenames(script)
        let tipIDs = Set(script.tips.map(\.id))
        if let greeting = script.greeting {
            checkTemplate(greeting, at: script.location, position: 0, listParent: nil, current: nil)
        }
        for s in script.sections.indices {
            let section = script.sections[s]
            let position = section.questions.first.flatMap { questions[$0.id]?.order } ?? Int.max
            checkTips(section.tips, known: tipIDs, at: section.location)
            if let intro = section.intro {
                checkTemplate(intro, at: section.location, position: position, listParent: nil, current: nil)
            }
            if let when = section.when {
                script.sections[s].when = bind(when, ConditionScope(questions: questions, position: position))
            }
            for q in section.questions.indices {
                script.sections[s].questions[q] = bind(section.questions[q], listParent: nil, tipIDs: tipIDs)
            }
        }
        return script
    }

    private mutating func bind(_ draft: Question, listParent: String?, tipIDs: Set<String>) -> Question {
        var question = draft
        let position = questions[question.id]?.order ?? 0
        checkTips(question.tips, known: tipIDs, at: question.location)
        checkTemplate(question.prompt, at: question.location, position: position, listParent: listParent, current: nil)
        if let when = question.when {
            question.when = bind(when, ConditionScope(questions: questions, position: position, listParent: listParent))
        }
        for p in question.probes.indices {
            let probe = question.probes[p]
            let scope = ConditionScope(questions: questions, position: position,
                                       current: (question.id, question.kind), listParent: listParent)
            question.probes[p].condition = bind(probe.condition, scope)
            checkTemplate(probe.prompt, at: probe.location, position: position, listParent: listParent, current: question.id)
        }
        question.each = question.each.map { bind($0, listParent: question.id, tipIDs: tipIDs) }
        return question
    }

    private mutating func bind(_ condition: Condition, _ scope: ConditionScope) -> Condition {
        let result = ConditionParser.parse(condition.source, scope: scope, language: language)
        for issue in result.issues {
            let at = condition.location.movedRight(by: issue.offset)
            reader.report(issue.isWarning
                ? .warning(issue.code, "\(issue.message): \(condition.source)", at: at)
                : .error(issue.code, issue.message, at: at))
        }
        var bound = condition
        if let expression = result.expression { bound.expression = expression }
        bound.references = result.references
        return bound
    }

    // MARK: - Questions and ids

    private mutating func collectQuestions(_ script: Script) {
        var order = 0
        for section in script.sections {
            for question in section.questions {
                register(question, order: &order, listParent: nil)
                for follow in question.each { register(follow, order: &order, listParent: question.id) }
            }
        }
    }

    private mutating func register(_ question: Question, order: inout Int, listParent: String?) {
        if let earlier = questions[question.id] {
            reader.report(.error(.duplicateID, "question id '\(question.id)' is already used at \(earlier.location)", at: question.location))
            return
        }
        questions[question.id] = .init(kind: question.kind, order: order, listParent: listParent, location: question.location)
        order += 1
    }

    /// An earlier id names one question's past: not a question of today, not two questions.
    private mutating func checkRenames(_ script: Script) {
        var claimed: [String: String] = [:]
        let all = script.sections.flatMap(\.questions).flatMap { [$0] + $0.each }
        for question in all {
            for earlier in question.renamedFrom {
                if questions[earlier] != nil {
                    reader.report(.error(.duplicateID, "'\(question.id)' is renamed from '\(earlier)', which is a question of this script",
                                         at: question.location))
                } else if let other = claimed[earlier] {
                    reader.report(.error(.duplicateID, "'\(question.id)' and '\(other)' are both renamed from '\(earlier)'",
                                         at: question.location))
                } else {
                    claimed[earlier] = question.id
                }
            }
        }
    }

    private mutating func checkUniqueIDs(_ script: Script) {
        var sections: [String: SourceLocation] = [:]
        for section in script.sections {
            if let earlier = sections[section.id] {
                reader.report(.error(.duplicateID, "section id '\(section.id)' is already used at \(earlier)", at: section.location))
            } else {
                sections[section.id] = section.location
            }
            for question in section.questions.flatMap({ [$0] + $0.each }) {
                var probes: Set<String> = []
                for probe in question.probes where !probes.insert(probe.id).inserted {
                    reader.report(.error(.duplicateID, "probe id '\(probe.id)' appears twice in '\(question.id)'", at: probe.location))
                }
            }
        }
        var tips: Set<String> = []
        for tip in script.tips where !tips.insert(tip.id).inserted {
            reader.report(.error(.duplicateID, "tip id '\(tip.id)' appears twice", at: tip.location))
        }
    }

    private mutating func checkTips(_ ids: [String], known: Set<String>, at location: SourceLocation) {
        for id in ids where !known.contains(id) {
            reader.report(.error(.unknownTip, "unknown tip '\(id)'\(suggestion(id, among: Array(known)))", at: location))
        }
    }

    private mutating func checkTemplate(_ template: Template, at owner: SourceLocation, position: Int,
                                        listParent: String?, current: String?) {
        let location = template.location ?? owner
        if template.usesItem && listParent == nil {
            reader.report(.error(.itemOutsideList, "{item} is only known in a list's 'each' questions", at: location))
        }
        for id in template.referencedQuestions {
            guard let info = questions[id] else {
                reader.report(.error(.unknownQuestion, "unknown question '\(id)' in {answer:\(id)}\(suggestion(id, among: Array(questions.keys)))",
                                     at: location))
                continue
            }
            if let parent = info.listParent, parent != listParent {
                reader.report(.error(.perItemQuestionOutsideList,
                                     "'\(id)' is asked once per item of '\(parent)' and can only be shown in that list's follow-ups", at: location))
            } else if info.order >= position && id != current {
                reader.report(.error(.questionAskedLater, "{answer:\(id)} is asked later (\(info.location)), so it is not known here", at: location))
            }
        }
    }
}
