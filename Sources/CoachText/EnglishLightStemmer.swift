/// A light English stemmer: plural, -ing, -ed and -ly endings only.
///
/// Enough to match "courses" with "course" and "trained" with "training" in conditions.
public enum EnglishLightStemmer {
    public static func stem(_ word: String) -> String {
        var w = word
        if w.hasSuffix("'s") { w.removeLast(2) }
        guard w.count > 3 else { return w }
        if w.hasSuffix("ies") && w.count > 4 { return String(w.dropLast(3)) + "y" }
        if w.hasSuffix("sses") { return String(w.dropLast(2)) }
        for ending in ["ing", "ed"] where w.hasSuffix(ending) {
            let base = String(w.dropLast(ending.count))
            if base.count >= 3 && base.contains(where: { "aeiouy".contains($0) }) { return trimmedE(base) }
        }
        if w.hasSuffix("ly") && w.count > 5 { return String(w.dropLast(2)) }
        if w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") {
            return trimmedE(String(w.dropLast()))
        }
        return trimmedE(w)
    }

    /// "course", "coursed", "coursing" all end up as "cours".
    private static func trimmedE(_ w: String) -> String {
        w.hasSuffix("e") && w.count > 3 ? String(w.dropLast()) : w
    }
}
