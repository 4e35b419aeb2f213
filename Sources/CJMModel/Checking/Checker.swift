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
        var diagnostics = DiagnosticCollector(limit: limits.maxErrors)
        let root = diagnostics.sources.add(root)
        let syntax = Parser.parse(root, limits: limits, into: &diagnostics)

        // The top level holds exactly one `journey`.
        var top = JourneyBuilder(symbols: SymbolTable(), diagnostics: diagnostics)
        var journeyElement: ElementSyntax?
        for child in top.children(syntax.statements, in: ElementRules.file, path: ElementPath([])) {
            guard case .element(let element, _, _) = child else { continue }
            if let first = journeyElement {
                top.duplicateElement(element, first: first)
            } else {
                journeyElement = element
            }
        }
        diagnostics = top.diagnostics
        guard let journeyElement else {
            diagnostics.error(.missingJourney, "the file has no `journey \"Title\" { … }`", at: root.range(0, 0))
            return CheckResult(journey: nil, diagnostics: diagnostics.finished(), sources: diagnostics.sources, syntax: syntax)
        }

        var includes = IncludeExpansion(loader: loader, limits: limits, diagnostics: diagnostics)
        let body = includes.expand(rootBody: journeyElement.body?.statements ?? [], rootPath: root.path)

        var declarations = DeclarationPass(diagnostics: includes.diagnostics)
        declarations.declare(journeyBody: body, journeyRange: journeyElement.range)

        var builder = JourneyBuilder(symbols: declarations.symbols, diagnostics: declarations.diagnostics)
        var journey = builder.build(journey: journeyElement, body: body)
        diagnostics = builder.diagnostics
        let declared = declarations.symbols.declarations.map(DeclaredElement.init)
        if let file = FiguresInput.load(figures, for: journey, root: root, loader: loader, limits: limits, diagnostics: &diagnostics) {
            FigureImport.apply(diagnostics.sources.add(file), to: &journey, declared: declared, diagnostics: &diagnostics)
        }
        return CheckResult(journey: journey, diagnostics: diagnostics.finished(), sources: diagnostics.sources, syntax: syntax,
                           declarations: declared,
                           references: builder.references, includedComments: includes.comments)
    }
}
