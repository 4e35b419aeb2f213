#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few path operations the command line needs, on plain strings.
public enum FilePath {
    /// The folder part of `path`: `.` for a bare name, `/` for a name at the root.
    public static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// The name after the last `/`.
    public static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The last component without its final extension: `maps/shop.cjm` → `shop`.
    static func stem(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The extension without the dot, lowercased; nil when there is none.
    static func pathExtension(of path: String) -> String? {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return String(name[name.index(after: dot)...]).lowercased()
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// The canonical absolute path, or nil when it does not exist.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// Creates `path` and its parents (`mkdir -p`).
    static func makeFolder(_ path: String) -> Bool {
        if isDirectory(path) { return true }
        let parent = folder(of: path)
        if parent != path, !isDirectory(parent), !makeFolder(parent) { return false }
        return mkdir(path, 0o777) == 0 || isDirectory(path)
    }

    /// The `.cjm` files directly inside a folder, sorted by name; hidden files skipped.
    static func journeys(in folder: String) -> [String] {
        files(in: folder, endingIn: [".cjm"], ignoringCase: false)
    }

    /// The Markdown documents (`.md`, `.markdown`) directly inside a folder, sorted by name;
    /// hidden files skipped.
    static func markdownDocuments(in folder: String) -> [String] {
        files(in: folder, endingIn: [".md", ".markdown"], ignoringCase: true)
    }

    /// Whether `path` names a Markdown document by its extension.
    static func isMarkdown(_ path: String) -> Bool {
        ["md", "markdown"].contains(pathExtension(of: path) ?? "")
    }

    private static func files(in folder: String, endingIn suffixes: [String], ignoringCase: Bool) -> [String] {
        entries(in: folder).filter { entry in
            !entry.isFolder && suffixes.contains { (ignoringCase ? entry.name.lowercased() : entry.name).hasSuffix($0) }
        }.map { join(folder, $0.name) }
    }

    /// A name directly inside a folder.
    public struct FolderEntry: Equatable, Sendable {
        /// The name, without the folder.
        public var name: String
        /// True for a folder (or a link to one).
        public var isFolder: Bool
    }

    /// What is directly inside `folder`, sorted by name, hidden names (`.git`) skipped; empty
    /// when the folder cannot be read. The one place the tool lists a folder.
    public static func entries(in folder: String) -> [FolderEntry] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted().map { FolderEntry(name: $0, isFolder: isDirectory(join(folder, $0))) }
    }
}
