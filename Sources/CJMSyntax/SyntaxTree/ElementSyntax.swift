/// `KEYWORD [id] ["Label"] [name: value | flag]... [{ children }]`.
///
/// The first bare word after the keyword is the id; later bare words are flags (`won`, `lost`).
///
/// The parts live behind one reference (copy on write), so copying an element, which every
/// walk of the tree does for each element it looks at, is one retain instead of one for each
/// of its strings and arrays, and a block's statements array holds 8 bytes per statement.
public struct ElementSyntax: Equatable, Sendable {
    private final class Storage: @unchecked Sendable {
        var keyword: Identifier
        var id: Identifier?
        var label: StringLiteral?
        var attributes: [AttributeSyntax]
        var flags: [Identifier]
        var body: BlockSyntax?

        init(keyword: Identifier, id: Identifier?, label: StringLiteral?, attributes: [AttributeSyntax], flags: [Identifier], body: BlockSyntax?) {
            self.keyword = keyword
            self.id = id
            self.label = label
            self.attributes = attributes
            self.flags = flags
            self.body = body
        }

        func copy() -> Storage {
            Storage(keyword: keyword, id: id, label: label, attributes: attributes, flags: flags, body: body)
        }
    }

    private var storage: Storage

    public var keyword: Identifier {
        get { storage.keyword }
        set { uniqueStorage().keyword = newValue }
    }
    public var id: Identifier? {
        get { storage.id }
        set { uniqueStorage().id = newValue }
    }
    public var label: StringLiteral? {
        get { storage.label }
        set { uniqueStorage().label = newValue }
    }
    /// `name: value` pairs in the order written.
    public var attributes: [AttributeSyntax] {
        get { storage.attributes }
        set { uniqueStorage().attributes = newValue }
    }
    /// Bare words after the id, in the order written.
    public var flags: [Identifier] {
        get { storage.flags }
        set { uniqueStorage().flags = newValue }
    }
    /// The `{ ... }` block, when there is one.
    public var body: BlockSyntax? {
        get { storage.body }
        set { uniqueStorage().body = newValue }
    }

    public init(keyword: Identifier, id: Identifier? = nil, label: StringLiteral? = nil, attributes: [AttributeSyntax] = [], flags: [Identifier] = [], body: BlockSyntax? = nil) {
        storage = Storage(keyword: keyword, id: id, label: label, attributes: attributes, flags: flags, body: body)
    }

    /// From the keyword to the end of the line's last part (id, label, attribute or flag) or
    /// the block's closing brace.
    ///
    /// Derived, not stored: the parts already know where they end, and a stored range made each
    /// of a 50 MB journey's statements 28 bytes wider.
    public var range: SourceRange {
        let storage = storage
        if let body = storage.body { return storage.keyword.range.extended(to: body.range) }
        var range = storage.keyword.range
        if let id = storage.id { range = range.extended(to: id.range) }
        if let label = storage.label { range = range.extended(to: label.range) }
        if let last = storage.attributes.last { range = range.extended(to: last.value.range) }
        if let last = storage.flags.last { range = range.extended(to: last.range) }
        return range
    }

    public static func == (lhs: ElementSyntax, rhs: ElementSyntax) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.keyword == rhs.keyword && lhs.id == rhs.id && lhs.label == rhs.label && lhs.attributes == rhs.attributes
                && lhs.flags == rhs.flags && lhs.body == rhs.body)
    }

    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }
}

/// The children between `{` and `}`.
///
/// Stored behind one reference (copy on write): most elements have no block, and an inline
/// array and range made every statement of a 50 MB journey 32 bytes wider.
public struct BlockSyntax: Equatable, Sendable {
    private final class Storage: @unchecked Sendable {
        var statements: [Statement]
        var range: SourceRange
        var nestedCount: Int

        init(statements: [Statement], range: SourceRange, nestedCount: Int) {
            self.statements = statements
            self.range = range
            self.nestedCount = nestedCount
        }
    }

    private var storage: Storage

    public var statements: [Statement] {
        get { storage.statements }
        set { uniqueStorage().statements = newValue }
    }

    /// From `{` through `}`.
    public var range: SourceRange {
        get { storage.range }
        set { uniqueStorage().range = newValue }
    }

    /// How many statements the block holds, nested ones included, as the parser read them: a
    /// measure of the work in it that costs nothing to ask (the checker splits large journeys by it).
    public var nestedCount: Int { storage.nestedCount }

    /// A block of `statements`; `nestedCount` defaults to the statements themselves and theirs.
    public init(statements: [Statement], range: SourceRange, nestedCount: Int? = nil) {
        storage = Storage(statements: statements, range: range, nestedCount: nestedCount ?? Self.count(statements))
    }

    private static func count(_ statements: [Statement]) -> Int {
        statements.reduce(statements.count) { sum, statement in
            if case .element(let element) = statement { return sum + (element.body?.nestedCount ?? 0) }
            return sum
        }
    }

    public static func == (lhs: BlockSyntax, rhs: BlockSyntax) -> Bool {
        lhs.storage === rhs.storage
            || (lhs.range == rhs.range && lhs.nestedCount == rhs.nestedCount && lhs.statements == rhs.statements)
    }

    private mutating func uniqueStorage() -> Storage {
        if !isKnownUniquelyReferenced(&storage) {
            storage = Storage(statements: storage.statements, range: storage.range, nestedCount: storage.nestedCount)
        }
        return storage
    }
}
