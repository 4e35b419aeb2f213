import CJMSyntax

/// What checking one `.cjm` file found.
public struct CheckResult: Sendable {
    /// The checked journey; nil when any error was found.
    public var journey: Journey?
    /// Every problem found (parse and check, root and included files), in the order found.
    public var diagnostics: [Diagnostic]
    /// The root file and every included file, by the path diagnostics name them with.
    public var sources: [String: SourceFile]
    /// The root file's syntax tree, when the caller asked to keep it (see `Checker.check`).
    public var syntax: SyntaxFile?

    /// A result as found.
    public init(journey: Journey?, diagnostics: [Diagnostic], sources: [String: SourceFile], syntax: SyntaxFile? = nil) {
        self.journey = journey
        self.diagnostics = diagnostics
        self.sources = sources
        self.syntax = syntax
    }
}

/// Syntax tree → checked `Journey` (SPEC §2), reporting as many problems as it can in one run.
///
/// Steps: parse the root; find its one `journey`; splice `include`d files into its body;
/// declare every id in its scope (so references may point forward); then check and convert
/// every element, resolving references; finally derive the implicit flows.
public enum Checker {
    /// Checks `root` (and the files it includes, read through `loader`).
    ///
    /// With `keepingSyntax` the root's syntax tree comes back in the result instead of being
    /// freed here, for a caller about to exit that would rather not pay for freeing it.
    public static func check(_ root: SourceFile, limits: Limits = .standard, loader: IncludeLoader = .fileSystem, keepingSyntax: Bool = false) -> CheckResult {
        check(root, limits: limits, loader: loader, keepingSyntax: keepingSyntax, strategy: .automatic).result
    }

    /// `check` with the build strategy chosen (tests compare them), also saying whether the
    /// journey was built in parts on all cores.
    static func check(_ root: SourceFile, limits: Limits = .standard, loader: IncludeLoader = .fileSystem, keepingSyntax: Bool = false,
                      strategy: BuildStrategy) -> (result: CheckResult, builtInParts: Bool) {
        var sink = DiagnosticSink(limit: limits.maxErrors)
        let parsed = Parser.parse(root, limits: limits)
        sink.add(contentsOf: parsed.diagnostics)

        // The top level holds exactly one `journey`.
        var top = JourneyBuilder(symbols: SymbolTable(), sink: sink)
        var journeyElement: ElementSyntax?
        for child in top.children(parsed.syntax.statements, in: ElementRules.file, path: ElementPath([])) {
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
            return (CheckResult(journey: nil, diagnostics: sink.finished(), sources: [root.path: root],
                                syntax: keepingSyntax ? parsed.syntax : nil), false)
        }

        var includes = IncludeExpansion(loader: loader, limits: limits, sink: sink)
        let body = includes.expand(rootBody: journeyElement.body?.statements ?? [], rootPath: root.path)
        var sources = includes.sources
        sources[root.path] = root

        var declarations = DeclarationPass(sink: includes.sink)
        let placed = declarations.declare(journeyBody: body, journeyRange: journeyElement.range, strategy: strategy) {
            JourneyBuilder.placement(of: body, limit: limits.maxErrors)
        }

        var builder = JourneyBuilder(symbols: declarations.symbols, sink: declarations.sink)
        let journey = builder.build(journey: journeyElement, body: body, strategy: strategy, placed: placed)
        sink = builder.sink
        return (CheckResult(journey: sink.errorCount == 0 ? journey : nil, diagnostics: sink.finished(), sources: sources,
                            syntax: keepingSyntax ? parsed.syntax : nil), builder.builtInParts)
    }
}
