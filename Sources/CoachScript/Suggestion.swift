/// " (did you mean 'x'?)" for a misspelt name, or nothing when no candidate is close.
func suggestion(_ name: String, among candidates: [String]) -> String {
    let best = candidates
        .map { ($0, editDistance(name, $0)) }
        .filter { $0.1 <= max(2, name.count / 3) }
        .min { ($0.1, $0.0) < ($1.1, $1.0) }
    return best.map { " (did you mean '\($0.0)'?)" } ?? ""
}

func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
