/// The canonical spelling of a number, percentage, duration or sum, from the text the lexer
/// accepted: an ASCII `-` and no `+`, digit groups kept where they were written but always
/// separated by a plain space, `.` as the decimal mark, `%` and a duration's unit glued to the
/// digits, and a currency mark as written after one space: `-2`, `85 000 ₽`, `12.5%`, `5d`.
///
/// Groups are kept rather than dropped because people read `1 250 000` and write it that way
/// in their reports; the separator becomes a plain space because a no-break or thin space
/// looks the same in an editor yet makes two files differ.
enum NumberSpelling {
    /// `written` is the source text of one number token, which lexed without errors.
    static func canonical(_ written: Substring, isMoney: Bool) -> String {
        let scalars = Array(written.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        if let first = scalars.first {
            if first == "+" { index = 1 }
            if first == "-" || first == "\u{2212}" || first == "\u{2013}" { output.append("-"); index = 1 }
        }
        func isDigit(_ at: Int) -> Bool { at < scalars.count && ("0"..."9").contains(scalars[at]) }
        while index < scalars.count {
            let scalar = scalars[index]
            if isDigit(index) {
                output.append(scalar)
            } else if (scalar == "." || scalar == ","), isDigit(index + 1) {
                output.append(".")
            } else if isSeparator(scalar), isDigit(index + 1) {
                output.append(" ")
            } else {
                break
            }
            index += 1
        }
        while index < scalars.count, isSeparator(scalars[index]) { index += 1 }
        var tail = String.UnicodeScalarView()
        tail.append(contentsOf: scalars[index...])
        let rest = String(tail)
        if rest.isEmpty { return String(output) }
        return String(output) + (isMoney ? " " : "") + rest
    }

    /// The spaces the lexer reads inside a number: space, U+00A0, U+2009, U+202F.
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{00A0}" || scalar == "\u{2009}" || scalar == "\u{202F}"
    }
}
