/// Escaping for text that leaves the tool: message text for terminals, strings for JSON.
enum MessageText {
    /// `message` with control characters spelled out (`\n`, `\u{1B}`), so user text quoted in
    /// a message can neither break the one-line layout nor send escape codes to a terminal.
    static func printable(_ message: String) -> String {
        guard message.unicodeScalars.contains(where: isControl) else { return message }
        var result = ""
        for scalar in message.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where isControl(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
