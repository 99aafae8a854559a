import CoachScript
import CoachText

/// Checks an answer against its question's type.
enum AnswerParser {
    enum Result: Equatable {
        /// The option index, scale number, 1/0 for yes/no, or -1 for text and list items.
        case accepted(choice: Int)
        /// An empty answer to an optional question.
        case skipped
        case rejected(Rejection)
    }

    static func parse(_ text: String, for question: ScriptProgram.Entry) -> Result {
        parse(isEmpty: text.isEmpty, text: { text }, for: question)
    }

    /// `text` is made only for the kinds that read it (yes/no, choice, scale): a text or a list
    /// item is accepted as it is.
    static func parse(isEmpty: Bool, text makeText: () -> String, for question: ScriptProgram.Entry) -> Result {
        if isEmpty {
            guard question.required else { return .skipped }
            return .rejected(question.kind.isList ? .emptyList : .emptyAnswer)
        }
        switch question.kind {
        case .text, .list:
            return .accepted(choice: -1)
        case .yesNo:
            // The first word answers ("ja, det har jeg", "nej tak", "yes, no problem"); an answer of
            // nothing but yes and no words both ways ("ja nej", "ja/nej", "ja og nej") answers
            // neither. Any other word settles it, so the reading stops there.
            var first: Bool?
            var both = false
            Tokenizer.words(in: makeText()) { word in
                if first != nil, Messages.joinsYesAndNo(word) { return true }
                guard let said = Messages.yesOrNo(word) else { both = false; return false }
                if first == nil { first = said } else if said != first { both = true }
                return true
            }
            guard let yes = first else { return .rejected(.notYesNo) }
            if both { return .rejected(.bothYesAndNo) }
            return .accepted(choice: yes ? 1 : 0)
        case .choice(let options):
            let text = makeText()
            if let number = Int(text), options.indices.contains(number - 1) { return .accepted(choice: number - 1) }
            let folded = Folding.fold(text)
            if let index = options.firstIndex(where: { $0.id == folded || Folding.fold($0.label) == folded }) {
                return .accepted(choice: index)
            }
            switch ChoiceMatch.read(text, options: options) {
            case .named(let match): return .accepted(choice: match.index)
            case .severalOptions: return .rejected(.severalOptions(optionCount: options.count))
            case .noOption: return .rejected(.unknownOption(optionCount: options.count))
            }
        case .scale(let scale):
            let text = makeText()
            guard let number = leadingNumber(text) else {
                let words = text.unicodeScalars.contains { $0.properties.isAlphabetic }
                return .rejected(words ? .numberMissing(min: scale.min, max: scale.max) : .outOfRange(min: scale.min, max: scale.max))
            }
            guard (scale.min...scale.max).contains(number) else { return .rejected(.outOfRange(min: scale.min, max: scale.max)) }
            return .accepted(choice: number)
        }
    }

    /// The number the answer starts with ("4", "4 – godt"); read as bytes while they are ASCII,
    /// as characters otherwise.
    private static func leadingNumber(_ text: String) -> Int? {
        let utf8 = text.utf8
        let end = utf8.firstIndex { $0 != UInt8(ascii: "-") && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? utf8.endIndex
        if end == utf8.endIndex || utf8[end] < 0x80 { return Int(text[..<end]) }
        return Int(text.prefix { $0 == "-" || $0.isNumber })
    }
}
