import CoachScript
import CoachText

/// Moving forward: probes after an answer, a list's per-item follow-ups, the next question whose
/// conditions hold, and the end.
extension Conversation {
    /// Asks the first probe from `probe` on whose condition holds on the answer so far, or moves on.
    mutating func askProbes(of index: Int, item: Int, from probe: Int, round: Int, into outputs: inout [Output]) {
        let entry = program.questions[index]
        let probes = entry.probes
        var probe = probe
        var round = round
        if probe < probes.count {
            // `words < 8 or vague` reads the analysis twice: make it once.
            let current = storedRecords.count - 1
            let quality = entry.probesReadQuality.map { needs in store.withAnalysedText(of: current, in: program) { AnswerQuality(utf8: $0, needs: needs) } }
            let firing = withContext(item: item, current: current, currentQuality: quality) { context in
                while probe < probes.count {
                    if round < probes[probe].max && probes[probe].condition.expression.holds(in: context) { return true }
                    probe += 1
                    round = 0
                }
                return false
            }
            if firing {
                return ask(.probe(index: index, item: item, probe: probe, round: round), isRepeat: false, into: &outputs)
            }
        }
        advance(after: index, item: item, into: &outputs)
    }

    /// The next step after question `index` is done with.
    mutating func advance(after index: Int, item: Int, into outputs: inout [Output]) {
        let entry = program.questions[index]
        if let parent = entry.parent {
            let next = program.questions[parent].each.firstIndex(of: index)! + 1
            return enterFollowUps(ofList: parent, item: item, from: next, into: &outputs)
        }
        enterTopLevel(from: program.nextTopLevel(after: index), after: entry.section, into: &outputs)
    }

    mutating func advanceIntoFollowUps(ofList index: Int, into outputs: inout [Output]) {
        enterFollowUps(ofList: index, item: 0, from: 0, into: &outputs)
    }

    private mutating func enterFollowUps(ofList list: Int, item: Int, from followUp: Int, into outputs: inout [Output]) {
        let entry = program.questions[list]
        if let record = storedRecords.lastIndex(where: { $0.question == list }), !storedRecords[record].isSkipped,
           !entry.each.isEmpty {
            let itemCount = min(store.itemCount(of: record), StoredRecord.followedItems)
            var item = item
            var followUp = followUp
            while item < itemCount {
                while followUp < entry.each.count {
                    let candidate = entry.each[followUp]
                    if conditionHolds(program.questions[candidate].when, item: item) {
                        return ask(.question(index: candidate, item: item), isRepeat: false, into: &outputs)
                    }
                    followUp += 1
                }
                item += 1
                followUp = 0
            }
        }
        enterTopLevel(from: program.nextTopLevel(after: list), after: entry.section, into: &outputs)
    }

    /// Asks the first top-level question from `start` on whose section and question conditions hold.
    mutating func enterTopLevel(from start: Int?, after previousSection: Int, into outputs: inout [Output]) {
        var candidate = start
        var checkedSection = previousSection
        var sectionIncluded = true
        while let index = candidate {
            let entry = program.questions[index]
            if entry.section != checkedSection {
                checkedSection = entry.section
                sectionIncluded = conditionHolds(program.sectionConditions[entry.section], item: -1)
            }
            if sectionIncluded && conditionHolds(entry.when, item: -1) {
                return ask(.question(index: index, item: -1), isRepeat: false, into: &outputs)
            }
            candidate = program.nextTopLevel(after: index)
        }
        status = .ended
        position = nil
        outputs.append(.ended)
    }

    private func conditionHolds(_ condition: Expression?, item: Int) -> Bool {
        guard let condition else { return true }
        return withContext(item: item, current: nil) { condition.holds(in: $0) }
    }

    // MARK: - Prompts

    /// What is being asked now, by its ids.
    public var currentStep: StepID? {
        position.map(step(at:))
    }

    func step(at position: Position) -> StepID {
        program.step(at: position)
    }

    /// The question an answer was given to, as it was asked: its item and earlier answers filled in.
    public func question(of record: AnswerRecord) -> String {
        let entry = program.questions[record.question]
        return render(entry.prompt, item: record.item, list: entry.parent)
    }

    func prompt(for position: Position, isRepeat: Bool) -> Prompt {
        let entry = program.questions[position.index]
        let item = position.item
        switch position {
        case .probe(_, _, let probe, _):
            let fixed = program.promptSteps[program.stepSlot(of: position)]
            let filled = fixed.plainText == nil ? render(entry.probePrompts[probe], item: item, list: entry.parent) : nil
            return Prompt(fixed, item: item, filledText: filled, isRepeat: isRepeat)
        case .listItems(let index):
            let count = storedRecords.isEmpty ? 0 : store.itemCount(of: storedRecords.count - 1)
            return Prompt(program.nextItemSteps[index]!, item: item, filledText: nil, itemsSoFar: count, isRepeat: isRepeat)
        case .question:
            let fixed = program.promptSteps[program.stepSlot(of: position)]
            let filled = fixed.plainText == nil ? render(entry.prompt, item: item, list: entry.parent) : nil
            return Prompt(fixed, item: item, filledText: filled, isRepeat: isRepeat)
        }
    }
}

extension Conversation.Position {
    var item: Int {
        switch self {
        case .question(_, let item), .probe(_, let item, _, _): item
        case .listItems: -1
        }
    }
}
