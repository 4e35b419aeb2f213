import CJMModel
import CJMSyntax

/// The element named at a byte offset of a document: by a reference written there, or by
/// the id of its declaration. What definition, references, hover and rename start from.
struct SymbolAtCursor: Sendable {
    /// The element's path.
    var path: ElementPath
    /// Where its id is declared (its keyword, for an element without an id).
    var declaration: SourceRange
    /// True when the cursor is on the declaration itself rather than on a reference.
    var isDeclaration: Bool

    init?(_ context: DocumentContext, offset: Int) {
        if let reference = context.result.reference(at: offset, in: context.file) {
            path = reference.target
            declaration = reference.declaration
            isDeclaration = false
            return
        }
        // Only an id as written, or the keyword of an element without one: the default phases
        // are "declared" at the journey's title, which names none of them.
        let file = context.source
        guard let declared = context.result.declarations.first(where: {
            guard $0.range.file == context.file, $0.range.touches(offset) else { return false }
            let written = file.text(of: $0.range)
            return written == $0.path.id || written == $0.keyword
        }) else {
            return nil
        }
        path = declared.path
        declaration = declared.range
        isDeclaration = true
    }
}

/// `{"uri":…,"range":…}` for a range of a check's files.
struct LocationMaker {
    var sources: SourceMap
    var uriOfPath: (String) -> String

    func json(_ range: SourceRange) -> JSONValue {
        let file = sources[range.file]
        return ["uri": .string(uriOfPath(file.path)), "range": TextRange(range, in: file).json]
    }
}
