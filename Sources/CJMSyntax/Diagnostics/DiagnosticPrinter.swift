/// Prints diagnostics the way compilers do, for people (`text`) and for tools (`jsonLine`).
///
///     journey.cjm:12:5: error[E040]: unknown reference 'repiar'; did you mean 'repair'?
///        12 |   repiar.done -> manual
///           |   ^~~~~~
///     journey.cjm:3:3: note: first defined here
///         3 |   stage repair "Ремонт"
///           |   ^~~~~~~~~~~~~~~~~~~~~
public struct DiagnosticPrinter: Sendable {
    /// The files diagnostics may point into, by path; a missing file just prints no source line.
    public var sources: SourceMap
    /// Whether `text` adds ANSI colours (for a terminal; never for files or CI logs).
    public var colored: Bool

    /// A printer for diagnostics that point into `sources` (found by `SourceFile.path`).
    public init(sources: SourceMap, colored: Bool) {
        self.sources = sources
        self.colored = colored
    }

    /// The diagnostic as lines of text joined by `\n`, without a final line break: the header,
    /// the source line with a caret under the range, then each note the same way.
    public func text(_ diagnostic: Diagnostic) -> String {
        var lines: [String] = []
        let severity = diagnostic.severity == .error ? style("error[\(diagnostic.code.rawValue)]", .error)
                                                     : style("warning[\(diagnostic.code.rawValue)]", .warning)
        lines.append(header(diagnostic.range) + severity + style(": " + MessageText.printable(diagnostic.message), .bold))
        lines += snippet(diagnostic.range)
        for note in diagnostic.notes {
            let label = style("note", .note) + ": " + MessageText.printable(note.message)
            if let range = note.range {
                lines.append(header(range) + label)
                lines += snippet(range)
            } else {
                lines.append(label)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The diagnostic as one JSON object on one line, keys in a fixed order:
    /// `file, line, column, endLine, endColumn, severity, code, message, notes`, each note
    /// `{message, file, line, column}` (the last three null for a note without a place).
    public func jsonLine(_ diagnostic: Diagnostic) -> String {
        let range = diagnostic.range
        var json = "{\"file\":" + JSONText.quoted(range.file)
        json += ",\"line\":\(range.start.line),\"column\":\(range.start.column)"
        json += ",\"endLine\":\(range.end.line),\"endColumn\":\(range.end.column)"
        json += ",\"severity\":" + JSONText.quoted(diagnostic.severity.rawValue)
        json += ",\"code\":" + JSONText.quoted(diagnostic.code.rawValue)
        json += ",\"message\":" + JSONText.quoted(diagnostic.message)
        json += ",\"notes\":["
        for (index, note) in diagnostic.notes.enumerated() {
            if index > 0 { json += "," }
            json += "{\"message\":" + JSONText.quoted(note.message)
            if let place = note.range {
                json += ",\"file\":" + JSONText.quoted(place.file) + ",\"line\":\(place.start.line),\"column\":\(place.start.column)}"
            } else {
                json += ",\"file\":null,\"line\":null,\"column\":null}"
            }
        }
        return json + "]}"
    }

    // MARK: Pieces

    private func header(_ range: SourceSpan) -> String {
        style("\(range.file):\(range.start.line):\(range.start.column):", .bold) + " "
    }

    /// The source line and the caret line under it, or nothing when the line is unknown.
    private func snippet(_ range: SourceSpan) -> [String] {
        guard let source = sources.file(path: range.file), range.start.line >= 1, range.start.line <= source.lineStarts.count else { return [] }
        let endColumn = range.end.line == range.start.line ? range.end.column : nil
        let shown = SourceLineDisplay(source.lineText(range.start.line), column: range.start.column, endColumn: endColumn)
        let number = String(range.start.line)
        let width = max(5, number.count)
        let gutter = String(repeating: " ", count: width - number.count) + number + " |"
        let blank = String(repeating: " ", count: width) + " |"
        let padding = String(repeating: " ", count: shown.caretOffset)
        let caret = "^" + String(repeating: "~", count: shown.underlineLength)
        return [
            style(gutter, .gutter) + (shown.text.isEmpty ? "" : " " + shown.text),
            style(blank, .gutter) + " " + padding + style(caret, .caret),
        ]
    }

    private enum Tone: String {
        case bold = "\u{1B}[1m"
        case error = "\u{1B}[1;31m"
        case warning = "\u{1B}[1;35m"
        case note = "\u{1B}[1;36m"
        case gutter = "\u{1B}[1;34m"
        case caret = "\u{1B}[1;32m"
    }

    private func style(_ text: String, _ tone: Tone) -> String {
        colored ? tone.rawValue + text + "\u{1B}[0m" : text
    }
}
