/// Which `url:` values may reach a map (SPEC §5): http, https, mailto, tel, or a relative path.
///
/// Browsers drop tabs and line breaks anywhere in a URL and spaces and control characters before
/// it, and treat `\` like `/`, so such characters could hide a scheme (`java\tscript:`) or a host
/// (`\\host`): a URL with a control character, a leading space or a leading `//` is refused
/// outright rather than guessed at.
///
/// Every URL accepted here must also be accepted by the renderer's own check (`SafeURL` in
/// CJMGraphviz, which this stage cannot import); otherwise a file that passes `cjm check` fails
/// to render. So the scheme is found exactly as `SafeURL` finds it: the text before the first
/// `:`, unless a `/`, `?` or `#` comes earlier. `URLPolicyAgreementTests` and the `check` fuzz
/// target hold the two to that.
enum URLPolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Nil when the URL is acceptable, else a message saying why not.
    static func problem(with url: String) -> String? {
        let scalars = url.unicodeScalars
        guard let first = scalars.first else {
            return "`url:` is empty; give a link such as \"https://example.com/\" or a relative path such as \"/repair\""
        }
        if let control = scalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "`url:` may not contain \(describe(control)) (browsers drop it, so it can hide a scheme); percent-encode it or remove it"
        }
        if first == " " {
            return "`url:` may not start with a space"
        }
        let isSlash: (Unicode.Scalar) -> Bool = { $0 == "/" || $0 == "\\" }
        var lead = scalars.makeIterator()
        if isSlash(first), lead.next() != nil, let second = lead.next(), isSlash(second) {
            return "`url:` may not start with `//` (a link to another host without a scheme); write https://…"
        }
        var scheme = String.UnicodeScalarView()
        for scalar in scalars {
            if scalar == "/" || scalar == "?" || scalar == "#" { return nil }
            if scalar == ":" {
                let name = String(scheme).lowercased()
                if allowedSchemes.contains(name) { return nil }
                return "`url:` scheme `\(name):` is not allowed; use http, https, mailto, tel or a relative path such as \"/repair\""
            }
            scheme.append(scalar)
        }
        return nil
    }

    private static func describe(_ control: Unicode.Scalar) -> String {
        if control == "\t" { return "a tab" }
        if control == "\n" || control == "\r" { return "a line break" }
        let hex = String(control.value, radix: 16, uppercase: true)
        return "the control character U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
