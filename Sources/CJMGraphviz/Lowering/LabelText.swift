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
        let separator: [UInt8] = leftAligned ? [0x5C, 0x6C] : [0x5C, 0x6E]
        // The common case, one plain line centred, is the line itself.
        if !leftAligned, lines.count == 1, !needsWork(lines[0]) { return lines[0] }
        var out: [UInt8] = []
        for (index, line) in lines.enumerated() {
            if index > 0 { out += separator }
            append(line, backslash: [0x5C, 0x5C], separator: separator, to: &out)
        }
        if leftAligned, !lines.isEmpty { out += separator }
        return String(decoding: out, as: UTF8.self)
    }

    /// A tooltip: Graphviz unescapes backslashes twice on the way to `xlink:title`, so each
    /// one is written four times; lines are joined with `\n`, which it turns into `&#10;`.
    static func tooltip(_ text: String) -> String {
        guard needsWork(text) else { return text }
        var out: [UInt8] = []
        append(text, backslash: [0x5C, 0x5C, 0x5C, 0x5C], separator: [0x5C, 0x6E], to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` has a byte that `append` changes: a control character (line breaks
    /// included), `\` or `&`.
    private static func needsWork(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0x5C || $0 == 0x26 } }
    }

    /// One pass over the UTF-8 bytes of `text`: each line break (`\n`, `\r\n` or `\r`: a line
    /// of user text may hold them, from `\n` in a DSL string) becomes `separator`, other
    /// control characters are dropped (a tab becomes a space), `\` becomes `backslash` and `&`
    /// becomes `&amp;`. Every byte touched is ASCII, which never occurs inside a multi-byte
    /// character, so the bytes can be edited directly; appending scalar by scalar to a
    /// `String` cost more than Graphviz's own work on the node.
    private static func append(_ text: String, backslash: [UInt8], separator: [UInt8], to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 16)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case 0x0D:
                    if index < bytes.count, bytes[index] == 0x0A { index += 1 }
                    out += separator
                case 0x0A: out += separator
                case 0x5C: out += backslash
                case 0x26: out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
                case 0x09: out.append(0x20)
                case 0..<0x20, 0x7F: continue
                default: out.append(byte)
                }
            }
        }
    }
}
