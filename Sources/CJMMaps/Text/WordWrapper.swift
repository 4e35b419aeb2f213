/// Breaks label text into lines no wider than a given number of characters, so boxes on a
/// wall-size map stay narrow and readable instead of growing into one long line.
///
/// Width counts user-perceived characters, so a Cyrillic label wraps exactly like a Latin one.
/// Words move whole to the next line; a word longer than the width (a URL, a long compound)
/// is split after its last `-` or `/` that fits, else cut at the width. Line breaks already in
/// the text are kept. Non-breaking spaces (U+00A0, U+202F) never break, so `1 200` stays whole.
public enum WordWrapper {
    /// The lines of `text`, each at most `width` characters (`width` below 1 counts as 1).
    /// Empty or blank text gives no lines.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines += wrapParagraph(Substring(paragraph), width: width)
        }
        while lines.last == "" { lines.removeLast() }
        while lines.first == "" { lines.removeFirst() }
        return lines
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
        guard !words.isEmpty else { return [""] }
        var lines: [String] = []
        var current = ""
        for word in words {
            for piece in pieces(of: String(word), width: width) {
                if current.isEmpty {
                    current = piece
                } else if current.count + 1 + piece.count <= width {
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

    /// A word cut into chunks of at most `width` characters, preferring cuts after `-` or `/`.
    private static func pieces(of word: String, width: Int) -> [String] {
        var rest = Array(word)
        var result: [String] = []
        while rest.count > width {
            let window = rest[0..<width]
            let cut = window.lastIndex(where: { $0 == "-" || $0 == "/" }).map { $0 + 1 } ?? width
            result.append(String(rest[0..<cut]))
            rest.removeFirst(cut)
        }
        if !rest.isEmpty { result.append(String(rest)) }
        return result
    }
}
