/// Names one thing the conversation asks: a question, a probe of it, or a per-item follow-up.
///
/// Printed as `lykkedes`, `lykkedes/konkret`, `oensker[2]/gavn` (item 2 of the list `oensker`)
/// and `oensker[2]/gavn/konkret`: the form golden dialogue tests are written in.
public struct StepID: Hashable, Sendable, CustomStringConvertible, Codable {
    public struct Item: Hashable, Sendable, Codable {
        public var list: String
        /// 0-based; printed 1-based.
        public var index: Int

        public init(list: String, index: Int) {
            self.list = list
            self.index = index
        }
    }

    public var question: String
    public var item: Item?
    public var probe: String?

    public init(question: String, item: Item? = nil, probe: String? = nil) {
        self.question = question
        self.item = item
        self.probe = probe
    }

    /// The answer this step is part of: itself without its probe (a probe's answer goes with the answer it probes).
    public var answer: StepID { StepID(question: question, item: item) }

    public var description: String {
        var text = item.map { "\($0.list)[\($0.index + 1)]/" } ?? ""
        text += question
        if let probe { text += "/" + probe }
        return text
    }

    /// Reads what `description` prints: `lykkedes`, `lykkedes/konkret`, `oensker[2]/gavn`, `oensker[2]/gavn/konkret`.
    public init?(parsing text: String) {
        var parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        var item: Item?
        if let open = parts[0].firstIndex(of: "["), parts[0].hasSuffix("]") {
            let list = String(parts[0][..<open])
            guard !list.isEmpty, let number = Int(parts[0][parts[0].index(after: open)..<parts[0].index(before: parts[0].endIndex)]),
                  number >= 1, parts.count >= 2 else { return nil }
            item = Item(list: list, index: number - 1)
            parts.removeFirst()
        }
        guard parts.count <= 2, !parts[0].contains("["), parts.last?.contains("[") == false else { return nil }
        self.init(question: parts[0], item: item, probe: parts.count == 2 ? parts[1] : nil)
    }
}
