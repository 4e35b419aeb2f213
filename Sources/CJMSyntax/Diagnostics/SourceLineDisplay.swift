/// One source line made ready to print under a diagnostic, with where its caret goes.
///
/// Columns count Unicode scalars, but terminals count cells: a tab spans several, a combining
/// mark none, a control character would print nothing or garble the terminal. So the line is
/// redrawn (tabs as spaces to the next stop of 4, controls as their visible Control Pictures)
/// and the caret is placed by the same measure. Very long lines are cut to a window around
/// the caret, marked with `…`.
struct SourceLineDisplay {
    /// The line as printed.
    private(set) var text = ""
    /// Cells before the caret.
    private(set) var caretOffset = 0
    /// Number of `~` after the `^`.
    private(set) var underlineLength = 0

    static let tabStop = 4
    /// Lines longer than this many scalars are shown as a window around the caret.
    static let windowWidth = 160

    /// - Parameters:
    ///   - column: 1-based scalar column of the caret.
    ///   - endColumn: 1-based scalar column just past the range when it ends on this line.
    init(_ line: String, column: Int, endColumn: Int?) {
        let scalars = Array(line.unicodeScalars)
        let caretIndex = max(0, column - 1)
        var from = 0
        var to = scalars.count
        if scalars.count > Self.windowWidth {
            from = max(0, min(caretIndex - Self.windowWidth / 3, scalars.count - Self.windowWidth))
            to = min(scalars.count, from + Self.windowWidth)
        }
        let endIndex = endColumn.map { $0 - 1 }

        var cells = 0
        var caretCell: Int?
        var endCell: Int?
        if from > 0 {
            text.append("…")
            cells = 1
        }
        for index in from..<to {
            if index == caretIndex { caretCell = cells }
            if index == endIndex { endCell = cells }
            let scalar = scalars[index]
            switch scalar.value {
            case 0x09:
                let width = Self.tabStop - cells % Self.tabStop
                text.append(String(repeating: " ", count: width))
                cells += width
            case 0x00..<0x20:
                text.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value)!)
                cells += 1
            case 0x7F:
                text.unicodeScalars.append("\u{2421}")
                cells += 1
            default:
                text.unicodeScalars.append(scalar)
                switch scalar.properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .format: break
                default: cells += 1
                }
            }
        }
        if to < scalars.count { text.append("…") }
        // A caret past the end of the line (at a line break or the end of the file) stands
        // just after the last character.
        let caret = caretCell ?? cells
        caretOffset = caret
        if let endIndex, endIndex > caretIndex + 1 {
            underlineLength = max(0, (endCell ?? cells) - caret - 1)
        }
    }
}
