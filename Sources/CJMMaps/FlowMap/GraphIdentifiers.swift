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
        simpleSanitised(raw) ?? sanitisedByCharacter(raw)
    }

    /// The common case without grapheme breaking: `raw` holds only ASCII and basic Cyrillic
    /// (nil otherwise), each scalar a character of its own.
    private static func simpleSanitised(_ raw: String) -> String? {
        var result = String.UnicodeScalarView()
        // A dash is written only before the next kept character, so none leads or trails.
        var dashPending = false
        for scalar in raw.unicodeScalars {
            let kept: Bool
            switch scalar.value {
            case 0x61...0x7A, 0x41...0x5A, 0x30...0x39, 0x5F: kept = true
            case 0...0x7F: kept = false
            case 0x400...0x481, 0x48A...0x52F: kept = true  // Cyrillic letters, without combining marks
            default: return nil
            }
            if !kept {
                dashPending = !result.isEmpty
                continue
            }
            if dashPending {
                result.append("-")
                dashPending = false
            }
            result.append(scalar)
        }
        return result.isEmpty ? "id" : String(result)
    }

    private static func sanitisedByCharacter(_ raw: String) -> String {
        var result = ""
        var dashPending = false
        for character in raw {
            let kept = character.isLetter || character.isNumber && character.isASCII || character == "_"
            if !kept {
                dashPending = !result.isEmpty
                continue
            }
            if dashPending {
                result.append("-")
                dashPending = false
            }
            result.append(character)
        }
        return result.isEmpty ? "id" : result
    }
}
