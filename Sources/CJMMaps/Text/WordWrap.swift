/// Greedy word wrapping to a width in points, measured by `TextMeasure`.
///
/// Breaks at spaces; a word wider than the line on its own is cut between characters so no
/// line ever exceeds `width`. Written line breaks (`\n`) are kept. Never returns an empty
/// array: empty text is one empty line.
enum WordWrap {
    static func lines(_ text: String, width: Double, measure: TextMeasure) -> [String] {
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            result += wrap(paragraph, width: width, measure: measure)
        }
        return result
    }

    private static func wrap(_ paragraph: Substring, width: Double, measure: TextMeasure) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in paragraph.split(separator: " ") {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if measure.width(of: candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = ""
            for piece in cut(String(word), width: width, measure: measure) {
                if !current.isEmpty { lines.append(current) }
                current = piece
            }
        }
        lines.append(current)
        return lines
    }

    /// `word` in pieces that each fit `width` (the last piece carries on the line).
    private static func cut(_ word: String, width: Double, measure: TextMeasure) -> [String] {
        guard measure.width(of: word) > width else { return [word] }
        var pieces: [String] = []
        var piece = ""
        for character in word {
            if !piece.isEmpty && measure.width(of: piece + String(character)) > width {
                pieces.append(piece)
                piece = ""
            }
            piece.append(character)
        }
        pieces.append(piece)
        return pieces
    }
}
