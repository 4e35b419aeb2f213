import CJMSyntax

/// Syntax tree → checked `Journey` (SPEC §2), reporting as many problems as it can in one run.
///
/// Steps: parse the root; find its one `journey`; splice `include`d files into its body;
/// declare every id in its scope (so references may point forward); then check and convert
/// every element, resolving references; finally derive the implicit flows.
public enum Checker {
    /// Checks `root` (and the files it includes, read through `loader`). Its counts come from
    /// `figures` when given (`--figures FILE`), else from the file its `figures "…"` names.
    public static func check(_ root: SourceFile, limits: Limits = .standard, loader: IncludeLoader = .fileSystem,
                             figures: FiguresInput? = nil) -> CheckResult {
        var sink = DiagnosticCollector(limit: limits.maxErrors)
        let root = sink.sources.add(root)
        let syntax = Parser.parse(root, limits: limits, into: &sink)

        // The top level holds exactly one `journey`.
        var top = JourneyBuilder(symbols: SymbolTable(), sink: sink)
        var journeyElement: ElementSyntax?
        for child in top.children(syntax.statements, in: ElementRules.file, path: ElementPath([])) {
            guard case .element(let element, _, _) = child else { continue }
            if let first = journeyElement {
                top.duplicateElement(element, first: first)
            } else {
                journeyElement = element
            }
        }
        sink = top.sink
        guard let journeyElement else {
            sink.error(.missingJourney, "the file has no `journey \"Title\" { … }`", at: root.range(0, 0))
            return CheckResult(journey: nil, diagnostics: sink.finished(), sources: sink.sources, syntax: syntax)
        }

        var includes = IncludeExpansion(loader: loader, limits: limits, sink: sink)
        let body = includes.expand(rootBody: journeyElement.body?.statements ?? [], rootPath: root.path)

        var declarations = DeclarationPass(sink: includes.sink)
        declarations.declare(journeyBody: body, journeyRange: journeyElement.range)

        var builder = JourneyBuilder(symbols: declarations.symbols, sink: declarations.sink)
        var journey = builder.build(journey: journeyElement, body: body)
        sink = builder.sink
        let declared = declarations.symbols.declarations.map(DeclaredElement.init)
        if let file = FiguresInput.load(figures, for: journey, root: root, loader: loader, limits: limits, sink: &sink) {
            FigureImport.apply(sink.sources.add(file), to: &journey, declared: declared, sink: &sink)
        }
        return CheckResult(journey: journey, diagnostics: sink.finished(), sources: sink.sources, syntax: syntax,
                           declarations: declared,
                           references: builder.references, includedComments: includes.comments)
    }
}
