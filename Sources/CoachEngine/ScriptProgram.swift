import CoachScript
import CoachText

/// A script laid out for running: every question in asking order with what navigation needs.
/// Built once per script and shared by all conversations on it.
public final class ScriptProgram: Sendable {
    /// A class, so that reading one on every turn is a single retain rather than a copy of the question.
    public final class Entry: Sendable {
        public let question: Question
        public let section: Int
        /// 1-based among the section's top-level questions (a follow-up shares its list's).
        public let numberInSection: Int
        /// For a per-item follow-up: its list question's index.
        public let parent: Int?
        /// For a list: its per-item follow-ups' indices.
        public let each: [Int]
        /// Position among top-level questions (a follow-up shares its list's).
        public let topLevelOrder: Int
        /// What the probe conditions read of the answer's analysis, made once before the probes; nil when nothing.
        let probesReadQuality: QualityNeeds?
        // The question's parts the engine reads on every turn, kept apart so that reading one
        // does not copy the whole question.
        public let id: String
        public let kind: QuestionKind
        /// The prompt and each probe's prompt, made ready: most have no placeholders and are
        /// read without copying a template out of the script.
        let prompt: PreparedText
        let probePrompts: [PreparedText]
        let required: Bool
        let when: Expression?
        let probes: [Probe]
        let tips: [String]

        init(question: Question, section: Int, numberInSection: Int, parent: Int?, each: [Int], topLevelOrder: Int,
             indexOf: (String) -> Int?) {
            self.question = question
            self.section = section
            self.numberInSection = numberInSection
            self.parent = parent
            self.each = each
            self.topLevelOrder = topLevelOrder
            probesReadQuality = question.probes.reduce(nil) { needs, probe in
                guard let read = probe.condition.expression.qualityNeeds(of: .current) else { return needs }
                return needs?.union(read) ?? read
            }
            id = question.id
            kind = question.kind
            prompt = PreparedText(question.prompt, indexOf: indexOf)
            probePrompts = question.probes.map { PreparedText($0.prompt, indexOf: indexOf) }
            required = question.required
            when = question.when?.expression
            probes = question.probes
            tips = question.tips
        }
    }

    public let script: Script
    public let questions: [Entry]
    public let messages: Messages
    /// For what names a question at run time (a jump, a sharing choice, a template); conditions
    /// have their questions' indices from the loader.
    private let indexByID: [String: Int]
    /// For each top-level question, the next top-level question's index (nil at the end).
    private let nextTopLevel: [Int?]
    let sectionConditions: [Expression?]
    /// The tips shown with each section and each question, looked up once.
    let sectionTips: [[TipView]]
    let questionTips: [[TipView]]
    /// Each section's header, made once unless its intro has placeholders.
    let plainSectionHeaders: [SectionHeader?]
    /// Each section's intro, made ready.
    let sectionIntros: [PreparedText?]
    /// Each question's first step slot (see `stepSlot(of:)`).
    private let firstStepSlots: [Int]
    /// How many step slots there are: one per question and one per probe.
    public let stepSlotCount: Int
    /// Each step slot's prompt, as far as the script alone decides it (a per-item follow-up's with item 0).
    let promptSteps: [Prompt.Step]
    /// Each list question's prompt for its next item; nil for other questions.
    let nextItemSteps: [Prompt.Step?]

