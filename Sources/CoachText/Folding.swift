/// Case and accent folding that keeps the Danish letters æ, ø and å distinct.
///
/// "Café" and "cafe" are one word, but "år" and "ar" are not; Swedish/German ä and ö fold to
/// their Danish counterparts æ and ø, which is how a Danish reader hears them.
public enum Folding {
    public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x80 {
            if value >= 0x41 && value <= 0x5A { return Unicode.Scalar(value + 32)! }
            return scalar
        }
        var lower = value
        if (0xC0...0xDE).contains(value) && value != 0xD7 { lower = value + 32 }
        switch lower {
        case 0xE0...0xE3: return "a"
        case 0xE4: return "æ"
        case 0xE7: return "c"
        case 0xE8...0xEB: return "e"
        case 0xEC...0xEF: return "i"
        case 0xF1: return "n"
        case 0xF2...0xF5: return "o"
        case 0xF6: return "ø"
        case 0xF9...0xFC: return "u"
        case 0xFD, 0xFF: return "y"
        case 0xE5, 0xE6, 0xF8: return Unicode.Scalar(lower)!
        default:
            if lower != value { return Unicode.Scalar(lower)! }
            let mapped = scalar.properties.lowercaseMapping.unicodeScalars
            return mapped.count == 1 ? mapped.first! : scalar
        }
    }

    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(fold(scalar)) }
        return String(out)
    }
}
