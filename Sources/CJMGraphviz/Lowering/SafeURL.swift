import CJMSyntax

/// A link URL made safe for Graphviz 2.42, which writes `URL` into SVG as it is (no XML
/// escaping) and passes any scheme through.
///
/// Only `http:`, `https:`, `mailto:`, `tel:` and relative references are accepted; anything
/// else (`javascript:`, `data:`, `file:`) is refused. What could break out of the attribute
/// or the XML is percent-encoded: `"`, `<`, `>`, `'`, backslash (Graphviz expands `\N` in
/// URLs), space, control and non-ASCII characters, and a `%` that starts no escape. `&`
/// stays a query separator and is written as `&amp;`, which the SVG reader decodes back.
enum SafeURL {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// The URL as Graphviz should be given it, or nil when its scheme is not allowed.
    static func forGraphviz(_ raw: String) -> String? {
        guard isAllowed(raw) else { return nil }
        let bytes = Array(raw.utf8)
        var result = ""
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "&"):
                result += "&amp;"
            case UInt8(ascii: "%") where index + 2 < bytes.count && PercentEncoding.isHexDigit(bytes[index + 1]) && PercentEncoding.isHexDigit(bytes[index + 2]):
                result += "%"
            case _ where isPlain(byte):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += PercentEncoding.escape(byte)
            }
        }
        return result
    }

    /// Allowed schemes, or no scheme at all (a relative reference: `/repair`, `page.html`,
    /// `#top`, `?q=1`). A colon before any `/`, `?` or `#` means a scheme.
    static func isAllowed(_ raw: String) -> Bool {
        let trimmed = raw.drop(while: { $0 == " " })
        guard !trimmed.isEmpty, trimmed.count == raw.count else { return false }
        guard let colon = raw.firstIndex(of: ":") else { return true }
        let head = raw[..<colon]
        if head.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
        return allowedSchemes.contains(head.lowercased())
    }

    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~:/?#[]@!$()*+,;=".utf8.contains(byte)
        }
    }
}
