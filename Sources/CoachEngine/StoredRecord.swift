/// An answer record as a conversation keeps it: sixteen bytes, its text a span of the log's text.
/// `AnswerRecord` is the same record as a value with strings, made when asked for.
struct StoredRecord: Hashable, Sendable {
    /// Where its text begins in `EventLog.text`.
    var start: UInt32
    /// The length of its text and its probe answers, one per line: the text conditions read.
    var fullLength: UInt32
    /// For a per-item follow-up: which item of its list (0-based); otherwise -1.
    var item: Int32
    /// Index into `ScriptProgram.questions`.
    var question: UInt16
    /// The option index, 1/0 for yes/no, the scale number less the scale's minimum (a scale has at
    /// most 100 steps), -1 for text and lists, `skipped` when skipped.
    var choice: Int16

    static let skipped = Int16.min

    var isSkipped: Bool { choice == Self.skipped }
    var span: Range<Int> { Int(start)..<Int(start) + Int(fullLength) }

    init(question: Int, item: Int, choice: Int16, span: Range<Int>) {
        self.question = UInt16(question)
        self.item = Int32(item)
        self.choice = choice
        start = UInt32(span.lowerBound)
        fullLength = UInt32(span.count)
    }

    static func skipped(question: Int, item: Int) -> StoredRecord {
        StoredRecord(question: question, item: item, choice: skipped, span: 0..<0)
    }
}

/// A probe answer: which record and probe it belongs to, and its text in `EventLog.text`.
struct StoredProbeAnswer: Hashable, Sendable {
    var start: UInt32
    var length: UInt32
    var record: UInt32
    var probe: UInt32

    var span: Range<Int> { Int(start)..<Int(start) + Int(length) }
}

extension Conversation {
    /// The record at `index`, as a value with its texts.
    func answerRecord(at index: Int) -> AnswerRecord {
        let stored = storedRecords[index]
        let probes = probeAnswers(of: index)
        let textEnd = probes.first.map { Int($0.start) - 1 } ?? stored.span.upperBound
        var choice = Int(stored.choice)
        if !stored.isSkipped, case .scale(let scale) = program.questions[Int(stored.question)].kind { choice += scale.min }
        return AnswerRecord(question: Int(stored.question), item: Int(stored.item), choice: stored.isSkipped ? -1 : choice,
                            isSkipped: stored.isSkipped, text: log.string(stored.span.lowerBound..<textEnd),
                            probeAnswers: probes.map { .init(probe: Int($0.probe), text: log.string($0.span)) })
    }

    /// The probe answers of record `index`: the last ones, as only the last record takes probe answers.
    func probeAnswers(of index: Int) -> ArraySlice<StoredProbeAnswer> {
        var first = storedProbes.count
        while first > 0 && storedProbes[first - 1].record >= index {
            first -= 1
        }
        var end = first
        while end < storedProbes.count && storedProbes[end].record == index { end += 1 }
        return storedProbes[first..<end]
    }

    /// The full text of record `index` (answer and probe answers), as bytes for the analysis.
    func withFullText<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let span = storedRecords[index].span
        return log.text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[span])) }
    }

    /// How many items list record `index` holds.
    func itemCount(of index: Int) -> Int {
        let span = storedRecords[index].span
        guard !span.isEmpty else { return 0 }
        return log.text[span].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
    }

    /// The list item at `item` of list record `index`.
    func item(_ item: Int, of index: Int) -> String? {
        let span = storedRecords[index].span
        guard item >= 0, !span.isEmpty else { return nil }
        var line = 0
        var start = span.lowerBound
        for position in span.lowerBound...span.upperBound where position == span.upperBound || log.text[position] == 0x0A {
            if line == item { return log.string(start..<position) }
            line += 1
            start = position + 1
        }
        return nil
    }

    /// Adds `addition` (a span of the log's text) to the end of the last record's full text, one
    /// per line; returns where it lies then. When the two do not lie together in the log (the
    /// answer had spaces around it, or an item was taken back), the whole text is gathered anew.
    mutating func extendLastRecord(with addition: Range<Int>) -> Range<Int> {
        let index = storedRecords.count - 1
        let span = storedRecords[index].span
        if span.upperBound + 1 == addition.lowerBound && log.text[span.upperBound] == 0x0A {
            storedRecords[index].fullLength = UInt32(addition.upperBound - span.lowerBound)
            return addition
        }
        let gathered = log.appendText(Array(log.text[span]) + [0x0A] + Array(log.text[addition]))
        let shift = gathered.lowerBound - span.lowerBound
        var probe = storedProbes.count
        while probe > 0 && storedProbes[probe - 1].record == index {
            probe -= 1
            storedProbes[probe].start = UInt32(Int(storedProbes[probe].start) + shift)
        }
        storedRecords[index].start = UInt32(gathered.lowerBound)
        storedRecords[index].fullLength = UInt32(gathered.count)
        return gathered.upperBound - addition.count..<gathered.upperBound
    }
}
