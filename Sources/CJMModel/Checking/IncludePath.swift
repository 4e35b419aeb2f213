/// Lexical path arithmetic for includes (no file system access).
public enum IncludePath {
    /// `a/./b/../c` → `a/c`; keeps a leading `/` and leading `..`s; `.` for an empty path.
    public static func normalized(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." { parts.removeLast(); continue }
                if isAbsolute { continue }
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The folder of a file path (`.` for a bare name).
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// `folder/relative`, normalized.
    public static func join(_ folder: String, _ relative: String) -> String {
        normalized(folder == "." ? relative : folder + "/" + relative)
    }

    /// True when `path` lies strictly inside `folder` (both normalized or both canonical).
    public static func isInside(_ path: String, folder: String) -> Bool {
        if folder == "." { return !path.hasPrefix("/") && path != "." && path != ".." && !path.hasPrefix("../") }
        if folder == "/" { return path.hasPrefix("/") && path != "/" }
        return path.hasPrefix(folder + "/")
    }
}
