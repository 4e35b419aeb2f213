#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CJMSyntax

/// What a name can denote: an element of the model, or a named `view`.
enum DeclaredKind: Hashable, Sendable {
    case element(ElementKind)
    case view

    /// `stage`, `view`: for messages.
    var word: String {
        switch self {
        case .element(let kind): kind.rawValue
        case .view: "view"
        }
    }

    /// The kind a keyword declares, or nil for keywords that declare nothing referable.
    init?(keyword: String) {
        if keyword == "view" { self = .view; return }
        guard let kind = ElementKind(rawValue: keyword), kind != .journey, kind != .query else { return nil }
        self = .element(kind)
    }
}

/// One named element of the journey, as the declaration pass found it.
struct Declaration: Sendable {
    var path: ElementPath
    var kind: DeclaredKind
    /// The id as written (or the keyword, for positional ids).
    var range: SourceRange
    /// The scope of the element's own block, when it has one.
    var ownScope: Int?
    /// The scope it is declared in (set by `SymbolTable.declare`).
    var scope = SymbolTable.journeyScope

    init(path: ElementPath, kind: DeclaredKind, range: SourceRange) {
        self.path = path
        self.kind = kind
        self.range = range
    }
}

/// Every declared name of a journey, by scope (a block whose ids are its own: the journey, a
/// `leads`, `pipeline`, `stage`, `site`, `ads`, `campaign`, `group` or `ad`; nearest enclosing
/// block first) and by bare id across the whole journey.
struct SymbolTable: Sendable {
    static let journeyScope = 0

    /// A block whose ids are its own.
    private struct Scope: Sendable {
        var parent: Int?
        /// Index in `declarations`, by id.
        var members: [Name: Int] = [:]
    }

    /// An id as a dictionary key: hashed once, by its UTF-8 bytes (`SpellingHash`), and compared
    /// by its bytes. `String`'s own hashing and `==` normalise non-ASCII text on every call; the
    /// lexer already writes every id in composed form (NFC), so bytes decide equality exactly as
    /// `String` would. A lookup that walks several scopes makes its `Name` once.
    struct Name: Hashable {
        let text: String
        private let hash: Int

        init(_ text: String) {
            var text = text
            hash = text.withUTF8 { SpellingHash.of($0) }
            self.text = text
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        /// What `Dictionary` asks instead of `hash(into:)`: the stored hash mixed with the
        /// table's seed, without running SipHash on every lookup. The seed still differs per
        /// table, so copying one table's keys into another keeps its probing short.
        func _rawHashValue(seed: Int) -> Int {
            SpellingHash.of(key: UInt64(bitPattern: Int64(hash ^ seed)))
        }

        static func == (lhs: Name, rhs: Name) -> Bool {
            guard lhs.hash == rhs.hash, lhs.text.utf8.count == rhs.text.utf8.count else { return false }
            var left = lhs.text, right = rhs.text
            return left.withUTF8 { a in right.withUTF8 { b in a.isEmpty || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 } }
        }
    }

    private(set) var declarations: [Declaration] = []
    private var scopes = [Scope(parent: nil)]
    /// Indices in `declarations` of every declaration of an id, in declaration order.
    private var byID: [Name: [Int]] = [:]

    /// Adds a declaration to `scope`. Returns the earlier declaration of the same id in that
    /// scope instead when there is one (the caller reports the duplicate).
    mutating func declare(_ declaration: Declaration, in scope: Int) -> Declaration? {
        let id = Name(declaration.path.id)
        let next = declarations.count
        // One hash: the slot is filled with `next` when the id is new.
        let index = Self.claim(&scopes[scope].members[id, default: next], next)
        if index != next { return declarations[index] }
        var declared = declaration
        declared.scope = scope
        byID[id, default: []].append(next)
        declarations.append(declared)
        return nil
    }

    private static func claim(_ slot: inout Int, _ value: Int) -> Int { slot }

    /// Opens the block scope of `path` (nested in `parent`), attaching it to the declaration of
    /// `path` in `parent` when that one has no scope yet (the first block of a path keeps it).
    mutating func openScope(for path: ElementPath, in parent: Int) -> Int {
        let index = scopes.count
        scopes.append(Scope(parent: parent))
        if let owner = scopes[parent].members[Name(path.id)], declarations[owner].ownScope == nil {
            declarations[owner].ownScope = index
        }
        return index
    }

    /// Every declaration of a bare id, in declaration order.
    func all(named id: Name) -> [Declaration] {
        (byID[id] ?? []).map { declarations[$0] }
    }

    /// Every id of one kind, for "did you mean" (walks all declarations: error path only).
    func ids(of kind: DeclaredKind) -> [String] {
        declarations.lazy.filter { $0.kind == kind }.map(\.path.id)
    }

    /// What `id` denotes in `scope` itself (not in the scopes around it).
    func member(_ id: Name, of scope: Int) -> Declaration? {
        scopes[scope].members[id].map { declarations[$0] }
    }

    /// What `id` denotes in `scope` itself (not in the scopes around it).
    func member(_ id: String, of scope: Int) -> Declaration? {
        member(Name(id), of: scope)
    }

    /// The ids declared directly in `scope`, sorted.
    func memberIDs(of scope: Int) -> [String] {
        scopes[scope].members.keys.map(\.text).sorted()
    }

    func parent(of scope: Int) -> Int? {
        scopes[scope].parent
    }

    /// The scope of the block of the element at `path`: its ids looked up from the journey down.
    func scope(of path: ElementPath) -> Int? {
        var scope = Self.journeyScope
        for id in path.components {
            guard let found = member(id, of: scope), let inner = found.ownScope else { return nil }
            scope = inner
        }
        return scope
    }
}
