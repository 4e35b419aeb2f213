import CJMSyntax

/// `file://` URIs, as editors name documents, and the paths the checker reads.
///
/// Only the `file` scheme names a path; any other URI (`untitled:Untitled-1`) is kept as its
/// own "path", so diagnostics still name it and its includes resolve against the working folder.
public enum DocumentURI {
    /// The path a URI names: `file:///home/a/%D0%BA.cjm` → `/home/a/к.cjm`.
    public static func path(of uri: String) -> String {
        guard uri.hasPrefix("file://") else { return uri }
        var rest = Substring(uri.dropFirst("file://".count))
        // `file://host/path`: only the local host is meaningful here.
        if !rest.hasPrefix("/"), let slash = rest.firstIndex(of: "/") { rest = rest[slash...] }
        // A path with a broken escape is kept as written rather than refused.
        return PercentEncoding.decoded(rest.utf8) ?? String(rest)
    }

    /// The URI of a path: every byte outside the unreserved set and `/` is percent-encoded,
    /// as VS Code writes them.
    public static func uri(of path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        return "file://" + PercentEncoding.encoded(path) { PercentEncoding.isUnreserved($0) || $0 == UInt8(ascii: "/") }
    }
}
