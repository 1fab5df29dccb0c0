/// Levenshtein distance, for "did you mean" suggestions.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The candidate closest to `word`, when it is close enough to be a likely typo.
public func closestMatch(to word: String, in candidates: [String]) -> String? {
    let lowered = word.lowercased()
    let scored = candidates.map { ($0, editDistance(lowered, $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    let allowed = max(2, word.count / 3)
    if best.1 <= allowed { return best.0 }
    if let prefixed = candidates.first(where: {
        $0.lowercased().hasPrefix(lowered) || lowered.hasPrefix($0.lowercased())
    }) {
        return prefixed
    }
    return nil
}

/// Candidates ordered by closeness to `word`, closest first.
public func sortedByCloseness(to word: String, _ candidates: [String]) -> [String] {
    let lowered = word.lowercased()
    return candidates.sorted {
        let left = editDistance(lowered, $0.lowercased())
        let right = editDistance(lowered, $1.lowercased())
        return left == right ? $0 < $1 : left < right
    }
}
