/// The one rule that turns any text into a name safe as an SVG element id or class and inside
/// the XML comments Graphviz writes: letters of any script, ASCII digits, `_` and `-`; every
/// run of other characters (and of `-`) folds into one `-`, none leads or trails, so `--` never
/// appears; a leading digit gets `_` before it; nothing left gives `id`.
///
/// The map builders name their elements with it, and the Graphviz stage applies it again to
/// whatever graph it is given; a name it made is returned unchanged (`make(make(x)) == make(x)`).
public enum SafeIdentifier {
    /// `raw` as a safe name, by the rule above.
    public static func make(_ raw: String) -> String {
        if isAlreadySafe(raw) { return raw }
        let folded: String
        if isASCIIOrBasicCyrillic(raw) {
            // Every non-ASCII byte then belongs to a Cyrillic letter: bytes are kept or folded
            // one by one, without grapheme breaking.
            folded = fold(raw.utf8, append: { $0.append($1) }) { byte in
                byte >= 0x80 || (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F
            }
        } else {
            folded = fold(raw, append: { $0.append(contentsOf: $1.utf8) }) { character in
                character.isLetter || character.isNumber && character.isASCII || character == "_"
            }
        }
        return folded.utf8.first.map { (0x30...0x39).contains($0) } == true ? "_" + folded : folded
    }

    /// Space-separated class names, each made safe, empty ones dropped.
    public static func classList(_ classes: [String]) -> String {
        // The map builders' classes are single safe names already.
        if classes.allSatisfy({ isAlreadySafe($0) }) { return classes.joined(separator: " ") }
        return classes.flatMap { $0.split(separator: " ") }.map { make(String($0)) }.joined(separator: " ")
    }

    /// The common case, decided without grapheme breaking or copying: names the map builders
    /// made are ASCII letters, digits, `_`, single inner `-` and basic Cyrillic letters already.
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
        return previous != nil && previous != "-"
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
    private static func fold<Units: Sequence>(_ units: Units, append: (inout [UInt8], Units.Element) -> Void,
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
