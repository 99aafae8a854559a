/// Names one thing the conversation asks: a question, a probe of it, or a per-item follow-up.
///
/// Printed as `lykkedes`, `lykkedes/konkret`, `oensker[2]/gavn` (item 2 of the list `oensker`)
/// and `oensker[2]/gavn/konkret`: the form golden dialogue tests are written in.
public struct StepID: Hashable, Sendable, CustomStringConvertible, Codable {
    public struct Item: Hashable, Sendable, Codable {
        public var list: String
        /// 0-based; printed 1-based.
        public var index: Int
    }

    public var question: String
    public var item: Item?
    public var probe: String?

    public init(question: String, item: Item? = nil, probe: String? = nil) {
        self.question = question
        self.item = item
        self.probe = probe
    }

    public var description: String {
        var text = item.map { "\($0.list)[\($0.index + 1)]/" } ?? ""
        text += question
        if let probe { text += "/" + probe }
        return text
    }
}
