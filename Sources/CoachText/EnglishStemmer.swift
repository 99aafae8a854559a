/// The Snowball English stemming algorithm as Snowball 3 defines it (snowballstem.org/algorithms/english),
/// on folded words; `Tests/CoachTextTests/SnowballReferenceTests.swift` holds it to the reference on
/// every plain word of an English dictionary.
public enum EnglishStemmer {
    private static let exceptions: [String: String] = [
        "skis": "ski", "skies": "sky", "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
        "singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias",
        "andes": "andes",
    ]
    /// Words whose R1 starts after one of these, not after their first vowel and consonant.
    private static let regionPrefixes = ["arsen", "commun", "emerg", "gener", "inter", "later", "organ", "past", "univers"]
    /// What an "-ing" word keeps when this is all that is left of it ("inning", "herring").
    private static let keptBeforeIng: Set<String> = ["even", "cann", "inn", "earr", "herr", "out"]
    /// What an "-eed" word keeps when this is all that is left of it ("proceed", "succeed").
    private static let keptBeforeEed: Set<String> = ["succ", "proc", "exc"]

    public static func stem(_ input: String) -> String {
        if let exception = exceptions[input] { return exception }
        guard input.count >= 3 else { return input }
        var w = Array(input)
        if w.first == "'" { w.removeFirst() }
        // y at the start or after a vowel is a consonant: marked Y until the end.
        for i in w.indices where w[i] == "y" && (i == 0 || isVowel(w[i - 1])) { w[i] = "Y" }
        let r1 = regionPrefixes.first { w.starts(with: $0) }?.count ?? regionAfter(w, from: 0)
        let r2 = regionAfter(w, from: r1)

        // Step 0
        if let suffix = ["'s'", "'s", "'"].first(where: { ends(w, $0) }) { w.removeLast(suffix.count) }
        // Step 1a
        if ends(w, "sses") {
            w.removeLast(2)
        } else if ends(w, "ied") || ends(w, "ies") {
            w.removeLast(w.count > 4 ? 2 : 1)
        } else if ends(w, "us") || ends(w, "ss") {
        } else if ends(w, "s"), w.count >= 2, w[..<(w.count - 2)].contains(where: isVowel) {
            w.removeLast()
        }
        stepOneB(&w, r1: r1)
        // Step 1c
        if let last = w.last, last == "y" || last == "Y", w.count > 2, !isVowel(w[w.count - 2]) {
            w[w.count - 1] = "i"
        }
        // Step 2
        let step2: [(String, String)] = [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
            ("ization", "ize"), ("izer", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("aliti", "al"),
            ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"), ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"),
            ("biliti", "ble"), ("bli", "ble"), ("fulli", "ful"), ("lessli", "less"), ("ogist", "og"), ("ogi", "og"), ("li", ""),
        ]
        if let (suffix, replacement) = longest(w, step2) {
            let stemEnd = w.count - suffix.count
            if stemEnd >= r1 {
                switch suffix {
                case "ogi": if stemEnd > 0 && w[stemEnd - 1] == "l" { replace(&w, suffix, replacement) }
                case "li": if stemEnd > 0 && "cdeghkmnrt".contains(w[stemEnd - 1]) { w.removeLast(2) }
                default: replace(&w, suffix, replacement)
                }
            }
        }
        // Step 3
        let step3: [(String, String)] = [
            ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ical", "ic"),
            ("ful", ""), ("ness", ""), ("ative", ""),
        ]
        if let (suffix, replacement) = longest(w, step3), w.count - suffix.count >= r1 {
            if suffix != "ative" || w.count - suffix.count >= r2 { replace(&w, suffix, replacement) }
        }
        // Step 4
        let step4 = ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize",
                     "ion", "al", "er", "ic"]
        if let suffix = step4.filter({ ends(w, $0) }).max(by: { $0.count < $1.count }), w.count - suffix.count >= r2 {
            if suffix == "ion" {
                let before = w.count - 4
                if before >= 0 && (w[before] == "s" || w[before] == "t") { w.removeLast(3) }
            } else {
                w.removeLast(suffix.count)
            }
        }
        // Step 5
        if w.last == "e" {
            let at = w.count - 1
            if at >= r2 || (at >= r1 && !endsShort(Array(w[..<at]))) { w.removeLast() }
        } else if w.last == "l", w.count - 1 >= r2, w.count >= 2, w[w.count - 2] == "l" {
            w.removeLast()
        }
        return String(w.map { $0 == "Y" ? "y" : $0 })
    }

    /// Step 1b: "-eed", "-ed", "-ing" and their "-ly" forms, and what the stem needs after them.
    private static func stepOneB(_ w: inout [Character], r1: Int) {
        guard let suffix = ["eedly", "ingly", "edly", "eed", "ing", "ed"].first(where: { ends(w, $0) }) else { return }
        let stemEnd = w.count - suffix.count
        let before = String(w[..<stemEnd])
        if suffix.hasPrefix("eed") {
            if stemEnd >= r1, !keptBeforeEed.contains(before) { w.removeLast(suffix.count - 2) }
            return
        }
        if suffix == "ing" {
            if keptBeforeIng.contains(before) { return }
            // "dying", "lying": a consonant and y before it make "die", "lie".
            if before.count == 2, before.last == "y", let first = before.first, !isVowel(first) {
                w = [first, "i", "e"]
                return
            }
        }
        guard w[..<stemEnd].contains(where: isVowel) else { return }
        w.removeLast(suffix.count)
        if ends(w, "at") || ends(w, "bl") || ends(w, "iz") {
            w.append("e")
        } else if ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].contains(where: { ends(w, $0) }) {
            // "err", "add", "ebb" stay whole.
            if !(w.count == 3 && "aeo".contains(w[0])) { w.removeLast() }
        } else if w.count == r1, endsShort(w) {
            w.append("e")
        }
    }

    private static func isVowel(_ c: Character) -> Bool { "aeiouy".contains(c) }

    private static func ends(_ w: [Character], _ suffix: String) -> Bool {
        w.count >= suffix.count && w[(w.count - suffix.count)...].elementsEqual(suffix)
    }

    private static func longest(_ w: [Character], _ rules: [(String, String)]) -> (String, String)? {
        rules.filter { ends(w, $0.0) }.max { $0.0.count < $1.0.count }
    }

    private static func replace(_ w: inout [Character], _ suffix: String, _ replacement: String) {
        w.removeLast(suffix.count)
        w.append(contentsOf: replacement)
    }

    /// The region after the first non-vowel following a vowel, from `start`.
    private static func regionAfter(_ w: [Character], from start: Int) -> Int {
        var i = start + 1
        while i < w.count {
            if !isVowel(w[i]) && isVowel(w[i - 1]) { return i + 1 }
            i += 1
        }
        return w.count
    }

    /// Whether the word ends in a short syllable: a consonant, a vowel and a consonant other than
    /// w, x or Y; a vowel and a consonant as the whole word; or "past".
    private static func endsShort(_ w: [Character]) -> Bool {
        let n = w.count
        if n >= 3, !"aeiouywxY".contains(w[n - 1]), isVowel(w[n - 2]), !isVowel(w[n - 3]) { return true }
        if n == 2, isVowel(w[0]), !isVowel(w[1]) { return true }
        return ends(w, "past")
    }
}
