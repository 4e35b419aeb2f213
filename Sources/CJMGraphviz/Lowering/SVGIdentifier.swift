/// Turns builder-given ids and classes into names safe inside SVG attributes and the XML
/// comments Graphviz writes: letters (any script), digits, `-` and `_`, never `--`, never
/// starting with a digit or `-`.
enum SVGIdentifier {
    /// `raw` with every other character replaced by `_` and runs of `-` collapsed.
    static func sanitized(_ raw: String) -> String {
        isAlreadySafe(raw) ? raw : sanitizedByCharacter(raw)
    }

    /// The common case, decided without grapheme breaking: ids the map builders made are
    /// ASCII letters, digits, `_`, single `-` and basic Cyrillic letters already.
    private static func isAlreadySafe(_ raw: String) -> Bool {
        var previous: Unicode.Scalar?
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0x61...0x7A, 0x41...0x5A, 0x5F, 0x400...0x481, 0x48A...0x52F: break
            case 0x30...0x39: if previous == nil { return false }
            case 0x2D: if previous == nil || previous == "-" { return false }
            default: return false
            }
            previous = scalar
        }
        return previous != nil
    }

    private static func sanitizedByCharacter(_ raw: String) -> String {
        var result = ""
        for character in raw {
            let kept = character.isLetter || character.isNumber && character.isASCII || character == "_" || character == "-"
            let next: Character = kept ? character : "_"
            if next == "-" && result.last == "-" { continue }
            result.append(next)
        }
        if let first = result.first, first.isNumber || first == "-" { result = "_" + result }
        return result.isEmpty ? "_" : result
    }

    /// Space-separated class names, each sanitized, empty ones dropped.
    static func classList(_ classes: [String]) -> String {
        classes.flatMap { $0.split(separator: " ") }.map { sanitized(String($0)) }.joined(separator: " ")
    }
}

/// Hands out sanitized ids unique across one SVG document (graph, clusters, nodes, edges):
/// a clash after sanitizing gets `_2`, `_3`, ...
struct SVGIdentifierPool {
    private var taken: Set<String> = []

    mutating func claim(_ raw: String) -> String {
        let base = SVGIdentifier.sanitized(raw)
        var candidate = base
        var counter = 2
        while taken.contains(candidate) {
            candidate = "\(base)_\(counter)"
            counter += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
