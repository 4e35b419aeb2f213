import CJMSyntax

/// The elements whose blocks hold a byte offset, outermost first: where the cursor stands
/// in the tree (`journey`, then `pipeline repair`, then `stage invoice`).
enum EnclosingBlocks {
    /// The chain of elements whose `{ … }` contains `offset` (strictly after `{`; up to and
    /// including the `}`'s own offset, so a cursor before the brace is still inside).
    static func chain(at offset: Int, in statements: [Statement]) -> [ElementSyntax] {
        var chain: [ElementSyntax] = []
        var level = statements
        while true {
            var inner: ElementSyntax?
            for statement in level {
                guard case .element(let element) = statement, let body = element.body else { continue }
                if body.range.startOffset < offset, offset <= max(body.range.startOffset + 1, body.range.endOffset - 1) {
                    inner = element
                    break
                }
                // An unclosed block runs to the end of the file.
                if body.range.startOffset < offset, body.range.endOffset <= body.range.startOffset + 1 { inner = element; break }
            }
            guard let element = inner, let body = element.body else { return chain }
            chain.append(element)
            level = body.statements
        }
    }

    /// The element path the chain's blocks give (`repair.invoice`), the journey left out;
    /// an element without an id is named by its keyword, as the checker names the first one.
    static func path(of chain: [ElementSyntax]) -> [String] {
        chain.filter { $0.keyword.name != "journey" }.map { $0.id?.name ?? $0.keyword.name }
    }
}
