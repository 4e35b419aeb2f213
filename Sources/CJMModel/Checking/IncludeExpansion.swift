import CJMSyntax

/// Splices `include "file.cjm"` statements: each is replaced, in place, by the journey-level
/// statements of that file (recursively), parsed from text the loader reads.
///
/// Rules: the path is relative to the including file's folder and must stay inside that folder
/// tree after `..` and symlinks are resolved (E052); a missing or unreadable file is E050; a file
/// that includes itself through any chain is E051 with the chain in notes. Each file is read and
/// spliced in at most once per journey: including it again is E053, naming where it was first
/// included and the chain that reached it again (its ids would clash anyway, and splicing
/// repeats would let a file that includes the next one twice, 40 files deep, expand 2^40
/// times). Together the included files may not exceed `Limits.maxFileBytes`, nor nest deeper
/// than `Limits.maxNestingDepth`.
struct IncludeExpansion {
    /// One file of the chain being expanded, outermost first.
    struct Link {
        var displayPath: String
        var canonicalPath: String
        /// Where this file was included (nil for the root).
        var includedAt: SourceRange?
    }

    /// What became of a file the first time it was included.
    private enum FirstInclusion {
        /// Spliced in, from the `include` at this place.
        case spliced(at: SourceRange)
        /// Could not be read, decoded or admitted; that was reported then.
        case failed
    }

    let loader: IncludeLoader
    let limits: Limits
    /// Where problems go; every file read is added to its `sources`.
    var diagnostics: DiagnosticCollector
    private var firstInclusions: [String: FirstInclusion] = [:]
    /// The comments of every included file, in the order the files were read.
    private(set) var comments: [Comment] = []
    private var includedBytes = 0

    init(loader: IncludeLoader, limits: Limits, diagnostics: DiagnosticCollector) {
        self.loader = loader
        self.limits = limits
        self.diagnostics = diagnostics
    }

    /// The journey body of the root file with every include spliced in.
    mutating func expand(rootBody statements: [Statement], rootPath: String) -> [Statement] {
        let canonical = loader.canonicalPath(rootPath) ?? IncludePath.normalized(rootPath)
        return expand(statements, chain: [Link(displayPath: rootPath, canonicalPath: canonical, includedAt: nil)])
    }

    private mutating func expand(_ statements: [Statement], chain: [Link]) -> [Statement] {
        // Most journeys include nothing: hand the statements back without copying them.
        guard statements.contains(where: { if case .element(let e) = $0 { e.keyword.name == "include" } else { false } }) else {
            return statements
        }
        var result: [Statement] = []
        result.reserveCapacity(statements.count)
        for statement in statements {
            if case .element(let element) = statement, element.keyword.name == "include" {
                result += include(element, chain: chain)
            } else {
                result.append(statement)
            }
        }
        return result
    }

