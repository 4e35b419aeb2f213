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
}

/// A block whose ids are its own (the journey, a `leads`, `pipeline`, `stage`, `site`, `ads`,
/// `campaign`, `group` or `ad`).
struct Scope: Sendable {
    var parent: Int?
    /// Declaration indices by id.
    var members: [String: Int] = [:]
}

/// Every declared name of a journey, indexed for constant-time lookups: by scope (nearest
/// enclosing block first) and by bare id across the whole journey.
struct SymbolTable: Sendable {
    static let journeyScope = 0

    private(set) var declarations: [Declaration] = []
    private(set) var scopes: [Scope] = [Scope(parent: nil)]
    /// The first declaration of each id anywhere in the journey...
    private(set) var firstByID: [String: Int] = [:]
    /// ...and the further ones, for the rare ids declared in several blocks.
    private(set) var moreByID: [String: [Int]] = [:]
    /// The scope of each block, by the element path that owns it (first owner wins).
    private(set) var scopeByPath: [ElementPath: Int] = [:]
    /// Ids by kind, for "did you mean" among the names that would fit.
    private(set) var idsByKind: [DeclaredKind: [String]] = [:]

    /// Adds a declaration to `scope`. Returns the earlier declaration of the same id in that
    /// scope instead when there is one (the caller reports the duplicate).
    mutating func declare(_ declaration: Declaration, in scope: Int) -> Declaration? {
        if let existing = scopes[scope].members[declaration.path.id] { return declarations[existing] }
        let index = declarations.count
        declarations.append(declaration)
        scopes[scope].members[declaration.path.id] = index
        let id = declaration.path.id
        if firstByID[id] == nil { firstByID[id] = index } else { moreByID[id, default: []].append(index) }
        idsByKind[declaration.kind, default: []].append(id)
        return nil
    }

    /// Opens the block scope of `path` (nested in `parent`), attaching it to the declaration of
    /// `path` in `parent` when that declaration is the one registered there.
    mutating func openScope(for path: ElementPath, in parent: Int) -> Int {
        let index = scopes.count
        scopes.append(Scope(parent: parent))
        if scopeByPath[path] == nil {
            scopeByPath[path] = index
            if let owner = scopes[parent].members[path.id], declarations[owner].ownScope == nil {
                declarations[owner].ownScope = index
            }
        }
        return index
    }

    /// Every declaration of a bare id, in declaration order.
    func all(named id: String) -> [Declaration] {
        guard let first = firstByID[id] else { return [] }
        return [declarations[first]] + (moreByID[id] ?? []).map { declarations[$0] }
    }

    func member(_ id: String, of scope: Int) -> Declaration? {
        scopes[scope].members[id].map { declarations[$0] }
    }

    func memberIDs(of scope: Int) -> [String] { Array(scopes[scope].members.keys).sorted() }

    func parent(of scope: Int) -> Int? { scopes[scope].parent }

    func scope(of path: ElementPath) -> Int? { scopeByPath[path] }
}
