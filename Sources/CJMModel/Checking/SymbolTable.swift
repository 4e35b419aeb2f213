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
    var members: [NameKey: Int] = [:]
}

/// Every declared name of a journey, indexed for constant-time lookups: by scope (nearest
/// enclosing block first) and by bare id across the whole journey.
struct SymbolTable: Sendable {
    static let journeyScope = 0

    private(set) var declarations: [Declaration] = []
    private(set) var scopes: [Scope] = [Scope(parent: nil)]
    /// The first declaration of each id anywhere in the journey...
    private(set) var firstByID: [NameKey: Int] = [:]
    /// ...and the further ones, for the rare ids declared in several blocks.
    private(set) var moreByID: [NameKey: [Int]] = [:]
    /// The scope of each block, by the element path that owns it (first owner wins).
    private(set) var scopeByPath: [PathKey: Int] = [:]

    /// Adds a declaration to `scope`. Returns the earlier declaration of the same id in that
    /// scope instead when there is one (the caller reports the duplicate).
    mutating func declare(_ declaration: Declaration, in scope: Int) -> Declaration? {
        let key = NameKey(declaration.path.id)
        let index = declarations.count
        if let existing = scopes[scope].members.updateValue(index, forKey: key) {
            scopes[scope].members[key] = existing  // keep the first; rare, so the double write is fine
            return declarations[existing]
        }
        declarations.append(declaration)
        // One hash lookup instead of two: the default is stored when the id is new, and
        // `index` (one past every stored index) found there means it was.
        let isNew = { (slot: inout Int) in slot == index }(&firstByID[key, default: index])
        if !isNew { moreByID[key, default: []].append(index) }
        return nil
    }

    /// Sizes the journey's scope and the by-id index for `count` names, where a block of the
    /// journey holds up to that many statements: the tables then never grow, and each growth
    /// rehashed every id already in them.
    mutating func reserveJourneyScope(_ count: Int) {
        scopes[Self.journeyScope].members.reserveCapacity(count)
        firstByID.reserveCapacity(count)
    }

    /// Opens the block scope of `path` (nested in `parent`), attaching it to the declaration of
    /// `path` in `parent` when that declaration is the one registered there. `capacity` is how
    /// many names the block may declare at most (its statement count), so its table is made
    /// once at its size instead of growing (and rehashing) as they come.
    mutating func openScope(for path: ElementPath, in parent: Int, capacity: Int = 0) -> Int {
        let index = scopes.count
        scopes.append(Scope(parent: parent, members: Dictionary(minimumCapacity: capacity)))
        // One lookup, as in `declare`: `index` is stored only when the path had no scope yet.
        let isFirst = { (slot: inout Int) in slot == index }(&scopeByPath[PathKey(path), default: index])
        if isFirst {
            if let owner = scopes[parent].members[NameKey(path.id)], declarations[owner].ownScope == nil {
                declarations[owner].ownScope = index
            }
        }
        return index
    }

    /// Every declaration of a bare id, in declaration order.
    func all(named id: String) -> [Declaration] {
        guard let first = firstByID[NameKey(id)] else { return [] }
        return [declarations[first]] + (moreByID[NameKey(id)] ?? []).map { declarations[$0] }
    }

    /// The declaration of `id` when exactly one element of the journey has it.
    func onlyDeclaration(named id: String) -> Declaration? {
        let key = NameKey(id)
        guard let first = firstByID[key], moreByID.isEmpty || moreByID[key] == nil else { return nil }
        return declarations[first]
    }

    /// Every id of one kind, for "did you mean" (walks all declarations: error path only).
    func ids(of kind: DeclaredKind) -> [String] {
        declarations.lazy.filter { $0.kind == kind }.map(\.path.id)
    }

    func member(_ id: String, of scope: Int) -> Declaration? {
        scopes[scope].members[NameKey(id)].map { declarations[$0] }
    }

    func memberIDs(of scope: Int) -> [String] { scopes[scope].members.keys.map(\.name).sorted() }

    func parent(of scope: Int) -> Int? { scopes[scope].parent }

    func scope(of path: ElementPath) -> Int? { scopeByPath[PathKey(path)] }
}
