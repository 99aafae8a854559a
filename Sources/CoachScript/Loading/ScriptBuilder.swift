import CoachText
import Yams

/// Walks the YAML tree into the script model. Conditions are only parsed for syntax here; the
/// `ConditionBinder` checks them once every question is known.
struct ScriptBuilder {
    var reader: NodeReader

    func location(_ node: Node) -> SourceLocation { reader.location(node) }

    mutating func script(_ root: Node, contentHash: String) -> Script? {
        guard let fields = reader.mapping(root, what: "a script",
                                          allowed: ["script", "version", "language", "title", "greeting", "farewell", "tips", "sections"],
                                          required: ["script", "version", "language", "title", "sections"]) else { return nil }
        let id = reader.id(fields["script"], "the script id")
        let version = reader.int(fields["version"], "the script version")
        var language: Language?
        if let node = fields["language"], let code = reader.string(node, "the language") {
            language = Language(rawValue: code)
            if language == nil {
                reader.error(.unsupportedLanguage, "unsupported language '\(code)': use 'da' or 'en'", at: node)
            }
        }
        let title = reader.nonEmptyString(fields["title"], "the script title")
        let greeting = fields["greeting"].flatMap { template($0, "the greeting") }
        let tips = (reader.sequence(fields["tips"], "tips") ?? []).compactMap { tip($0) }
        let sectionNodes = reader.sequence(fields["sections"], "sections") ?? []
        if fields["sections"] != nil && sectionNodes.isEmpty {
            reader.error(.noSections, "the script has no sections", at: fields["sections"]!)
        }
        let sections = sectionNodes.compactMap { section($0) }
        // A header field in error (already reported) does not stop the check: the sections' conditions
        // are bound and checked all the same, so that one pass names every problem. The script itself
        // is not handed out, an error having been reported.
        var script = Script(id: id ?? "?", version: version ?? 0, language: language ?? .danish, title: title ?? "?", greeting: greeting,
                            sections: sections, tips: tips, contentHash: contentHash, location: location(root))
        script.farewell = fields["farewell"].flatMap { reader.nonEmptyString($0, "the farewell") }
        return script
    }

    private mutating func tip(_ node: Node) -> Tip? {
        guard let fields = reader.mapping(node, what: "a tip", allowed: ["id", "title", "text"], required: ["id", "text"]) else { return nil }
        let id = reader.id(fields["id"], "the tip id")
        let title = reader.string(fields["title"], "the tip title") ?? ""
        let text = reader.nonEmptyString(fields["text"], "the tip text")
        guard let id, let text else { return nil }
        return Tip(id: id, title: title, text: text, location: location(node))
    }

    private mutating func section(_ node: Node) -> Section? {
        guard let fields = reader.mapping(node, what: "a section", allowed: ["id", "title", "intro", "when", "tips", "questions"],
                                          required: ["id", "title", "questions"]) else { return nil }
        let id = reader.id(fields["id"], "the section id")
        let title = reader.nonEmptyString(fields["title"], "the section title")
        let intro = fields["intro"].flatMap { template($0, "the section intro") }
        let when = fields["when"].flatMap { condition($0) }
        let tips = reader.idList(fields["tips"], "tip ids").map(\.id)
        let questionNodes = reader.sequence(fields["questions"], "questions") ?? []
        if let questionsNode = fields["questions"], questionNodes.isEmpty, case .sequence = questionsNode {
            reader.error(.emptySection, "section '\(id ?? "?")' has no questions", at: questionsNode)
        }
        let questions = questionNodes.compactMap { question($0, insideList: false) }
        guard let id, let title else { return nil }
        return Section(id: id, title: title, intro: intro, when: when, tips: tips, questions: questions, location: location(node))
    }

