/// The Snowball English ("Porter2") stemming algorithm (snowballstemmer.org/algorithms/english), on folded words.
public enum EnglishStemmer {
    private static let exceptions: [String: String] = [
        "skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie", "idly": "idl", "gently": "gentl",
        "ugly": "ugli", "early": "earli", "only": "onli", "singly": "singl", "sky": "sky", "news": "news", "howe": "howe",
        "atlas": "atlas", "cosmos": "cosmos", "bias": "bias", "andes": "andes",
    ]
    private static let afterStep1a: Set<String> = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"]

    public static func stem(_ input: String) -> String {
        var word = input
        if word.hasPrefix("'") { word.removeFirst() }
        guard word.count > 2 else { return word }
        if let exception = exceptions[word] { return exception }
        var w = Array(word)
        // y at the start or after a vowel is a consonant: mark it Y.
        for i in w.indices where w[i] == "y" && (i == 0 || isVowel(w[i - 1])) { w[i] = "Y" }
        let r1 = regionOne(w)
        let r2 = regionAfter(w, from: r1)

        // Step 0
        for suffix in ["'s'", "'s", "'"] where ends(w, suffix) {
            w.removeLast(suffix.count)
            break
        }
        // Step 1a
        if ends(w, "sses") {
            w.removeLast(2)
        } else if ends(w, "ied") || ends(w, "ies") {
            w.removeLast(w.count > 4 ? 2 : 1)
        } else if ends(w, "us") || ends(w, "ss") {
        } else if ends(w, "s"), w.count >= 2, w[..<(w.count - 2)].contains(where: isVowel) {
            w.removeLast()
        }
        if afterStep1a.contains(String(w)) { return String(w) }
        // Step 1b
        if let suffix = ["eedly", "eed"].first(where: { ends(w, $0) }) {
            if w.count - suffix.count >= r1 { w.removeLast(suffix.count - 2) }
        } else if let suffix = ["ingly", "edly", "ing", "ed"].first(where: { ends(w, $0) }),
                  w[..<(w.count - suffix.count)].contains(where: isVowel) {
            w.removeLast(suffix.count)
            if ends(w, "at") || ends(w, "bl") || ends(w, "iz") {
                w.append("e")
            } else if ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].contains(where: { ends(w, $0) }) {
                w.removeLast()
            } else if isShort(w, r1: r1) {
                w.append("e")
            }
        }
        // Step 1c
        if let last = w.last, last == "y" || last == "Y", w.count > 2, !isVowel(w[w.count - 2]) {
            w[w.count - 1] = "i"
        }
        // Step 2
        let step2: [(String, String)] = [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("abli", "able"), ("entli", "ent"),
            ("ization", "ize"), ("izer", "ize"), ("ation", "ate"), ("ator", "ate"), ("alism", "al"), ("aliti", "al"),
            ("alli", "al"), ("fulness", "ful"), ("ousli", "ous"), ("ousness", "ous"), ("iveness", "ive"), ("iviti", "ive"),
            ("biliti", "ble"), ("bli", "ble"), ("fulli", "ful"), ("lessli", "less"), ("ogi", "og"), ("li", ""),
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
            if at >= r2 || (at >= r1 && !endsInShortSyllable(Array(w[..<at]))) { w.removeLast() }
        } else if w.last == "l", w.count - 1 >= r2, w.count >= 2, w[w.count - 2] == "l" {
            w.removeLast()
        }
        return String(w.map { $0 == "Y" ? "y" : $0 })
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

    private static func regionOne(_ w: [Character]) -> Int {
        let word = String(w)
        for prefix in ["gener", "commun", "arsen"] where word.hasPrefix(prefix) { return prefix.count }
        return regionAfter(w, from: 0)
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

    private static func endsInShortSyllable(_ w: [Character]) -> Bool {
        let n = w.count
        if n == 2 { return isVowel(w[0]) && !isVowel(w[1]) }
        guard n >= 3 else { return false }
        return !isVowel(w[n - 3]) && isVowel(w[n - 2]) && !isVowel(w[n - 1]) && !"wxY".contains(w[n - 1])
    }

    private static func isShort(_ w: [Character], r1: Int) -> Bool {
        endsInShortSyllable(w) && r1 >= w.count
    }
}
