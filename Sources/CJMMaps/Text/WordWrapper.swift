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
        let limit = Double(max(1, width))
        let characters = LineWidth(adding: { width, scalar in isZeroWidth(scalar) ? width : width + 1 }, fits: { $0 <= limit })
        return wrap(text, hangingIndent: hangingIndent, measure: characters)
    }

    /// The lines of `text`, each at most `points` wide as `measure` estimates it, continuation
    /// lines indented by `hangingIndent` (a single character wider than `points` still gets a
    /// line of its own). Empty or blank text gives no lines.
    static func wrap(_ text: String, points: Double, measure: TextMeasure, hangingIndent: String = "") -> [String] {
        let line = LineWidth(adding: { ems, scalar in ems + TextMeasure.ems(scalar) }, fits: { measure.points(ems: $0) <= points })
        return wrap(text, hangingIndent: hangingIndent, measure: line)
    }

    /// How wide a line is, as a sum over its Unicode scalars in reading order. Candidate lines
    /// are measured by extending their prefix's width, and text is walked by scalars, not
    /// `Character`s: grapheme breaking made wrapping most of the flow map's build time.
    private struct LineWidth {
        /// The width of a line after appending one scalar to a line `width` wide.
        var adding: (_ width: Double, _ scalar: Unicode.Scalar) -> Double
        /// Whether a line this wide fits; must hold for every prefix of a line it holds for.
        var fits: (Double) -> Bool

        func width(of scalars: some Sequence<Unicode.Scalar>, from start: Double = 0) -> Double {
            scalars.reduce(start, adding)
        }
    }

    /// Combining marks and format characters take no column of their own, so a character
    /// count stays a count of what a reader sees (`й` written as `и` + U+0306 is one).
    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 || (0x400...0x482).contains(scalar.value) { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    private typealias Scalars = Substring.UnicodeScalarView

    private static func wrap(_ text: String, hangingIndent: String, measure: LineWidth) -> [String] {
        let indentWidth = measure.width(of: hangingIndent.unicodeScalars)
        let indent = measure.fits(measure.adding(indentWidth, "x")) ? hangingIndent : ""
        // Where every line but the very first starts measuring: after its indent.
        let indented = indent.isEmpty ? 0 : indentWidth
        if isOneLine(text, from: indented, measure: measure) { return [text] }
        var lines: [String] = []
        for paragraph in Substring(text).unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = paragraph.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard !words.isEmpty else {
                lines.append("")
                continue
            }
            var current = ""
            var currentWidth = 0.0
            for word in words {
                for (index, piece) in pieces(of: word, from: indented, measure: measure).enumerated() {
                    if current.isEmpty {
                        current = String(Substring(piece))
                        currentWidth = measure.width(of: piece, from: lines.isEmpty ? 0 : indented)
                        continue
                    }
                    // The rest of a cut word continues it without a space; a new word follows one.
                    let joined = measure.width(of: piece, from: index > 0 ? currentWidth : measure.adding(currentWidth, " "))
                    if measure.fits(joined) {
                        if index == 0 { current.unicodeScalars.append(" ") }
                        current.unicodeScalars.append(contentsOf: piece)
                        currentWidth = joined
                    } else {
                        lines.append(current)
                        current = String(Substring(piece))
                        currentWidth = measure.width(of: piece, from: indented)
                    }
                }
            }
            lines.append(current)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        return lines.enumerated().map { index, line in index == 0 || line.isEmpty ? line : indent + line }
    }

    /// Whether `text` comes out of wrapping unchanged: one line already spaced the way wrapping
    /// joins words, that fits even after the indent (as each of its words must). Most labels
    /// are short, so this single pass answers for them.
    private static func isOneLine(_ text: String, from start: Double, measure: LineWidth) -> Bool {
        var width = start
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\t": return false
            case " " where previous == " ": return false
            default: break
            }
            width = measure.adding(width, scalar)
            previous = scalar
        }
        return previous != " " && measure.fits(width)
    }

    /// A word cut into chunks that fit after an indent `start` wide, preferring cuts after `-` or `/`.
    private static func pieces(of word: Scalars, from start: Double, measure: LineWidth) -> [Scalars] {
        var rest = word
        var result: [Scalars] = []
        while !rest.isEmpty {
            // The end of the longest prefix that fits; `overflow` stays false when all of `rest` fits.
            var width = start
            var fitting = rest.startIndex
            var overflow = false
            for index in rest.indices {
                width = measure.adding(width, rest[index])
                guard measure.fits(width) else {
                    overflow = true
                    break
                }
                fitting = rest.index(after: index)
            }
            guard overflow else { break }
            // At least one scalar, so the loop always advances.
            let end = fitting == rest.startIndex ? rest.index(after: rest.startIndex) : fitting
            let cut = rest[..<end].lastIndex(where: { $0 == "-" || $0 == "/" }).map { rest.index(after: $0) } ?? end
            result.append(rest[..<cut])
            rest = rest[cut...]
        }
        if !rest.isEmpty { result.append(rest) }
        return result
    }
}
