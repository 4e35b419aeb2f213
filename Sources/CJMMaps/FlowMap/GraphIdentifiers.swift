import CJMModel

/// Hands out ids for nodes, edges and clusters that are unique in one graph and stable across
/// runs: derived from journey ids, never from counters over unordered collections.
///
/// Ids become SVG element ids, so they keep only letters (Cyrillic included), digits, `-` and
/// `_`; anything else becomes `-`. A clash after sanitising gets `-2`, `-3`… in the order asked,
/// which is the journey's written order.
public struct GraphIdentifiers: Sendable {
    private var used: Set<String> = []

    /// An empty set: no id handed out yet.
    public init() {}

    /// A fresh id `prefix-a-b-c` for the element at `path`.
    public mutating func make(_ prefix: String, _ path: ElementPath) -> String {
        make(([prefix] + path.components).joined(separator: "-"))
    }

    /// A fresh id made from `raw`, sanitised and made unique.
    public mutating func make(_ raw: String) -> String {
        let base = Self.sanitise(raw)
        var candidate = base
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// `raw` reduced to letters, digits, `-` and `_`; every run of other characters (and of `-`)
    /// folds into one `-`, since `--` cannot appear in the XML comments Graphviz writes.
    public static func sanitise(_ raw: String) -> String {
        // Scalar by scalar for ASCII and basic Cyrillic, where each scalar is a character of
        // its own; anything else takes the slower grapheme-aware path.
        let quick = folded(raw.unicodeScalars, append: { $0.append($1) }) { scalar -> Bool? in
            switch scalar.value {
            case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x5F: true
            case 0...0x7F: false
            case 0x400...0x481, 0x48A...0x52F: true  // Cyrillic letters, without combining marks
            default: nil
            }
        }
        return quick ?? folded(raw, append: { $0.append(contentsOf: $1.unicodeScalars) }) { character -> Bool? in
            character.isLetter || character.isNumber && character.isASCII || character == "_"
        }!
    }

    /// The kept units of `units` with every run of others folded into one `-` (none leading
    /// or trailing), `"id"` when nothing is kept, or nil as soon as `isKept` gives up.
    private static func folded<Units: Sequence>(_ units: Units, append: (inout String.UnicodeScalarView, Units.Element) -> Void,
                                                isKept: (Units.Element) -> Bool?) -> String? {
        var result = String.UnicodeScalarView()
        // A dash is written only before the next kept unit, so none leads or trails.
        var dashPending = false
        for unit in units {
            guard let kept = isKept(unit) else { return nil }
            if !kept {
                dashPending = !result.isEmpty
                continue
            }
            if dashPending {
                result.append("-")
                dashPending = false
            }
            append(&result, unit)
        }
        return result.isEmpty ? "id" : String(result)
    }
}
