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
    /// The scope it is declared in, and its id's number in the table's `NameTable` (both set
    /// by `SymbolTable.declare`).
    var scope = SymbolTable.journeyScope
    var name: Int32 = -1

    init(path: ElementPath, kind: DeclaredKind, range: SourceRange) {
        self.path = path
        self.kind = kind
        self.range = range
    }
}

/// Every declared name of a journey, indexed for constant-time lookups: by scope (a block whose
/// ids are its own: the journey, a `leads`, `pipeline`, `stage`, `site`, `ads`, `campaign`,
/// `group` or `ad`; nearest enclosing block first) and by bare id across the whole journey.
///
/// Names are numbered once (`NameTable`) and every lookup after that works on numbers: on a
/// 50 MB journey, hashing strings for each of the table's lookups was most of the first pass.
struct SymbolTable: Sendable {
    static let journeyScope = 0

    private(set) var declarations: [Declaration] = []
    private var names = NameTable()
    /// The enclosing scope of each scope; -1 for the journey's.
    private var scopeParents: [Int] = [-1]
    private var members = ScopeMembers()
    /// By name number: the first declaration of that id anywhere in the journey, and the last
    /// (so a further one is linked in order); -1 for none.
    private var firstByName: [Int32] = []
    private var lastByName: [Int32] = []
    /// By declaration: the next declaration of the same id, or -1.
    private var nextSameName: [Int32] = []

    /// Adds a declaration to `scope`. Returns the earlier declaration of the same id in that
    /// scope instead when there is one (the caller reports the duplicate).
    mutating func declare(_ declaration: Declaration, in scope: Int) -> Declaration? {
        let name = names.number(of: declaration.path.id)
        let index = declarations.count
        if let existing = members.add(index, scope: scope, name: name) { return declarations[existing] }
        var declared = declaration
        declared.scope = scope
        declared.name = name
        declarations.append(declared)
        link(index, name: name)
        return nil
    }

    /// Appends the declarations of `later`, a table of the journey's statements that follow
    /// this one's, as if they had been declared here in order: its block scopes are numbered on
    /// from this table's, its journey scope joins this one's. Returns false, leaving this table
    /// partly changed, when an id of the journey scope is declared in both (the caller then
    /// declares everything again on one thread, which reports or resolves it as written).
    mutating func append(_ later: SymbolTable) -> Bool {
        let scopeOffset = scopeParents.count - 1
        func scope(_ scope: Int) -> Int { scope == Self.journeyScope ? scope : scope + scopeOffset }
        let names = later.names.names.map { self.names.number(of: $0) }
        for parent in later.scopeParents.dropFirst() { scopeParents.append(scope(parent)) }
        declarations.reserveCapacity(declarations.count + later.declarations.count)
        for var declaration in later.declarations {
            let index = declarations.count
            declaration.name = names[Int(declaration.name)]
            declaration.scope = scope(declaration.scope)
            declaration.ownScope = declaration.ownScope.map(scope)
            guard members.add(index, scope: declaration.scope, name: declaration.name) == nil else { return false }
            link(index, name: declaration.name)
            declarations.append(declaration)
        }
        return true
    }

    /// Appends declaration `index` to the ones of its id.
    private mutating func link(_ index: Int, name: Int32) {
        nextSameName.append(-1)
        while firstByName.count <= Int(name) {
            firstByName.append(-1)
            lastByName.append(-1)
        }
        if firstByName[Int(name)] < 0 {
            firstByName[Int(name)] = Int32(index)
            lastByName[Int(name)] = Int32(index)
        } else {
            nextSameName[Int(lastByName[Int(name)])] = Int32(index)
            lastByName[Int(name)] = Int32(index)
        }
    }

    /// Makes room for `count` declarations up front (a 50 MB journey declares a few hundred
    /// thousand ids; growing the tables by doubling rehashed and copied them repeatedly).
    mutating func reserve(declarations count: Int) {
        declarations.reserveCapacity(count)
        nextSameName.reserveCapacity(count)
        members.reserve(count)
        names.reserve(count)
    }

    /// Opens the block scope of `path` (nested in `parent`), attaching it to the declaration of
    /// `path` in `parent` when that one has no scope yet (the first block of a path keeps it).
    mutating func openScope(for path: ElementPath, in parent: Int) -> Int {
        let index = scopeParents.count
        scopeParents.append(parent)
        if let name = names.existingNumber(of: path.id), let owner = members[parent, name], declarations[owner].ownScope == nil {
            declarations[owner].ownScope = index
        }
        return index
    }

    /// Every declaration of a bare id, in declaration order.
    func all(named id: String) -> [Declaration] {
        guard let name = names.existingNumber(of: id) else { return [] }
        var result: [Declaration] = []
        var next = Int(firstByName[Int(name)])
        while next >= 0 {
            result.append(declarations[next])
            next = Int(nextSameName[next])
        }
        return result
    }

    /// Every id of one kind, for "did you mean" (walks all declarations: error path only).
    func ids(of kind: DeclaredKind) -> [String] {
        declarations.lazy.filter { $0.kind == kind }.map(\.path.id)
    }

    /// The number of `id` in this table, nil when no element has it: to look one id up in
    /// several scopes, hashing it once.
    func nameNumber(of id: String) -> Int32? {
        names.existingNumber(of: id)
    }

    /// The index in `declarations` of what name number `name` denotes in `scope`.
    func memberIndex(_ name: Int32, of scope: Int) -> Int? {
        members[scope, name]
    }

    /// The index of the declaration of name number `name` when exactly one element has it.
    func onlyDeclarationIndex(_ name: Int32) -> Int? {
        let first = Int(firstByName[Int(name)])
        return first >= 0 && nextSameName[first] < 0 ? first : nil
    }

    func member(_ id: String, of scope: Int) -> Declaration? {
        guard let name = names.existingNumber(of: id) else { return nil }
        return members[scope, name].map { declarations[$0] }
    }

    /// The ids declared directly in `scope`, sorted (walks all declarations: error path only).
    func memberIDs(of scope: Int) -> [String] {
        declarations.filter { $0.scope == scope }.map(\.path.id).sorted()
    }

    func parent(of scope: Int) -> Int? {
        let parent = scopeParents[scope]
        return parent < 0 ? nil : parent
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
