/// What a character is to the tokenizer, answered without Unicode tables for ASCII and Latin-1,
/// which is nearly all Danish and English text.
enum CharacterKind: Equatable {
    case upper, lower, digit, other

    init(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        switch value {
        case 0x30...0x39: self = .digit
        case 0x41...0x5A: self = .upper
        case 0x61...0x7A: self = .lower
        case 0...0x7F: self = .other
        case 0xC0...0xDE where value != 0xD7: self = .upper
        case 0xDF...0xFF where value != 0xF7: self = .lower
        case 0x80...0xBF: self = .other
        default:
            let properties = scalar.properties
            if properties.numericType != nil {
                self = .digit
            } else if properties.isAlphabetic {
                self = properties.isUppercase ? .upper : .lower
            } else {
                self = .other
            }
        }
    }
}

extension Unicode.Scalar {
    /// `properties.isWhitespace`, with ASCII answered directly.
    public var isWhitespaceFast: Bool {
        value < 0x80 ? (value == 0x20 || (0x09...0x0D).contains(value)) : properties.isWhitespace
    }
}
