/// Which `url:` values may reach a map (SPEC §5): http, https, mailto, tel, or a relative path.
///
/// Browsers drop tabs, line breaks and leading spaces from a URL before reading its scheme, and
/// treat `\` like `/`, so `java\tscript:` and `\\host` are judged as a browser would read them.
enum URLPolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Nil when the URL is acceptable, else a message saying why not.
    static func problem(with url: String) -> String? {
        // What a browser would see: no tabs or line breaks anywhere, no leading spaces or controls.
        let scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        let trimmed = scalars.drop { $0.value <= 0x20 }
        let seen = String(String.UnicodeScalarView(trimmed))

        let head = seen.prefix(2).map { $0 == "\\" ? "/" : $0 }
        if head == ["/", "/"] {
            return "`url:` may not start with `//` (a link to another host without a scheme); write https://…"
        }
        // A scheme is the text before the first `:` when no `/`, `?` or `#` comes earlier.
        guard let colon = seen.firstIndex(of: ":") else { return nil }
        let beforeColon = seen[..<colon]
        if beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" || $0 == "\\" }) { return nil }
        let scheme = beforeColon.lowercased()
        if allowedSchemes.contains(scheme) { return nil }
        return "`url:` scheme `\(scheme):` is not allowed; use http, https, mailto, tel or a relative path such as \"/repair\""
    }
}
