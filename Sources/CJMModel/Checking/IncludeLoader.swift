#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CJMSyntax

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

    /// A loader from a reader and, optionally, a canonicaliser (lexical normalisation by default,
    /// which suits in-memory files that have no symlinks).
    public init(read: @escaping @Sendable (String) throws -> [UInt8],
                canonicalPath: @escaping @Sendable (String) -> String? = { IncludePath.normalized($0) }) {
        self.read = read
        self.canonicalPath = canonicalPath
    }

    /// Reads real files; canonical paths come from `realpath(3)`.
    public static let fileSystem = IncludeLoader(
        read: { path in
            switch FileReader.read(path: path, cap: Limits.standard.maxFileBytes) {
            case .success(let bytes): return bytes
            case .failure(.notFound): throw IncludeReadError(message: "no such file")
            case .failure(.unreadable(_, let reason)): throw IncludeReadError(message: reason)
            }
        },
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
    /// What went wrong, e.g. "No such file or directory".
    public var message: String
    /// An error with `message`.
    public init(message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
