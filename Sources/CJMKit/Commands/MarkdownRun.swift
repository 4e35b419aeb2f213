import CJMGraphviz
import CJMMaps
import CJMModel
import CJMSyntax
import CJMViewGraph

/// `cjm md FILE.md...`: renders the maps embedded in Markdown documents (```` ```cjm ````
/// blocks and `<!-- cjm: FILE -->` markers) to SVGs beside each document and puts an image
/// link to each right after its block. `cjm render` does the same for the documents among its
/// inputs.
///
/// All-or-nothing like `cjm render`: every document is read and every map checked and
/// rendered in memory first; only then are the files that changed written, all or none. A
/// document is rewritten only where a link is added or updated; an SVG only when its bytes
/// differ, so an up-to-date document and its maps are left untouched.
public struct MarkdownRun: Sendable {
    /// Documents, or folders for the Markdown documents directly inside them.
    public var inputs: [String]
    /// `--check`: fail (exit 1) when a map or link is stale or missing; write nothing.
    public var check: Bool
    /// The worker, timeout, memory cap, `-j`, diagnostics format and input caps.
    public var settings: RenderSettings
    /// `--quiet`: no `wrote PATH` line per file written.
    public var quiet: Bool
    /// `--strict`: any warning — an embedded journey's own, or its map's text too small at its
    /// `width=` (W103) — fails the run (exit 1) and writes nothing, as `cjm render --strict`.
    public var strict: Bool

    public init(inputs: [String], check: Bool = false, settings: RenderSettings, quiet: Bool = false, strict: Bool = false) {
        self.inputs = inputs
        self.check = check
        self.settings = settings
        self.quiet = quiet
        self.strict = strict
    }

    public func run(console: Console) -> ExitStatus {
        let documents = InputList.documents(inputs)
        if documents.isEmpty {
            console.report("cjm: error: no Markdown documents in \(inputs.joined(separator: " "))")
            return .inputNotFound
        }
        let reporter = DiagnosticReporter(format: settings.diagnosticFormat, console: console)
        switch prepare(documents, reporter: reporter, console: console) {
        case .failure(let status): return status
        case .success(let prepared):
            if strict && prepared.warned {
                reporter.reportStrictFailure()
                return .failedCheck
            }
            return check ? Self.reportStale(prepared.changes, console: console) : Self.write(prepared.changes, quiet: quiet, console: console)
        }
    }

    /// A file the documents' maps need written: a map that is new or differs, or a document
    /// whose links must be added or updated.
    struct Change {
        var path: String
        var bytes: [UInt8]
        /// Whether a file is there now (stale) or not (missing).
        var exists: Bool
        /// The document it belongs to, for "re-run cjm md DOC".
        var document: String
    }

    /// Reads, checks and renders every map of `documents` in memory; the files that would
    /// change and whether any warning was printed (for `--strict`), or the exit status of the
    /// first kind of failure (after reporting every problem).
    func prepare(_ documents: [String], reporter: DiagnosticReporter, console: Console) -> Result<(changes: [Change], warned: Bool), ExitStatus> {
        var status = ExitStatus.success
        var prepared: [PreparedDocument] = []
        var claimed: [String: String] = [:]
        for path in documents {
            switch prepareDocument(path, claimed: &claimed, reporter: reporter) {
            case .success(let document): prepared.append(document)
            case .failure(let failure): status = ExitStatus.worse(status, failure)
            }
        }
        if status != .success { return .failure(status) }

        let renderer = settings.renderer()
        let drafts = prepared.flatMap { $0.maps.map(\.draft) }
        let composed = DraftComposition.compose(drafts, jobs: settings.jobs, renderer: renderer)
        // A map whose blocks could not be laid out fails like a failed render, in its place.
        let progress = ProgressLine(labels: prepared.flatMap { document in document.maps.map { "\(document.path):\($0.line)" } }, console: console)
        let rendered = ParallelRenders.map(composed, jobs: settings.jobs, progress: progress) { (composed: Result<DraftComposition.Composed, RenderFailure>) in
            composed.flatMap { renderer.renderMap($0.request(format: .svg)) }
        }
        var results = rendered[...]
        var changes: [Change] = []
        var warned = prepared.contains { $0.warned }
        for document in prepared {
            for (number, map) in document.maps.enumerated() {
                switch results.popFirst()! {
                case .failure(let failure):
                    console.report("cjm: error: \(document.path):\(map.line): map \(number + 1): \(failure.message)")
                    status = ExitStatus.worse(status, failure.exitStatus)
                case .success(let bytes):
                    if warnIfIllegible(map, drawing: bytes.drawing, document: document, reporter: reporter) { warned = true }
                    let existing = InputFile.read(map.svgPath, cap: bytes.bytes.count + 1)
                    if case .success(let old) = existing, old == bytes.bytes { continue }
                    changes.append(Change(path: map.svgPath, bytes: bytes.bytes, exists: (try? existing.get()) != nil, document: document.path))
                }
            }
            let linked = MapLinkEdit.apply(document.maps.map(\.link), after: document.maps.map(\.syntax), to: document.bytes)
            if linked != document.bytes {
                changes.append(Change(path: document.path, bytes: linked, exists: true, document: document.path))
            }
        }
        return status == .success ? .success((changes, warned)) : .failure(status)
    }

