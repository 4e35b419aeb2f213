import CJMModel

/// What requests derive from one analysis and ask for again before the text changes: the
/// element facts, which hover and completion of ids both read. Kept for the latest analysis
/// only, so the memo holds one index whatever is open.
///
/// Keyed by `DocumentAnalysis.generation`, which is new for every analysis (an edit, or an
/// included file's edit that made the journey be checked again), never by the editor's version.
/// The outline is not kept: editors ask for it about once per version, and it is large.
struct AnswerMemo: Sendable {
    private var facts: (generation: Int, index: [ElementPath: ElementFacts])?

    /// The facts of every element of the check `context` answers from.
    mutating func facts(for context: DocumentContext) -> [ElementPath: ElementFacts] {
        if let facts, facts.generation == context.generation { return facts.index }
        let index = context.result.journey.map(ElementFacts.index) ?? [:]
        facts = (context.generation, index)
        return index
    }
}
