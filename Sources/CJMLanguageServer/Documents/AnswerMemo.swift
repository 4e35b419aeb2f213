import CJMModel

/// What requests derive from one analysis and may ask for again before the text changes:
/// the element facts (hover, completion of ids) and the outline. Each is kept for the latest
/// analysis it was made from only, so the memo holds at most one of each whatever is open.
///
/// Keyed by `DocumentAnalysis.generation`, which is new for every analysis (an edit, or an
/// included file's edit that made the journey be checked again), never by the editor's version.
struct AnswerMemo: Sendable {
    private var facts: (generation: Int, index: [ElementPath: ElementFacts])?
    private var outline: (uri: String, generation: Int, symbols: JSONValue)?

    /// The facts of every element of the check `context` answers from.
    mutating func facts(for context: DocumentContext) -> [ElementPath: ElementFacts] {
        if let facts, facts.generation == context.generation { return facts.index }
        let index = context.result.journey.map(ElementFacts.index) ?? [:]
        facts = (context.generation, index)
        return index
    }

    /// The outline of `analysis`'s document.
    mutating func outline(of analysis: DocumentAnalysis) -> JSONValue {
        if let outline, outline.uri == analysis.uri, outline.generation == analysis.generation { return outline.symbols }
        let symbols = Outline.symbols(analysis)
        outline = (analysis.uri, analysis.generation, symbols)
        return symbols
    }
}
