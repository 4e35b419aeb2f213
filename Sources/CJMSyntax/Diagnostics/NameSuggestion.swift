/// Finds the name the user most likely meant, for "did you mean ...?" hints.
public enum NameSuggestion {
    /// The candidate closest to `name` by Damerau–Levenshtein distance (optimal string
    /// alignment: insert, delete, substitute, swap two neighbours) over Unicode scalars, or nil
    /// when none is close enough.
    ///
    /// Close enough means a distance of at most `max(1, length / 3)` where length is the longer
    /// of the two names in scalars: one typo in a short id, two in a 6-letter one. Ties go to the
    /// candidate that differs from `name` only in letter case, then to the alphabetically first,
    /// so the hint never depends on the order candidates were found in.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let typed = Array(name.unicodeScalars)
        let typedLowercased = name.lowercased()
        var best: (candidate: String, distance: Int, sameIgnoringCase: Bool)?
        for candidate in candidates {
            let scalars = Array(candidate.unicodeScalars)
            let allowed = max(1, max(typed.count, scalars.count) / 3)
            guard abs(typed.count - scalars.count) <= allowed else { continue }
            let distance = editDistance(typed, scalars)
            guard distance <= allowed else { continue }
            let sameIgnoringCase = candidate.lowercased() == typedLowercased
            if let current = best {
                let better = distance < current.distance
                    || (distance == current.distance && sameIgnoringCase && !current.sameIgnoringCase)
                    || (distance == current.distance && sameIgnoringCase == current.sameIgnoringCase
                        && candidate.unicodeScalars.lexicographicallyPrecedes(current.candidate.unicodeScalars))
                if !better { continue }
            }
            best = (candidate, distance, sameIgnoringCase)
        }
        return best?.candidate
    }

    /// Optimal string alignment distance, keeping only the last three rows.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, twoBack[j - 2] + 1)
                }
                current[j] = value
            }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
    }
}
