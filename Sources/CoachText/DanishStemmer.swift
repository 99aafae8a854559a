/// The Snowball Danish stemming algorithm as Snowball 3 defines it (snowballstem.org/algorithms/danish),
/// on folded words; `Tests/CoachTextTests/SnowballReferenceTests.swift` holds it to the reference on
/// every plain word of a Danish dictionary. Snowball's rules for an apostrophe (»cv'et«) are left
/// out: the tokenizer never passes one.
public enum DanishStemmer {
    private static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "y", "æ", "å", "ø"]
    private static let validSEndings: Set<Unicode.Scalar> = [
        "a", "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "o", "p", "r", "t", "v", "y", "z", "å",
    ]
    /// The consonants step 4 undoubles: not "c" ("succes" keeps "succ").
    private static let undoubled: Set<Unicode.Scalar> = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t"]
    /// Step 1 suffixes, longest first so the first match is the longest.
    private static let step1Suffixes: [[Unicode.Scalar]] = [
        "erendes", "erende", "hedens", "ethed", "erede", "heden", "heder", "endes", "ernes", "erens", "erets",
        "ered", "ende", "erne", "eren", "erer", "heds", "enes", "eres", "eret", "hed", "ene", "ere", "ens",
        "ers", "ets", "en", "er", "es", "et", "e",
    ].map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    private static let step2Suffixes: [[Unicode.Scalar]] = ["gd", "dt", "gt", "kt"].map { Array($0.unicodeScalars) }
    private static let step3Suffixes: [[Unicode.Scalar]] = ["elig", "løst", "lig", "els", "ig"].map { Array($0.unicodeScalars) }

    public static func stem(_ word: String) -> String {
        var w = Array(word.unicodeScalars)
        guard w.count > 2 else { return word }
        let r1 = regionOne(w)

        // Step 1
        if let suffix = longestSuffix(of: w, from: step1Suffixes, regionStart: r1) {
            w.removeLast(suffix.count)
        } else if w.count - 1 >= r1, w.last == "s", w.count >= 2, validSEndings.contains(w[w.count - 2]) {
            w.removeLast()
        }
        // Step 2
        undoubleConsonantPair(&w, regionStart: r1)
        // Step 3
        if w.count >= 4, Array(w.suffix(4)) == Array("igst".unicodeScalars) { w.removeLast(2) }
        if let suffix = longestSuffix(of: w, from: step3Suffixes, regionStart: r1) {
            if suffix == Array("løst".unicodeScalars) {
                w.removeLast()
            } else {
                w.removeLast(suffix.count)
                undoubleConsonantPair(&w, regionStart: r1)
            }
        }
        // Step 4: a double consonant ending in R1 is undoubled, wherever its first letter lies ("bakke" → "bak").
        if w.count >= 2, w.count - 1 >= r1, w[w.count - 1] == w[w.count - 2], undoubled.contains(w[w.count - 1]) {
            w.removeLast()
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: w)
        return String(out)
    }

    /// R1 starts after the first consonant that follows a vowel, but no earlier than the fourth letter.
    private static func regionOne(_ w: [Unicode.Scalar]) -> Int {
        var index = 1
        while index < w.count {
            if !vowels.contains(w[index]) && vowels.contains(w[index - 1]) { break }
            index += 1
        }
        return max(3, min(index + 1, w.count))
    }

    private static func longestSuffix(of w: [Unicode.Scalar], from suffixes: [[Unicode.Scalar]], regionStart: Int) -> [Unicode.Scalar]? {
        for suffix in suffixes where w.count >= suffix.count && w.count - suffix.count >= regionStart {
            if w[(w.count - suffix.count)...].elementsEqual(suffix) { return suffix }
        }
        return nil
    }

    private static func undoubleConsonantPair(_ w: inout [Unicode.Scalar], regionStart: Int) {
        if longestSuffix(of: w, from: step2Suffixes, regionStart: regionStart) != nil { w.removeLast() }
    }
}