    private mutating func question(_ node: Node, insideList: Bool, listSharing: Sharing = .shared) -> Question? {
        guard let fields = reader.mapping(node, what: "a question",
                                          allowed: ["id", "ask", "type", "options", "scale", "when", "probes", "tags", "tips", "required", "each",
                                                    "renamed_from", "share"],
                                          required: ["id", "ask"]) else { return nil }
        let id = reader.id(fields["id"], "the question id")
        if let id, Self.reservedNames.contains(id), let idNode = fields["id"] {
            reader.error(.invalidID, "'\(id)' is a word of the condition language and cannot be a question id", at: idNode)
        }
        let prompt = fields["ask"].flatMap { template($0, "the question") }
        let kind = questionKind(fields, questionID: id ?? "?")
        let when = fields["when"].flatMap { condition($0) }
        let probes = (reader.sequence(fields["probes"], "probes") ?? []).compactMap { probe($0) }
        let tags = reader.idList(fields["tags"], "tags").map(\.id)
        let tips = reader.idList(fields["tips"], "tip ids").map(\.id)
        let required = reader.bool(fields["required"], "required") ?? true
        let sharing = fields["share"].map { readSharing($0) } ?? listSharing
        var each: [Question] = []
        if let eachNode = fields["each"] {
            if kind != .list {
                reader.error(.keyNotForType, "'each' is for list questions; '\(id ?? "?")' is \(kind?.name ?? "not a list")",
                             at: fields.keyNodes["each"]!)
            } else if insideList {
                reader.error(.keyNotForType, "a per-item question cannot have its own 'each'", at: fields.keyNodes["each"]!)
            }
            // A list's follow-ups are as private as the list unless they say otherwise.
            each = (reader.sequence(eachNode, "each") ?? []).compactMap { question($0, insideList: true, listSharing: sharing) }
        }
        if kind == .list, let probesNode = fields.keyNodes["probes"] {
            reader.error(.keyNotForType, "probes on a list question have no single answer to look at; put them on its 'each' questions",
                         at: probesNode)
        }
        // One earlier id, or a list of them.
        let renamedFrom = fields["renamed_from"].map { node in
            node.scalar != nil ? [reader.id(node, "the earlier id")].compactMap { $0 } : reader.idList(node, "earlier ids").map(\.id)
        } ?? []
        guard let id, let prompt, let kind else { return nil }
        return Question(id: id, kind: kind, prompt: prompt, when: when, probes: probes, tags: tags, tips: tips,
                        required: required, each: each, renamedFrom: renamedFrom, sharing: sharing, location: location(node))
    }

    /// `share: private` or `share: shared`.
    private mutating func readSharing(_ node: Node) -> Sharing {
        guard let value = reader.string(node, "share") else { return .shared }
        if let sharing = Sharing(rawValue: value) { return sharing }
        reader.error(.invalidValue, "'share' is 'private' or 'shared', not '\(value)'\(suggestion(value, among: Sharing.allCases.map(\.rawValue)))", at: node)
        return .shared
    }

    static let reservedNames: Set<String> = Set(["answer", "words", "chars", "count", "mentions", "answered", "has_date", "probed", "and", "or", "not"]
        + QualityTest.allCases.map(\.rawValue))

    private mutating func questionKind(_ fields: NodeReader.Fields, questionID: String) -> QuestionKind? {
        let typeName = fields["type"].flatMap { reader.string($0, "the question type") } ?? "text"
        let kind: QuestionKind?
        switch typeName {
        case "text": kind = .text
        case "yes-no": kind = .yesNo
        case "list": kind = .list
        case "choice": kind = choiceKind(fields, questionID: questionID)
        case "scale": kind = scaleKind(fields)
        default:
            reader.error(.unknownQuestionType,
                         "unknown question type '\(typeName)'\(suggestion(typeName, among: ["text", "yes-no", "choice", "scale", "list"]))",
                         at: fields["type"]!)
            return nil
        }
        if typeName != "choice", let optionsKey = fields.keyNodes["options"] {
            reader.error(.keyNotForType, "'options' is for choice questions; this is a \(typeName) question", at: optionsKey)
        }
        if typeName != "scale", let scaleKey = fields.keyNodes["scale"] {
            reader.error(.keyNotForType, "'scale' is for scale questions; this is a \(typeName) question", at: scaleKey)
        }
        return kind
    }

