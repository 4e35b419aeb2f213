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
        if isASCIIOrBasicCyrillic(raw) {
            // Every non-ASCII byte then belongs to a Cyrillic letter: bytes are kept or folded
            // one by one, without grapheme breaking.
            return folded(raw.utf8, append: { $0.append($1) }) { byte in
                byte >= 0x80 || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F
            }
        }
        return folded(raw, append: { $0.append(contentsOf: $1.utf8) }) { character in
            character.isLetter || character.isNumber && character.isASCII || character == "_"
        }
    }

    /// Whether `raw` holds only ASCII and the letters of U+0400–U+052F (two UTF-8 bytes, leads
    /// 0xD0–0xD4), leaving out the combining marks and the thousands sign U+0482…U+0489.
    private static func isASCIIOrBasicCyrillic(_ raw: String) -> Bool {
        var bytes = raw.utf8.makeIterator()
        while let byte = bytes.next() {
            guard byte >= 0x80 else { continue }
            guard (0xD0...0xD4).contains(byte), let next = bytes.next(), next & 0xC0 == 0x80 else { return false }
            let value = UInt32(byte & 0x1F) << 6 | UInt32(next & 0x3F)
            if (0x482...0x489).contains(value) { return false }
        }
        return true
    }

    /// The kept units of `units` with every run of others folded into one `-` (none leading
    /// or trailing), or `"id"` when nothing is kept.
    private static func folded<Units: Sequence>(_ units: Units, append: (inout [UInt8], Units.Element) -> Void,
                                                isKept: (Units.Element) -> Bool) -> String {
        var result: [UInt8] = []
        // A dash is written only before the next kept unit, so none leads or trails.
        var dashPending = false
        for unit in units {
            if !isKept(unit) {
                dashPending = !result.isEmpty
                continue
            }
            if dashPending {
                result.append(UInt8(ascii: "-"))
                dashPending = false
            }
            append(&result, unit)
        }
        return result.isEmpty ? "id" : String(decoding: result, as: UTF8.self)
    }
}
