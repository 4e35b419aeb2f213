#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the checker reads `include`d files: the real file system, or (in tests, or for a
/// journey read from stdin) a dictionary of in-memory files. All file access of the checker
/// goes through it.
public struct IncludeLoader: Sendable {
    /// The bytes of the file at `path` (as resolved against the including file's folder);
    /// throws when it cannot be read.
    public let read: @Sendable (String) throws -> [UInt8]
    /// The path with symlinks and `..` resolved, or nil when nothing exists there. The checker
    /// compares these to keep includes inside the including file's folder tree and to find cycles.
    public let canonicalPath: @Sendable (String) -> String?

    public init(read: @escaping @Sendable (String) throws -> [UInt8],
                canonicalPath: @escaping @Sendable (String) -> String? = { IncludePath.normalized($0) }) {
        self.read = read
        self.canonicalPath = canonicalPath
    }

    /// Reads real files; canonical paths come from `realpath(3)`.
    public static let fileSystem = IncludeLoader(
        read: { path in try FileBytes.read(path) },
        canonicalPath: { path in
            guard let resolved = realpath(path, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        })

    /// Files held in memory, keyed by path as the checker resolves it (`dir/b.cjm`).
    public static func inMemory(_ files: [String: String]) -> IncludeLoader {
        var normalizedFiles: [String: [UInt8]] = [:]
        for (path, text) in files { normalizedFiles[IncludePath.normalized(path)] = Array(text.utf8) }
        let contents = normalizedFiles
        return IncludeLoader(
            read: { path in
                guard let bytes = contents[IncludePath.normalized(path)] else { throw IncludeReadError(message: "no such file") }
                return bytes
            },
            canonicalPath: { path in
                let normalized = IncludePath.normalized(path)
                // Folders exist when some file lies under them.
                if contents[normalized] != nil || normalized == "." || normalized == "/" { return normalized }
                let prefix = normalized + "/"
                return contents.keys.contains { $0.hasPrefix(prefix) } ? normalized : nil
            })
    }
}

/// Why an included file could not be read.
public struct IncludeReadError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

/// Whole-file reads through POSIX, so the model module needs no Foundation.
enum FileBytes {
    static func read(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw IncludeReadError(message: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw IncludeReadError(message: String(cString: strerror(errno)))
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif

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
