import CoachScript

/// A prompt's or an intro's text made ready once per program: as it is when it has no
/// placeholders, else as bytes and placeholders, so that filling it in on a turn builds one
/// string from bytes rather than a string per part.
enum PreparedText: Sendable {
    case plain(String)
    case parts([Part])

    enum Part: Sendable {
        case text([UInt8])
        /// The list item a per-item follow-up is about.
        case item
        /// An earlier answer, by its question's index; nil when no question has the id.
        case answer(question: Int?)
    }

    init(_ template: Template, indexOf: (String) -> Int?) {
        if let plain = template.plainText {
            self = .plain(plain)
            return
        }
        self = .parts(template.parts.map { part in
            switch part {
            case .text(let text): .text(Array(text.utf8))
            case .item: .item
            case .answer(let id): .answer(question: indexOf(id))
            }
        })
    }

    /// The text, when it has no placeholders.
    var plainText: String? {
        if case .plain(let text) = self { text } else { nil }
    }
}

extension Conversation {
    /// `text` filled in: `{item}` with item `item` of list question `list`'s last record (empty
    /// when there is none), an answer as it reads inside a prompt, or "…" when not given.
    func render(_ text: PreparedText, item: Int, list: Int?) -> String {
        let parts: [PreparedText.Part]
        switch text {
        case .plain(let plain): return plain
        case .parts(let prepared): parts = prepared
        }
        let listRecord = list.flatMap { list in storedRecords.lastIndex { $0.question == list } }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Self.renderedCapacity)
        for part in parts {
            switch part {
            case .text(let text):
                bytes.append(contentsOf: text)
            case .item:
                if let listRecord { appendItem(item, ofRecord: listRecord, to: &bytes) }
            case .answer(let question):
                let record = question.flatMap { store.lastAnswered(question: $0, item: item, in: program) }
                if !(record.map { appendDisplay(ofRecord: $0, to: &bytes) } ?? false) {
                    bytes.append(contentsOf: Self.notAnswered)
                }
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends item `item` (0-based) of list record `index`, if it has one.
    private func appendItem(_ item: Int, ofRecord index: Int, to bytes: inout [UInt8]) {
        guard item >= 0 else { return }
        store.withFullText(of: index) { text in
            if let line = ConversationStore.line(item, of: text) { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[line])) }
        }
    }

    /// Appends how record `index` reads inside another prompt: a list's items joined by ", ", an
    /// option's label, a scale's number; false when there is nothing to show.
    private func appendDisplay(ofRecord index: Int, to bytes: inout [UInt8]) -> Bool {
        let question = storedRecords[index].question
        switch program.questions[question].kind {
        case .text:
            store.withText(store.textSpan(of: index)) { bytes.append(contentsOf: $0) }
        case .yesNo, .choice:
            guard let label = program.optionLabel(question: question, choice: store.choice(of: index, in: program) ?? -1) else { return false }
            bytes.append(contentsOf: label.utf8)
        case .scale:
            guard let choice = store.choice(of: index, in: program) else { return false }
            bytes.append(contentsOf: String(choice).utf8)
        case .list:
            store.withFullText(of: index) { text in
                for byte in text {
                    if byte == 0x0A {
                        bytes.append(0x2C)
                        bytes.append(0x20)
                    } else {
                        bytes.append(byte)
                    }
                }
            }
        }
        return true
    }

    /// Room for most filled-in prompts at once: the script's text with an item or a short answer in it.
    private static let renderedCapacity = 192
    private static let notAnswered = Array("…".utf8)
}
