/// JSON string literals (RFC 8259): non-ASCII text such as Cyrillic stays as UTF-8.
package enum JSONText {
    /// `text` as a JSON string literal.
    package static func quoted(_ text: String) -> String {
        var bytes: [UInt8] = []
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal to UTF-8 `bytes`: the one escaping rule, byte by
    /// byte (large answers, such as a language server's outline, are mostly strings).
    package static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var index = 0
            var plainStart = 0
            while index < utf8.count {
                let byte = utf8[index]
                // Most bytes need no escape: they are copied in runs.
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 else {
                    index += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<index]))
                switch byte {
                case UInt8(ascii: "\""): bytes += [0x5C, 0x22]
                case UInt8(ascii: "\\"): bytes += [0x5C, 0x5C]
                case UInt8(ascii: "\n"): bytes += [0x5C, UInt8(ascii: "n")]
                case UInt8(ascii: "\r"): bytes += [0x5C, UInt8(ascii: "r")]
                case UInt8(ascii: "\t"): bytes += [0x5C, UInt8(ascii: "t")]
                case 0x08: bytes += [0x5C, UInt8(ascii: "b")]
                case 0x0C: bytes += [0x5C, UInt8(ascii: "f")]
                case 0..<0x20: appendEscape(UInt32(byte), to: &bytes)
                // Line and paragraph separators (E2 80 A8/A9) are valid JSON but break JavaScript
                // string literals.
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                    appendEscape(utf8[index + 2] == 0xA8 ? 0x2028 : 0x2029, to: &bytes)
                    index += 2
                default: bytes.append(byte)
                }
                index += 1
                plainStart = index
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plainStart..<utf8.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func appendEscape(_ value: UInt32, to bytes: inout [UInt8]) {
        let hex = Array(String(value, radix: 16).utf8)
        bytes += [0x5C, UInt8(ascii: "u")] + Array(repeating: UInt8(ascii: "0"), count: 4 - hex.count) + hex
    }
}
