/// An answer record as a conversation keeps it: twelve bytes, its text a span of the log's text.
/// `AnswerRecord` is the same record as a value with strings, made when asked for.
struct StoredRecord: Hashable, Sendable {
    /// Where its text and its probe answers, one per line, lie in the log's text (the text
    /// conditions read). A span that starts past 64 KiB or takes 64 KiB or more is kept in
    /// `Conversation.wideSpans` instead, and `isWide` says so.
    private(set) var shortStart: UInt16 = 0
    private(set) var shortLength: UInt16 = 0
    /// For a per-item follow-up, which item of its list (0-based). For any other question, its
    /// choice: the option index, 1/0 for yes/no, the scale number less the scale's minimum (a
    /// scale has at most 100 steps), -1 for text and lists. A per-item follow-up's choice is read
    /// again from its text, which the answer check accepted.
    private let detail: UInt16
    private var flags: UInt16 = 0
    /// The question's index into `ScriptProgram.questions`: thirty-two bits, so that no script is
    /// too long for a conversation to number its questions.
    private let questionIndex: UInt32

    private static let wideBit: UInt16 = 1 << 0
    private static let skippedBit: UInt16 = 1 << 1
    /// Items past this many get no per-item follow-ups.
    static let followedItems = Int(UInt16.max)

    var question: Int { Int(questionIndex) }
    var isSkipped: Bool { flags & Self.skippedBit != 0 }
    var isWide: Bool { flags & Self.wideBit != 0 }

    /// `item` for a per-item follow-up, else -1 and `choice`. Its span is set by the conversation.
    init(question: Int, item: Int, choice: Int) {
        questionIndex = UInt32(question)
        detail = item >= 0 ? UInt16(item) : UInt16(bitPattern: Int16(choice))
    }

    static func skipped(question: Int, item: Int) -> StoredRecord {
        var record = StoredRecord(question: question, item: item, choice: -1)
        record.flags |= skippedBit
        return record
    }

    /// Sets its span; false when the span does not fit, and is then kept beside the record.
    mutating func setShortSpan(_ span: Range<Int>) -> Bool {
        guard span.lowerBound <= Int(UInt16.max) && span.count <= Int(UInt16.max) else {
            flags |= Self.wideBit
            return false
        }
        flags &= ~Self.wideBit
        shortStart = UInt16(span.lowerBound)
        shortLength = UInt16(span.count)
        return true
    }

    /// Its item, when it answers a per-item follow-up; else -1.
    func item(perItem: Bool) -> Int { perItem ? Int(detail) : -1 }

    /// What it holds of its choice.
    enum Choice {
        /// Text, lists and skips.
        case none
        /// The option index, 1/0 for yes/no, the scale number.
        case held(Int)
        /// A per-item follow-up's, read again from its text.
        case inText
    }

    /// Its choice, `entry` being its question's.
    func choice(_ entry: ScriptProgram.Entry) -> Choice {
        guard !isSkipped else { return .none }
        let minimum: Int
        switch entry.kind {
        case .text, .list: return .none
        case .yesNo, .choice: minimum = 0
        case .scale(let scale): minimum = scale.min
        }
        guard entry.parent == nil else { return .inText }
        return .held(Int(Int16(bitPattern: detail)) + minimum)
    }
}

/// A probe answer: which record and probe it belongs to, and its text in the log's text.
struct StoredProbeAnswer: Hashable, Sendable {
    var start: UInt32
    var length: UInt32
    var record: UInt32
    var probe: UInt32

    var span: Range<Int> { Int(start)..<Int(start) + Int(length) }
}

extension ConversationStore {
    /// Where the full text of record `index` lies (empty when skipped).
    func span(ofRecord index: Int) -> Range<Int> {
        let record = records[index]
        guard !record.isSkipped else { return 0..<0 }
        if record.isWide { return wideSpans[index]! }
        return Int(record.shortStart)..<Int(record.shortStart) + Int(record.shortLength)
    }

    /// Appends `record` with its full text at `span`, in one write.
    func appendRecord(_ record: StoredRecord, span: Range<Int>) {
        var record = record
        let isShort = record.setShortSpan(span)
        appendRecord(record)
        if !isShort { wideSpans[records.count - 1] = span }
    }

    /// Places record `index`'s full text at `span`.
    func setSpan(ofRecord index: Int, _ span: Range<Int>) {
        if records[index].setShortSpan(span) {
            if !wideSpans.isEmpty { wideSpans[index] = nil }
        } else {
            wideSpans[index] = span
        }
    }

    /// The answer of record `index` without its probe answers.
    func textSpan(of index: Int) -> Range<Int> {
        let span = span(ofRecord: index)
        guard let probe = probeAnswers(of: index).first else { return span }
        return span.lowerBound..<Int(probe.start) - 1
    }