    public init(_ script: Script) {
        self.script = script
        messages = Messages(script.language, farewell: script.farewell)
        // Questions are numbered in asking order: a list's follow-ups right after it.
        let asked = script.sections.flatMap { $0.questions.flatMap { [$0.id] + $0.each.map(\.id) } }
        let indexByID = Dictionary(asked.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        self.indexByID = indexByID
        let indexOf = { (id: String) in indexByID[id] }
        var entries: [Entry] = []
        var counts: [Int] = []
        var topLevel = 0
        var topLevelIndices: [Int] = []
        for (s, section) in script.sections.enumerated() {
            counts.append(section.questions.count)
            for (n, question) in section.questions.enumerated() {
                let index = entries.count
                let eachIndices = question.each.indices.map { index + 1 + $0 }
                entries.append(Entry(question: question, section: s, numberInSection: n + 1, parent: nil,
                                     each: eachIndices, topLevelOrder: topLevel, indexOf: indexOf))
                topLevelIndices.append(index)
                for follow in question.each {
                    entries.append(Entry(question: follow, section: s, numberInSection: n + 1, parent: index,
                                         each: [], topLevelOrder: topLevel, indexOf: indexOf))
                }
                topLevel += 1
            }
        }
        var next = [Int?](repeating: nil, count: entries.count)
        for (position, index) in topLevelIndices.enumerated() where position + 1 < topLevelIndices.count {
            next[index] = topLevelIndices[position + 1]
        }
        questions = entries
        nextTopLevel = next
        sectionConditions = script.sections.map { $0.when?.expression }
        let tipsByID = Dictionary(script.tips.map { ($0.id, TipView(id: $0.id, title: $0.title, text: $0.text)) },
                                  uniquingKeysWith: { first, _ in first })
        sectionTips = script.sections.map { $0.tips.compactMap { tipsByID[$0] } }
        questionTips = entries.map { $0.tips.compactMap { tipsByID[$0] } }
        plainSectionHeaders = script.sections.enumerated().map { number, section in
            if let intro = section.intro, intro.plainText == nil { return nil }
            return SectionHeader(id: section.id, title: section.title, intro: section.intro?.plainText,
                                 number: number + 1, count: script.sections.count, isScriptOwn: true)
        }
        sectionIntros = script.sections.map { $0.intro.map { PreparedText($0, indexOf: indexOf) } }
        var slots = 0
        firstStepSlots = entries.map { entry in
            defer { slots += 1 + entry.probes.count }
            return slots
        }
        stepSlotCount = slots
        var promptSteps: [Prompt.Step] = []
        var nextItemSteps: [Prompt.Step?] = []
        for (index, entry) in entries.enumerated() {
            let progress = Self.progress(of: entry, sections: script.sections.count, sectionQuestionCounts: counts, topLevelCount: topLevel)
            let question = StepID(question: entry.id, item: entry.parent.map { StepID.Item(list: entries[$0].id, index: 0) })
            let kind: Prompt.Kind = switch entry.kind {
            case .text: .text
            case .yesNo: .yesNo
            case .choice(let options): .choice(options)
            case .scale(let scale): .scale(scale)
            case .list: .list(itemsSoFar: 0)
            }
            promptSteps.append(Prompt.Step(step: question, plainText: entry.prompt.plainText, kind: kind, required: entry.required,
                                           progress: progress, slot: promptSteps.count))
            nextItemSteps.append(entry.kind.isList
                ? Prompt.Step(step: question, plainText: messages.nextListItem, kind: .list(itemsSoFar: 0), required: false,
                              progress: progress, slot: promptSteps.count - 1)
                : nil)
            for (probe, prompt) in zip(entry.probes, entry.probePrompts) {
                var step = question
                step.probe = probe.id
                promptSteps.append(Prompt.Step(step: step, plainText: prompt.plainText, kind: .text, required: false,
                                               progress: progress, slot: promptSteps.count))
            }
            assert(promptSteps.count == firstStepSlots[index] + 1 + entry.probes.count)
        }
        self.promptSteps = promptSteps
        self.nextItemSteps = nextItemSteps
    }

    /// Numbers the question or probe `position` asks, from 0 up to `stepSlotCount`, whatever list
    /// item it is about: front ends keep what they made of a step in an array under it.
    public func stepSlot(of position: Conversation.Position) -> Int {
        if case .probe(let index, _, let probe, _) = position { return firstStepSlots[index] + 1 + probe }
        return firstStepSlots[position.index]
    }

    public func index(of questionID: String) -> Int? { indexByID[questionID] }

    /// What `position` asks, by its ids.
    public func step(at position: Conversation.Position) -> StepID {
        var step = promptSteps[stepSlot(of: position)].step
        step.item?.index = position.item
        return step
    }

    /// Where question `index` stands in the dialogue.
    public func progress(of index: Int) -> Progress {
        promptSteps[firstStepSlots[index]].progress
    }

    private static func progress(of entry: Entry, sections: Int, sectionQuestionCounts: [Int], topLevelCount: Int) -> Progress {
        Progress(section: entry.section + 1, sections: sections, question: entry.numberInSection,
                 questions: sectionQuestionCounts[entry.section], fraction: Double(entry.topLevelOrder) / Double(max(1, topLevelCount)))
    }

    var firstQuestion: Int? { questions.isEmpty ? nil : 0 }

    func nextTopLevel(after index: Int) -> Int? { nextTopLevel[index] }
}