    /// W103 for an embedded map whose smallest text is under 9 px at its `width=`, at its
    /// block; whether it warned.
    private func warnIfIllegible(_ map: PreparedMap, drawing: DrawingSize, document: PreparedDocument, reporter: DiagnosticReporter) -> Bool {
        let screen = ScreenLegibility(view: map.view, graph: map.draft.graph, drawing: drawing, shownWidth: map.shownWidth)
        guard let warning = screen.warning(at: document.sources.span(map.opening), alternatives: []) else { return false }
        var collector = DiagnosticCollector(limit: 100, sources: document.sources)
        collector.add(warning)
        reporter.report(collector.finished(), sources: document.sources)
        return true
    }

    // MARK: One document

    /// A document with every map checked and its view graph built.
    private struct PreparedDocument {
        var path: String
        var bytes: [UInt8]
        var maps: [PreparedMap]
        /// The document's lines, for warnings found after rendering.
        var sources: SourceMap
        /// Whether checking its maps' journeys printed a warning.
        var warned: Bool
    }

    private struct PreparedMap {
        var syntax: EmbeddedMapSyntax
        /// 1-based line of the opening fence or marker.
        var line: Int
        var draft: MapDraft
        var svgPath: String
        var link: MapLink
        /// The opening fence or marker, and what the map shows and is shown at (`width=`).
        var opening: SourceRange
        var view: String
        var shownWidth: Double
    }

    /// `claimed` maps every SVG path taken so far to who takes it, so two maps never share one.
    private func prepareDocument(_ path: String, claimed: inout [String: String], reporter: DiagnosticReporter) -> Result<PreparedDocument, ExitStatus> {
        let bytes: [UInt8]
        switch InputFile.read(path, cap: settings.limits.maxFileBytes) {
        case .failure(let failure):
            reporter.report(failure)
            return .failure(failure.exitStatus)
        case .success(let read): bytes = read
        }
        let file: SourceFile
        switch SourceDecoder.decode(path: path, bytes: bytes, limits: settings.limits) {
        case .failure(let diagnostic):
            reporter.report([diagnostic], sources: SourceMap())
            return .failure(.invalidInput)
        case .success(let decoded): file = decoded
        }
        var sink = DiagnosticCollector(limit: settings.limits.maxErrors, sources: SourceMap([file]))
        let scanner = MapFenceScanner(file)
        let syntaxes = scanner.maps(file: file, into: &sink)
        var journeysFailed = false
        var maps: [PreparedMap] = []
        let folder = FilePath.folder(of: path)

        for (index, syntax) in syntaxes.enumerated() {
            let opening = scanner.lines[syntax.firstLine]
            let openingRange = file.range(opening.indentation(in: file.utf8).textStart, opening.contentEnd)
            var options = EmbeddedMapOptions.markdownDefaults
            var optionsValid = true
            for option in syntax.options {
                if let problem = options.set(option.key, to: option.value) {
                    let range = file.range(option.range.lowerBound, option.range.upperBound)
                    if EmbeddedMapOptions.keys.contains(option.key) {
                        sink.error(.invalidMapOption, problem, at: range)
                    } else {
                        sink.error(.invalidMapOption, problem, at: range, name: option.key, suggestingFrom: EmbeddedMapOptions.keys)
                    }
                    optionsValid = false
                }
            }

            guard let compiled = journey(of: syntax, in: file, scanner: scanner, folder: folder, openingRange: openingRange, sink: &sink) else { continue }
            // Printed with the document's own problems, in line order. A block's journey is
            // the document with other bytes blanked, so its lines print from the document.
            for source in compiled.sources.files where sink.sources.file(path: source.path) == nil { sink.sources.add(source) }
            compiled.diagnostics.forEach { sink.add($0) }
            guard let journey = compiled.journey, optionsValid else {
                journeysFailed = journeysFailed || compiled.journey == nil
                continue
            }

            let draft: MapDraft
            switch options.selection.draft(of: journey) {
            case .failure(let failure):
                let key = failure.isPersona ? "persona" : "view"
                let place = syntax.options.last { $0.key == key }.map { file.range($0.range.lowerBound, $0.range.upperBound) } ?? openingRange
                let name = options.persona.flatMap { failure.isPersona ? $0 : nil } ?? options.view
                sink.error(.invalidMapOption, failure.message, at: place, name: name, suggestingFrom: failure.known)
                continue
            case .success(let built): draft = built
            }

            let fileName = options.fileName ?? "\(FilePath.lastComponent(of: path))-\(index + 1).svg"
            let svgPath = folder == "." && !path.hasPrefix("./") ? fileName : FilePath.join(folder, fileName)
            let here = "\(path):\(syntax.firstLine + 1)"
            if let other = claimed[svgPath] {
                let place = syntax.options.last { $0.key == "name" }.map { file.range($0.range.lowerBound, $0.range.upperBound) } ?? openingRange
                sink.error(.invalidMapOption, "the map at \(other) already writes \(fileName); give this one another name=", at: place)
                continue
            }
            claimed[svgPath] = here
            maps.append(PreparedMap(syntax: syntax, line: syntax.firstLine + 1, draft: draft, svgPath: svgPath,
                                    link: MapLink(title: draft.graph.title ?? journey.title, fileName: fileName),
                                    opening: openingRange, view: options.view, shownWidth: options.width))
        }
        let problems = sink.finished()
        reporter.report(problems, sources: sink.sources)
        if sink.errorCount > 0 || journeysFailed || maps.count != syntaxes.count {
            return .failure(.invalidInput)
        }
        return .success(PreparedDocument(path: path, bytes: bytes, maps: maps, sources: sink.sources,
                                         warned: problems.contains { $0.severity == .warning }))
    }

