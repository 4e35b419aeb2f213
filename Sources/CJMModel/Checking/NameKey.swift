#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A dictionary key for ids that hashes and compares their UTF-8 bytes.
///
/// `String`'s own hashing normalises non-ASCII text (to make canonically equivalent strings
/// equal), which costs about a thousand instructions per Cyrillic id; ids are compared as
/// written, byte for byte, as compilers do, so the checker keys its scopes with this instead.
struct NameKey: Hashable, Sendable {
    let name: String

    init(_ name: String) { self.name = name }

    func hash(into hasher: inout Hasher) {
        Self.hashBytes(of: name, into: &hasher)
    }

    static func == (lhs: NameKey, rhs: NameKey) -> Bool {
        sameBytes(lhs.name, rhs.name)
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        // Most keys a hash probe compares are other ids; their lengths usually differ.
        guard a.utf8.count == b.utf8.count else { return false }
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    static func hashBytes(of text: String, into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(0xFF as UInt8)  // separates consecutive names in a path
    }
}

/// A dictionary key for element paths, hashed byte-wise like `NameKey`.
struct PathKey: Hashable, Sendable {
    let path: ElementPath

    init(_ path: ElementPath) { self.path = path }

    func hash(into hasher: inout Hasher) {
        for component in path.components { NameKey.hashBytes(of: component, into: &hasher) }
    }

    static func == (lhs: PathKey, rhs: PathKey) -> Bool {
        lhs.path.components.count == rhs.path.components.count
            && zip(lhs.path.components, rhs.path.components).allSatisfy { NameKey.sameBytes($0, $1) }
    }
}
