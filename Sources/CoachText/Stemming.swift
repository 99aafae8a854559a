extension Language {
    /// The stem of one folded word in this language.
    public func stem(_ foldedWord: String) -> String {
        switch self {
        case .danish: DanishStemmer.stem(foldedWord)
        case .english: EnglishStemmer.stem(foldedWord)
        }
    }
}

/// Whether two stems name the same word, allowing for inflections a stemmer leaves apart
/// ("kursus" and "kurs" from "kurset"/"kurser"): one a prefix of the other, differing by at most
/// three letters, the shorter at least four letters long.
public func stemsMatch(_ a: String, _ b: String) -> Bool {
    // Equal or prefix-related stems start alike; most pairs differ at once.
    guard let first = a.utf8.first, first == b.utf8.first else { return false }
    if a == b { return true }
    let (short, long) = a.unicodeScalars.count <= b.unicodeScalars.count ? (a, b) : (b, a)
    let shortCount = short.unicodeScalars.count
    guard shortCount >= 4, long.unicodeScalars.count - shortCount <= 3 else { return false }
    return long.unicodeScalars.starts(with: short.unicodeScalars)
}
