/// User text as Graphviz 2.42 plain-label text that prints exactly as typed.
///
/// Graphviz interprets backslash escapes (`\N`, `\n`, `\l`, ...) and HTML entities (`&lt;`)
/// in labels, so `\` and `&` are escaped; C0 control characters are not allowed in XML and
/// would make the SVG ill-formed, so they are dropped (tab becomes a space). `"`, `<` and `>`
/// need nothing: values go through the API, not DOT text, and Graphviz escapes them in SVG.
enum LabelText {
    /// A label of several lines, joined with Graphviz's own line breaks: `\n` centres each
    /// line, `\l` left-aligns it (and must end the last line too).
    static func label(_ lines: [String], leftAligned: Bool = false) -> String {
        let pieces = lines.flatMap(physicalLines).map(escapedLine)
        if leftAligned { return pieces.map { $0 + "\\l" }.joined() }
        return pieces.joined(separator: "\\n")
    }

    /// A tooltip: Graphviz unescapes backslashes twice on the way to `xlink:title`, so each
    /// one is written four times; lines are joined with `\n`, which it turns into `&#10;`.
    static func tooltip(_ text: String) -> String {
        physicalLines(text).map { line in
            cleaned(line).replacing("\\", with: "\\\\\\\\").replacing("&", with: "&amp;")
        }.joined(separator: "\\n")
    }

    private static func escapedLine(_ line: String) -> String {
        cleaned(line).replacing("\\", with: "\\\\").replacing("&", with: "&amp;")
    }

    /// A line of user text may itself hold line breaks (`\n` in a DSL string).
    private static func physicalLines(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
    }

    private static func cleaned(_ line: String) -> String {
        String(String.UnicodeScalarView(line.unicodeScalars.compactMap { scalar in
            if scalar == "\t" { return " " }
            return scalar.value < 0x20 || scalar.value == 0x7F ? nil : scalar
        }))
    }
}