    /// The list item record `index` is about, or -1.
    func item(ofRecord index: Int, in program: ScriptProgram) -> Int {
        let stored = records[index]
        return stored.item(perItem: program.questions[stored.question].parent != nil)
    }

    /// The option index, 1/0 for yes/no or the scale number of record `index`; nil for text,
    /// lists and skips. A per-item follow-up's is read again from its text (`text`, when the
    /// caller has it).
    func choice(of index: Int, in program: ScriptProgram, text: String? = nil) -> Int? {
        let stored = records[index]
        let entry = program.questions[stored.question]
        switch stored.choice(entry) {
        case .none: return nil
        case .held(let choice): return choice
        case .inText: break
        }
        guard case .accepted(let choice) = AnswerParser.parse(text ?? string(textSpan(of: index)), for: entry) else { return nil }
        return choice
    }

    /// The last record answering question `index` (for a per-item follow-up, about `item`), unless skipped.
    func lastAnswered(question index: Int, item: Int, in program: ScriptProgram) -> Int? {
        let perItem = program.questions[index].parent != nil
        let records = records
        guard let found = records.lastIndex(where: { $0.question == index && (!perItem || $0.item(perItem: true) == item) }),
              !records[found].isSkipped else { return nil }
        return found
    }

    /// The probe answers of record `index`: the last ones, as only the last record takes probe answers.
    func probeAnswers(of index: Int) -> Slice<UnsafeMutableBufferPointer<StoredProbeAnswer>> {
        let probes = probes
        var first = probes.count
        while first > 0 && probes[first - 1].record >= index {
            first -= 1
        }
        var end = first
        while end < probes.count && probes[end].record == index { end += 1 }
        return probes[first..<end]
    }

    /// The full text of record `index` (answer and probe answers), as bytes for the analysis.
    func withFullText<Result>(of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withText(span(ofRecord: index), body)
    }

    /// What the answer analysis reads of record `index`: all of it, but for a scale without its number,
    /// which is a rating and no cue, so that `vague` and `words` read the comment and the probe answers.
    func withAnalysedText<Result>(of index: Int, in program: ScriptProgram, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        withFullText(of: index) { text in
            guard case .scale = program.questions[records[index].question].kind else { return body(text) }
            let start = text.firstIndex { $0 != UInt8(ascii: "-") && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? text.count
            return body(UnsafeBufferPointer(rebasing: text[start...]))
        }
    }

    /// How many items list record `index` holds.
    func itemCount(of index: Int) -> Int {
        withFullText(of: index) { text in text.isEmpty ? 0 : text.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 } }
    }

    /// Where line `number` (0-based) of `text` lies, without its newline; nil past the last line.
    static func line(_ number: Int, of text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard !text.isEmpty else { return nil }
        var line = 0
        var start = 0
        for position in 0...text.count where position == text.count || text[position] == 0x0A {
            if line == number { return start..<position }
            line += 1
            start = position + 1
        }
        return nil
    }
}

extension Conversation {
    /// The record at `index`, as a value with its texts.
    func answerRecord(at index: Int) -> AnswerRecord {
        let stored = storedRecords[index]
        let probes = store.probeAnswers(of: index)
        let text = store.string(store.textSpan(of: index))
        return AnswerRecord(question: stored.question, item: store.item(ofRecord: index, in: program),
                            choice: store.choice(of: index, in: program, text: text) ?? -1,
                            isSkipped: stored.isSkipped, text: text,
                            probeAnswers: probes.map { .init(probe: Int($0.probe), text: store.string($0.span)) })
    }

    /// Adds `addition` (a span of the log's text) to the end of the last record's full text, one
    /// per line; returns where it lies then. When the two do not lie together in the log (the
    /// answer had spaces around it, or an item was taken back), the whole text is gathered anew.
    mutating func extendLastRecord(with addition: Range<Int>) -> Range<Int> {
        let index = storedRecords.count - 1
        let span = store.span(ofRecord: index)
        if span.upperBound + 1 == addition.lowerBound && store.withText(span.upperBound..<addition.lowerBound, { $0[0] == 0x0A }) {
            store.setSpan(ofRecord: index, span.lowerBound..<addition.upperBound)
            return addition
        }
        let gathered = log.gather(span, addition)
        let shift = gathered.lowerBound - span.lowerBound
        let probes = storedProbes
        var probe = probes.count
        while probe > 0 && probes[probe - 1].record == index {
            probe -= 1
            probes[probe].start = UInt32(Int(probes[probe].start) + shift)
        }
        store.setSpan(ofRecord: index, gathered)
        return gathered.upperBound - addition.count..<gathered.upperBound
    }
}
