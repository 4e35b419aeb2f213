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
        physicalLines(text).map { escaped($0, backslash: "\\\\\\\\") }.joined(separator: "\\n")
    }

    private static func escapedLine(_ line: String) -> String {
        escaped(line, backslash: "\\\\")
    }

    /// One pass over the UTF-8 bytes: drops control characters (a tab becomes a space) and
    /// escapes `\` and `&`. Every byte touched is ASCII, which never occurs inside a
    /// multi-byte character, so the bytes can be edited directly; appending scalar by scalar
    /// to a `String` cost more than Graphviz's own work on the node.
    private static func escaped(_ line: String, backslash: String) -> String {
        let utf8 = line.utf8
        guard utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C || $0 == 0x26 }) else { return line }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x5C: result.append(contentsOf: backslash.utf8)
            case 0x26: result.append(contentsOf: "&amp;".utf8)
            case 0x09: result.append(0x20)
            case 0..<0x20, 0x7F: continue
            default: result.append(byte)
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// A line of user text may itself hold line breaks (`\n` in a DSL string).
    private static func physicalLines(_ text: String) -> [String] {
        // Split on the bytes of `\n`, `\r\n` and `\r`: a Character-level split costs more than
        // Graphviz's own work on small maps.
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return [text] }
        var lines: [String] = []
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            lines.append(String(decoding: utf8[start..<index], as: UTF8.self))
            index = utf8.index(after: index)
            if byte == 0x0D, index < utf8.endIndex, utf8[index] == 0x0A { index = utf8.index(after: index) }
            start = index
        }
        lines.append(String(decoding: utf8[start..<utf8.endIndex], as: UTF8.self))
        return lines
    }
}