    private mutating func choiceKind(_ fields: NodeReader.Fields, questionID: String) -> QuestionKind? {
        guard let optionsNode = fields["options"] else {
            reader.error(.missingKey, "a choice question needs 'options'", at: fields.node)
            return nil
        }
        var options: [ChoiceOption] = []
        var seen: Set<String> = []
        for node in reader.sequence(optionsNode, "options") ?? [] {
            guard let option = reader.mapping(node, what: "an option", allowed: ["id", "label"], required: ["id", "label"]),
                  let id = reader.id(option["id"], "the option id"),
                  let label = reader.nonEmptyString(option["label"], "the option label") else { continue }
            if !seen.insert(id).inserted {
                reader.error(.duplicateID, "option '\(id)' appears twice in '\(questionID)'", at: option["id"]!)
            }
            options.append(ChoiceOption(id: id, label: label))
        }
        if options.count < 2 || options.count > 1000 {
            reader.error(.optionCount, "a choice question has two to 1,000 options (found \(options.count))", at: optionsNode)
        }
        return .choice(options)
    }

    private mutating func scaleKind(_ fields: NodeReader.Fields) -> QuestionKind? {
        guard let scaleNode = fields["scale"] else { return .scale(ScaleSpec(min: 1, max: 5, minLabel: nil, maxLabel: nil)) }
        guard let scale = reader.mapping(scaleNode, what: "a scale", allowed: ["min", "max", "min_label", "max_label"],
                                         required: ["min", "max"]),
              let min = reader.int(scale["min"], "the scale minimum"),
              let max = reader.int(scale["max"], "the scale maximum") else { return nil }
        guard min < max, max - min <= 100 else {
            reader.error(.badScale, "a scale runs from a smaller to a larger whole number, at most 100 steps (found \(min)–\(max))", at: scaleNode)
            return nil
        }
        return .scale(ScaleSpec(min: min, max: max, minLabel: reader.string(scale["min_label"], "the minimum label"),
                                maxLabel: reader.string(scale["max_label"], "the maximum label")))
    }

    private mutating func probe(_ node: Node) -> Probe? {
        guard let fields = reader.mapping(node, what: "a probe", allowed: ["id", "if", "ask", "max"], required: ["id", "if", "ask"])
        else { return nil }
        let id = reader.id(fields["id"], "the probe id")
        let condition = fields["if"].flatMap { self.condition($0) }
        let prompt = fields["ask"].flatMap { template($0, "the probe") }
        let max = reader.int(fields["max"], "max") ?? 1
        if max < 1, let maxNode = fields["max"] {
            reader.error(.invalidValue, "a probe's 'max' is at least 1", at: maxNode)
        }
        guard let id, let condition, let prompt else { return nil }
        return Probe(id: id, condition: condition, prompt: prompt, max: Swift.max(1, max), location: location(node))
    }

    // MARK: - Text with placeholders and conditions

    private mutating func template(_ node: Node, _ what: String) -> Template? {
        guard let text = reader.nonEmptyString(node, what) else { return nil }
        var (template, issues) = Template.parse(text)
        template.location = reader.textLocation(node)
        for issue in issues {
            reader.report(.error(.unknownPlaceholder,
                                 "unknown placeholder \(issue.placeholder): use {answer:question-id} or {item}",
                                 at: reader.textLocation(node).movedRight(by: issue.offset)))
        }
        return template
    }

    /// A condition's source and place; its meaning is bound later by `ConditionBinder`.
    private mutating func condition(_ node: Node) -> Condition? {
        guard let source = reader.nonEmptyString(node, "a condition") else { return nil }
        return Condition(source: source, expression: .answered(.current), location: reader.textLocation(node), references: [])
    }
}
