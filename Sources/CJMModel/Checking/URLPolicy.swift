/// Which `url:` values may reach a map (SPEC §5): http, https, mailto, tel, or a relative path.
///
/// Browsers drop tabs and line breaks anywhere in a URL and spaces and control characters before
/// it, and treat `\` like `/`, so `java\tscript:` and `\\host` are judged as a browser reads them.
enum URLPolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Nil when the URL is acceptable, else a message saying why not.
    static func problem(with url: String) -> String? {
        var scheme: [Unicode.Scalar] = []
        var seenAny = false
        var leadingSlashes = 0
        for scalar in url.unicodeScalars {
            if scalar == "\t" || scalar == "\n" || scalar == "\r" { continue }
            if !seenAny && scalar.value <= 0x20 { continue }
            let isSlash = scalar == "/" || scalar == "\\"
            if !seenAny || leadingSlashes == 1 && scheme.isEmpty {
                if isSlash {
                    leadingSlashes += 1
                    if leadingSlashes == 2 {
                        return "`url:` may not start with `//` (a link to another host without a scheme); write https://…"
                    }
                    seenAny = true
                    continue
                }
            }
            seenAny = true
            // A scheme is the text before the first `:` when no `/`, `?` or `#` comes earlier.
            if isSlash || scalar == "?" || scalar == "#" { return nil }
            if scalar == ":" {
                let name = String(String.UnicodeScalarView(scheme)).lowercased()
                if allowedSchemes.contains(name) { return nil }
                return "`url:` scheme `\(name):` is not allowed; use http, https, mailto, tel or a relative path such as \"/repair\""
            }
            if leadingSlashes > 0 { return nil }
            scheme.append(scalar)
        }
        return nil
    }
}
