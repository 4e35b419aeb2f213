/// Percent-encoding (RFC 3986 §2.1), the one implementation behind map links, the language
/// server's `file://` URIs, the preview's query strings and Markdown image links.
///
/// Each caller decides which bytes may stand as they are; escapes are always upper-case hex.
public enum PercentEncoding {
    /// `text`'s UTF-8 bytes, each byte that `keeps` refuses written as `%XX`. `keeps` should
    /// answer alike for all bytes from 0x80 up, so a character is kept or escaped whole.
    public static func encoded(_ text: String, keeping keeps: (UInt8) -> Bool) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if keeps(byte) {
                result.append(byte)
            } else {
                result += escape(byte).utf8
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// One byte as `%XX`.
    public static func escape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String(["%", digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    /// `bytes` with every `%XX` decoded, or nil when an escape is cut short or not hex, or the
    /// result is not UTF-8.
    public static func decoded(_ bytes: some Collection<UInt8>) -> String? {
        let bytes = Array(bytes)
        var decoded: [UInt8] = []
        decoded.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else {
                    return nil
                }
                decoded.append(high << 4 | low)
                index += 3
            } else {
                decoded.append(bytes[index])
                index += 1
            }
        }
        return String(validating: decoded, as: UTF8.self)
    }

    /// RFC 3986's unreserved bytes: ASCII letters and digits, `-`, `.`, `_`, `~`.
    public static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Whether `byte` is an ASCII hex digit.
    public static func isHexDigit(_ byte: UInt8) -> Bool { hexValue(byte) != nil }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