    private mutating func include(_ element: ElementSyntax, chain: [Link]) -> [Statement] {
        guard let including = chain.last else { return [] }
        guard let name = element.label else {
            diagnostics.error(.missingLabel, "`include` needs a file name in quotes: `include \"part.cjm\"`", at: element.keyword.range)
            return []
        }
        if element.id != nil || !element.attributes.isEmpty || !element.flags.isEmpty || element.body != nil {
            diagnostics.error(.unexpectedPart, "`include` takes only a file name in quotes", at: element.range)
        }
        let range = name.range
        guard !name.value.isEmpty else {
            diagnostics.error(.includeNotFound, "`include` needs a file name, not an empty string", at: range)
            return []
        }
        let folder = IncludePath.folder(of: including.displayPath)
        let relative = IncludePath.normalized(name.value)
        guard !name.value.hasPrefix("/"), !IncludePath.isOutsideUpward(relative) else {
            diagnostics.error(.includeOutsideTree, "`\(name.value)` leaves the folder of `\(including.displayPath)`; includes must stay inside it",
                       at: range)
            return []
        }
        let target = IncludePath.join(folder, name.value)
        guard let canonical = loader.canonicalPath(target) else {
            diagnostics.error(.includeNotFound, "cannot find included file `\(name.value)` (looked for `\(target)`)", at: range)
            return []
        }
        let canonicalFolder = loader.canonicalPath(folder) ?? IncludePath.normalized(folder)
        guard IncludePath.isInside(canonical, folder: canonicalFolder) else {
            diagnostics.error(.includeOutsideTree,
                       "`\(name.value)` resolves to `\(canonical)`, outside the folder of `\(including.displayPath)` (through a symlink)",
                       at: range)
            return []
        }
        if let start = chain.firstIndex(where: { $0.canonicalPath == canonical }) {
            reportCycle(chain[start...], closingWith: target, at: range)
            return []
        }
        switch firstInclusions[canonical] {
        case .spliced(let first)?:
            reportRepeat(of: target, firstAt: first, chain: chain, at: range)
            return []
        case .failed?:
            return []
        case nil:
            break
        }
        guard chain.count <= limits.maxNestingDepth else {
            diagnostics.error(.nestingTooDeep, "includes nest deeper than \(limits.maxNestingDepth) files", at: range)
            return []
        }
        firstInclusions[canonical] = .failed
        guard let statements = parse(target, at: range) else { return [] }
        firstInclusions[canonical] = .spliced(at: range)
        return expand(statements, chain: chain + [Link(displayPath: target, canonicalPath: canonical, includedAt: range)])
    }

    /// Reads, decodes and parses `path`, counting its bytes against the size cap.
    private mutating func parse(_ path: String, at range: SourceRange) -> [Statement]? {
        let bytes: [UInt8]
        do {
            bytes = try loader.read(path)
        } catch {
            diagnostics.error(.includeNotFound, "cannot read included file `\(path)`: \(error)", at: range)
            return nil
        }
        guard bytes.count <= limits.maxFileBytes - includedBytes else {
            diagnostics.error(.fileTooLarge, "included files together exceed the size cap of \(limits.maxFileBytes) bytes", at: range)
            return nil
        }
        includedBytes += bytes.count
        let source: SourceFile
        switch SourceDecoder.decode(path: path, bytes: bytes, limits: limits) {
        case .success(let decoded): source = decoded
        case .failure(let diagnostic):
            // Shown with its bad bytes as U+FFFD, so the error prints its line and caret.
            if let shown = SourceDecoder.shownFile(path: path, bytes: bytes, limits: limits) { diagnostics.sources.add(shown) }
            diagnostics.add(diagnostic)
            return nil
        }
        let file = diagnostics.sources.add(source)
        let syntax = Parser.parse(file, limits: limits, into: &diagnostics)
        comments += syntax.trivia.comments
        return syntax.statements
    }

    private mutating func reportRepeat(of target: String, firstAt first: SourceRange, chain: [Link], at range: SourceRange) {
        let names = chain.map(\.displayPath) + [target]
        diagnostics.error(.includeRepeated, "`\(target)` is already included in this journey; each file is spliced in once", at: range,
                   notes: [("first included here", first), ("included again through: " + names.joined(separator: " → "), nil)])
    }

    private mutating func reportCycle(_ cycle: ArraySlice<Link>, closingWith target: String, at range: SourceRange) {
        let names = cycle.map(\.displayPath) + [target]
        var notes: [(String, SourceRange?)] = [("the chain: " + names.joined(separator: " → "), nil)]
        for (includer, included) in zip(cycle, cycle.dropFirst()) {
            notes.append(("`\(includer.displayPath)` includes `\(included.displayPath)` here", included.includedAt))
        }
        diagnostics.error(.includeCycle, "include cycle: " + names.joined(separator: " → "), at: range, notes: notes)
    }
}

extension IncludePath {
    /// True for a normalized relative path that climbs out of its folder (`..`, `../x`).
    static func isOutsideUpward(_ normalizedRelative: String) -> Bool {
        normalizedRelative == ".." || normalizedRelative.hasPrefix("../")
    }
}