    /// The checked journey a map draws: its block's content, or the file its marker names.
    /// Nil when there is nothing to check (reported into `sink`).
    private func journey(of syntax: EmbeddedMapSyntax, in file: SourceFile, scanner: MapFenceScanner, folder: String,
                         openingRange: SourceRange, sink: inout DiagnosticCollector) -> CompiledJourney? {
        switch syntax.source {
        case .fenced(let content):
            // The journey is checked as the document itself with every byte outside the block
            // blanked (line breaks kept): its diagnostics then name the document's own offsets,
            // lines and columns, and its includes resolve from the document's folder.
            let start = content.isEmpty ? 0 : scanner.lines[content.lowerBound].start
            let end = content.isEmpty ? 0 : scanner.lines[content.upperBound - 1].end
            let body = file.utf8[start..<end]
            guard body.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }) else {
                sink.error(.missingJourney, "this ```cjm block is empty; write a journey \"Title\" { … } inside it", at: openingRange)
                return nil
            }
            var text = file.utf8
            for offset in text.indices where !(start..<end).contains(offset) && text[offset] != UInt8(ascii: "\n") {
                text[offset] = UInt8(ascii: " ")
            }
            var compiled = JourneyCompiler.compile(text, path: file.path, limits: settings.limits)
            if compiled.diagnostics.contains(where: { $0.code == .missingJourney }) {
                compiled.diagnostics.removeAll { $0.code == .missingJourney }
                sink.error(.missingJourney, "this ```cjm block holds no journey \"Title\" { … }", at: openingRange)
            }
            return compiled
        case .file(let written, let range):
            let path = written.hasPrefix("/") || folder == "." ? written : FilePath.join(folder, written)
            switch JourneyCompiler.compile(path, limits: settings.limits) {
            case .success(let compiled): return compiled
            case .failure(let failure):
                let reason = switch failure {
                case .notFound: "there is no such file"
                case .unreadable(_, let reason): reason
                }
                sink.error(.embeddedMapNotFound, "cannot read the journey \(path): \(reason)", at: file.range(range.lowerBound, range.upperBound))
                return nil
            }
        }
    }

    // MARK: Writing or checking

    /// Writes every change, all or none, then names each file written (as `cjm render` does)
    /// unless `quiet`.
    static func write(_ changes: [Change], quiet: Bool, console: Console) -> ExitStatus {
        if case .failure(let failure) = AtomicFileSet.write(changes.map { ($0.path, $0.bytes) }) {
            console.report("cjm: error: cannot write \(failure.path): \(failure.reason)")
            return .cannotWrite
        }
        if !quiet { for change in changes { console.report("wrote \(change.path)") } }
        return .success
    }

    /// `--check`: names every stale or missing map and every document lacking a link.
    static func reportStale(_ changes: [Change], console: Console) -> ExitStatus {
        for change in changes {
            let rerun = "cjm md \(ShellWord.quoted(change.document))"
            if change.path == change.document {
                console.report("cjm: \(change.path) lacks a map link or has an outdated one: run \(rerun)")
            } else {
                console.report("cjm: \(change.path) is \(change.exists ? "stale" : "missing"): run \(rerun)")
            }
        }
        return changes.isEmpty ? .success : .failedCheck
    }
}

extension MapSelection.Failure {
    var isPersona: Bool {
        if case .noPersona = self { return true }
        return false
    }
}
