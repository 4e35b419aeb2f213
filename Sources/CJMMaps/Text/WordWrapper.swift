/// Breaks label text into lines no wider than a given width, so boxes on a wall-size map stay
/// narrow and readable instead of growing into one long line.
///
/// Two measures of width: characters (`wrap(_:width:)`, for maps Graphviz sizes itself, where
/// a Cyrillic label wraps exactly like a Latin one) and points of DejaVu Sans
/// (`wrap(_:points:measure:)`, for the board, which sizes its own fixed boxes and must know
/// the text fits). Words move whole to the next line; a word longer than the width (a URL, a
/// long compound) is split after its last `-` or `/` that fits, else cut at the width. Line
/// breaks already in the text are kept. Non-breaking spaces (U+00A0, U+2007, U+202F) never
/// break, so `1 200` stays whole.
public enum WordWrapper {
    /// The lines of `text`, each at most `width` characters (`width` below 1 counts as 1).
    /// Empty or blank text gives no lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        wrap(text, width: width, hangingIndent: "")
    }

    /// Like `wrap(_:width:)`, with every line after the first indented by `hangingIndent`
    /// (counted within the width), so a wrapped list item (`• …`) still reads as one item.
    public static func wrap(_ text: String, width: Int, hangingIndent: String) -> [String] {
        let width = max(1, width)
        return wrap(text, hangingIndent: hangingIndent) { $0.count <= width }
    }

    /// The lines of `text`, each at most `points` wide as `measure` estimates it, continuation
    /// lines indented by `hangingIndent` (a single character wider than `points` still gets a
    /// line of its own). Empty or blank text gives no lines.
    static func wrap(_ text: String, points: Double, measure: TextMeasure, hangingIndent: String = "") -> [String] {
        wrap(text, hangingIndent: hangingIndent) { measure.width(of: $0) <= points }
    }

    /// Wraps with `fits` telling whether a line is narrow enough; `fits` must hold for every
    /// prefix of a line it holds for.
    private static func wrap(_ text: String, hangingIndent: String, fits: (String) -> Bool) -> [String] {
        let indent = fits(hangingIndent + "x") ? hangingIndent : ""
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard !words.isEmpty else {
                lines.append("")
                continue
            }
            var current = ""
            // Every line but the very first will carry the indent, so it must fit with it.
            func fitsHere(_ line: String) -> Bool { fits(lines.isEmpty ? line : indent + line) }
            for word in words {
                for piece in pieces(of: word, fits: { fits(indent + $0) }) {
                    if current.isEmpty {
                        current = piece
                    } else if fitsHere(current + " " + piece) {
                        current += " " + piece
                    } else {
                        lines.append(current)
                        current = piece
                    }
                }
            }
            lines.append(current)
        }
        while lines.last == "" { lines.removeLast() }
        while lines.first == "" { lines.removeFirst() }
        return lines.enumerated().map { index, line in index == 0 || line.isEmpty ? line : indent + line }
    }

    /// A word cut into chunks that fit, preferring cuts after `-` or `/`.
    private static func pieces(of word: Substring, fits: (String) -> Bool) -> [String] {
        var rest = word
        var result: [String] = []
        while !fits(String(rest)) {
            // The longest prefix that fits, at least one character so the loop always advances.
            var end = rest.index(after: rest.startIndex)
            while end < rest.endIndex, fits(String(rest[..<rest.index(after: end)])) { end = rest.index(after: end) }
            let window = rest[..<end]
            let cut = window.lastIndex(where: { $0 == "-" || $0 == "/" }).map { rest.index(after: $0) } ?? end
            result.append(String(rest[..<cut]))
            rest = rest[cut...]
        }
        if !rest.isEmpty { result.append(String(rest)) }
        return result
    }
}
