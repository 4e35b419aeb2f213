import CJMModel
import CJMSyntax

/// `textDocument/definition` and `textDocument/references`, across included files.
enum Navigation {
    /// Where the element at the cursor is declared; null where no element is named.
    static func definition(_ context: DocumentContext, at position: TextPosition, locations: LocationMaker) -> JSONValue {
        guard let symbol = SymbolAtCursor(context, offset: position.offset(in: context.source)) else { return .null }
        return locations.json(symbol.declaration)
    }

    /// Every reference to the element at the cursor, in reading order, its declaration first
    /// when `includeDeclaration`.
    static func references(_ context: DocumentContext, at position: TextPosition, includeDeclaration: Bool,
                           locations: LocationMaker) -> JSONValue {
        guard let symbol = SymbolAtCursor(context, offset: position.offset(in: context.source)) else { return .array([]) }
        var ranges = context.result.references(to: symbol.path).map(\.range)
        ranges.sort { ($0.file, $0.startOffset) < ($1.file, $1.startOffset) }
        if includeDeclaration { ranges.insert(symbol.declaration, at: 0) }
        return .array(ranges.map(locations.json))
    }
}
