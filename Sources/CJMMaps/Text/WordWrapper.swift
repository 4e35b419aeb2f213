/// Breaks label text into lines no wider than a given width, so boxes on a wall-size map stay
/// narrow and readable instead of growing into one long line.
///
/// Two measures of width: characters (`wrap(_:width:)`, for maps Graphviz sizes itself, where
/// a Cyrillic label wraps exactly like a Latin one) and points of DejaVu Sans
/// (`wrap(_:points:measure:)`, for the board, which sizes its own fixed boxes and must know
/// the text fits). Words move whole to the next line; a word longer than the width (a URL, a
/// long compound) is split after its last `-` or `/` that fits, else cut at the width. Line
/// breaks already in the text are kept. Non-breaking spaces (U+00A0, U+202F) never break, so
/// `1 200` stays whole.
public enum WordWrapper {
    /// The lines of `text`, each at most `width` characters (`width` below 1 counts as 1).
    /// Empty or blank text gives no lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        return wrap(text) { $0.count <= width }
    }

    /// Like `wrap(_:width:)`, with every line after the first indented by `hangingIndent`
    /// (counted within the width), so a wrapped list item (`• …`) still reads as one item.
    public static func wrap(_ text: String, width: Int, hangingIndent: String) -> [String] {
        let width = max(1, width)
        let indent = hangingIndent.count < width ? hangingIndent : ""
        let lines = wrap(text, firstFits: { $0.count <= width }, restFits: { $0.count <= width - indent.count })
        return lines.enumerated().map { index, line in index == 0 || line.isEmpty ? line : indent + line }
    }

    /// The lines of `text`, each at most `points` wide as `measure` estimates it (a single
    /// character wider than that still gets a line of its own). Empty or blank text gives no lines.
    static func wrap(_ text: String, points: Double, measure: TextMeasure) -> [String] {
        wrap(text) { measure.width(of: $0) <= points }
    }

    /// Wraps with `fits` telling whether a line is narrow enough; `fits` must hold for any
    /// shorter prefix of a line it holds for.
    private static func wrap(_ text: String, fits: (Substring) -> Bool) -> [String] {
        wrap(text, firstFits: fits, restFits: fits)
    }

    /// Wraps with the first line of the text measured by `firstFits` and every later line by
    /// `restFits` (narrower when later lines carry a hanging indent).
    private static func wrap(_ text: String, firstFits: (Substring) -> Bool, restFits: (Substring) -> Bool) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(Substring(paragraph), firstFits: lines.isEmpty ? firstFits : restFits, restFits: restFits)
        }
        while lines.last == "" { lines.removeLast() }
        while lines.first == "" { lines.removeFirst() }
        return lines
    }

    private static func wrapParagraph(_ paragraph: Substring, firstFits: (Substring) -> Bool, restFits: (Substring) -> Bool) -> [String] {
        let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        guard !words.isEmpty else { return [""] }
        var lines: [String] = []
        var current = ""
        for word in words {
            for piece in pieces(of: word, fits: restFits) {
                let fits = lines.isEmpty ? firstFits : restFits
                if current.isEmpty {
                    current = piece
                } else if fits(Substring(current + " " + piece)) {
                    current += " " + piece
                } else {
                    lines.append(current)
                    current = piece
                }
            }
        }
        lines.append(current)
        return lines
    }

    /// A word cut into chunks that fit, preferring cuts after `-` or `/`.
    private static func pieces(of word: Substring, fits: (Substring) -> Bool) -> [String] {
        var rest = word
        var result: [String] = []
        while !fits(rest) {
            // The longest prefix that fits, at least one character so the loop always advances.
            var end = rest.index(after: rest.startIndex)
            while end < rest.endIndex, fits(rest[..<rest.index(after: end)]) { end = rest.index(after: end) }
            let window = rest[..<end]
            let cut = window.lastIndex(where: { $0 == "-" || $0 == "/" }).map { rest.index(after: $0) } ?? end
            result.append(String(rest[..<cut]))
            rest = rest[cut...]
        }
        if !rest.isEmpty { result.append(String(rest)) }
        return result
    }
}
