import CJMGraphviz
import CJMMaps
import CJMModel
import CJMSyntax
import CJMViewGraph

/// `cjm render`: every input through the whole pipeline, then every output written atomically,
/// each file named on stderr (`wrote out/shop.svg`) unless `quiet`.
/// Markdown documents among the inputs (named, or in a folder named) get their embedded maps
/// rendered as `cjm md` does, in the same all-or-nothing write.
///
/// All-or-nothing: inputs are checked first, then every map is rendered in memory (each in its
/// own Graphviz child process, `jobs` at a time), and only when all succeeded is anything
/// written, all files or none (`AtomicFileSet`) — so an error anywhere, a failed write
/// included, leaves every existing output untouched.
public struct RenderRun: Sendable {
    public var inputs: [String]
    /// `-o`: a file, a folder, `-` for stdout, or nil for beside each input.
    public var output: String?
    /// `-f`; empty means from `-o`'s extension, else SVG.
    public var formats: [OutputFormat]
    public var view: String?
    public var allViews: Bool
    /// `--persona ID`: narrows the board (and named views) to one persona.
    public var persona: String?
    /// Overrides the journey's `theme:`.
    public var theme: ThemeName?
    /// `--dpi`; nil: 96 on screen, `PaperDPI.png` for a PNG of a `--paper` sheet.
    public var dpi: Double?
    /// `--paper`, `--tile`, `--landscape`/`--portrait`: the sheet or poster maps are fitted to.
    public var page: PageSetup
    /// `--strict`: warnings (legibility on paper included) fail the run and write nothing.
    public var strict: Bool
    /// `--direction`; nil: the view's or journey's `direction:`, else `right`.
    public var direction: MapDirection?
    /// `--legend`; nil: the view's or journey's `legend:`, else `auto`.
    public var legend: LegendPlacement?
    /// `--width PX`: how many CSS pixels wide the maps will be shown; their smallest text is
    /// checked against it (W103).
    public var width: Double?
    /// `--check`: compare with the files on disk instead of writing.
    public var check: Bool
    /// Print how long each stage took, for benchmarks.
    public var timings: Bool
    /// `--quiet`: no `wrote PATH` line per file written.
    public var quiet: Bool
    /// `--figures FILE`: a CSV of counts replacing the journey's own (one journey only).
    public var figures: String?
    /// The worker, timeout, memory cap, `-j`, diagnostics format and input caps.
    public var settings: RenderSettings

    public init(inputs: [String], output: String? = nil, formats: [OutputFormat] = [], view: String? = nil, allViews: Bool = false,
                persona: String? = nil, theme: ThemeName? = nil, dpi: Double? = nil, page: PageSetup = PageSetup(), strict: Bool = false,
                check: Bool = false, timings: Bool = false, quiet: Bool = false, figures: String? = nil, direction: MapDirection? = nil,
                legend: LegendPlacement? = nil, width: Double? = nil, settings: RenderSettings) {
        self.inputs = inputs
        self.direction = direction
        self.legend = legend
        self.width = width
        self.output = output
        self.formats = formats
        self.view = view
        self.allViews = allViews
        self.persona = persona
        self.theme = theme
        self.dpi = dpi
        self.page = page
        self.strict = strict
        self.check = check
        self.timings = timings
        self.quiet = quiet
        self.figures = figures
        self.settings = settings
    }

    /// What `--direction`, `--legend`, `--width` and `--paper` ask of every map's shape.
    private var shape: MapShape {
        let aspects: [Double] = page.paper.map { paper in
            let orientations = page.orientation.map { [$0] } ?? Orientation.allCases
            return orientations.map { orientation in
                let sheet = paper.sized(orientation)
                return (sheet.width - 2 * PaperMargins.sheet) / (sheet.height - 2 * PaperMargins.sheet)
            }
        } ?? []
        return MapShape(direction: direction, legend: legend, shownWidth: width, sheetAspects: aspects)
    }

    public func run(console: Console) -> ExitStatus {
        var clock = StageClock()
        // A map written to stdout (`-o -`, or stdin without `-o`) keeps JSON diagnostics out of it.
        let reporter = DiagnosticReporter(format: settings.diagnosticFormat, console: console,
                                          stdoutCarriesOutput: output == "-" || (output == nil && inputs.contains("-")))

        // A dpi out of range or a page setup that cannot be printed is a bad command line,
        // refused before any input is read.
        if let dpi, !RenderCaps.dpi.contains(dpi) {
            console.report("cjm: error: --dpi \(SourceNumber.text(dpi)) is out of range; use \(Int(RenderCaps.dpi.lowerBound))…\(Int(RenderCaps.dpi.upperBound))")
            return .usage
        }
        if let problem = page.problem {
            console.report("cjm: error: \(problem)")
            return .usage
        }
        if let width, !(Self.widths.contains(width)) {
            console.report("cjm: error: --width \(SourceNumber.text(width)) is out of range; use \(Int(Self.widths.lowerBound))…\(Int(Self.widths.upperBound)) (CSS pixels)")
            return .usage
        }

        // 1. Read and check every input.
        let (paths, documents) = InputList.journeysAndDocuments(inputs)
        if paths.isEmpty && documents.isEmpty {
            console.report("cjm: error: no .cjm files or Markdown documents in \(inputs.joined(separator: " "))")
            return .inputNotFound
        }
        var (journeys, status) = JourneyCompiler.compileAll(paths, limits: settings.limits, figuresPath: figures, reporter: reporter)
        if status != .success { return status }
        for journey in journeys { for (stage, duration) in journey.stageTimes { clock.add(stage, duration) } }

        // 2. Decide every output and refuse bad combinations before any work.
        let checked = journeys.map { (compiled: $0, journey: $0.journey!) }
        let plan = OutputPlan(output: output, formats: formats, view: view, allViews: allViews)
        let planned: [PlannedOutput]
        switch plan.outputs(for: checked.map { ($0.compiled.path, MapCatalog.names(in: $0.journey)) }) {
        case .failure(let error):
            console.report("cjm: error: \(error.message)")
            return .usage
        case .success(let outputs): planned = outputs
        }
        if page.tile != nil, let other = planned.first(where: { $0.format != .pdf }) {
            console.report("cjm: error: --tile makes a multi-page PDF poster, not \(other.format.rawValue.uppercased()); use -f pdf or -o FILE.pdf")
            return .usage
        }
        if let clash = InputGuard.overwrittenInput(planned, inputs: journeys) {
            console.report("cjm: error: refusing to write \(clash): it is an input")
            return .cannotWrite
        }

        // 3. Build each map once, however many formats it goes to.
        var drafts: [GraphKey: MapDraft] = [:]
        var keys: [GraphKey] = []
        var personaWarned = false
        for output in planned {
            let key = GraphKey(input: output.input, view: output.view)
            if drafts[key] != nil { continue }
            let selection = MapSelection(view: output.view, persona: persona, theme: themeName(for: checked[output.input].journey), shape: shape)
            switch selection.draft(of: checked[output.input].journey) {
            case .failure(let failure):
                console.report("cjm: error: \(checked[output.input].compiled.path): \(failure.messageWithSuggestion)")
                return .usage
            case .success(let draft):
                drafts[key] = draft
                keys.append(key)
                let compiled = checked[output.input].compiled
                if let warning = selection.personaWarning(in: checked[output.input].journey, sources: compiled.sources) {
                    reporter.report([warning], sources: compiled.sources)
                    personaWarned = true
                }
            }
        }
        clock.lap("view graph")

        // 4. Lay out the blocks of composed maps (all blocks of one map in one child process),
        // then compose each map from its blocks' geometry.
        let renderer = settings.renderer(reportTimings: timings)
        // The progress line covers the block layouts too: on a large map they take most of the time.
        let progress = ProgressLine(labels: planned.map { "\(checked[$0.input].compiled.path) (\($0.view), \($0.format.rawValue))" }, console: console)
        for index in planned.indices { progress?.started(index) }
        let composed = DraftComposition.compose(keys.map { drafts[$0]! }, jobs: settings.jobs, renderer: renderer)
        for index in planned.indices { progress?.finished(index, drawn: false) }
        var graphs: [GraphKey: ViewGraph] = [:]
        var composedMaps: [GraphKey: DraftComposition.Composed] = [:]
        for (key, result) in zip(keys, composed) {
            switch result {
            case .success(let map):
                graphs[key] = map.graph
                composedMaps[key] = map
                if timings, let line = map.timings { console.report("timing: \(key.view) blocks: \(line)") }
            case .failure(let failure):
                console.report("cjm: error: \(checked[key.input].compiled.path): \(key.view): \(failure.message)")
                status = ExitStatus.worse(status, failure.exitStatus)
            }
        }
        if status != .success { progress?.end(); return status }
        clock.lap("block layout and composition")

        // 5. Render every map, each in its own child process.
        let requests = planned.map { output in
            composedMaps[GraphKey(input: output.input, view: output.view)]!.request(format: output.format,
                                                                                    dpi: dpi ?? (page.paper != nil ? PaperDPI.png : 96), page: page)
        }
        let results = ParallelRenders.run(requests, jobs: settings.jobs, renderer: renderer, progress: progress)
        var rendered: [[UInt8]] = []
        var onPaper: [GraphKey: PrintLegibility] = [:]
        var onScreen: [GraphKey: ScreenLegibility] = [:]
        for (output, result) in zip(planned, results) {
            switch result {
            case .success(let map):
                rendered.append(map.bytes)
                let key = GraphKey(input: output.input, view: output.view)
                let legibility = PrintLegibility(view: output.view, graph: graphs[key]!, map: map, setup: page)
                if map.layout != nil, onPaper[key] == nil { onPaper[key] = legibility }
                if let width, output.format != .dot, map.layout == nil, onScreen[key] == nil {
                    let screen = ScreenLegibility(view: output.view, graph: graphs[key]!, drawing: map.drawing, shownWidth: width)
                    onScreen[key] = screen
                    if timings { console.report("timing: \(screen.timingLine)") }
                }
                if timings, let line = map.timings { console.report("timing: \(output.view) as \(output.format.rawValue): \(line)") }
                if timings, let line = legibility.timingLine { console.report("timing: \(line)") }
            case .failure(let failure):
                console.report("cjm: error: \(checked[output.input].compiled.path): \(output.view) as \(output.format.rawValue): \(failure.message)")
                status = ExitStatus.worse(status, failure.exitStatus)
            }
        }
        if status != .success { return status }
        clock.lap("render (Graphviz child)")

        // 5b. The maps embedded in Markdown documents, in memory too (`cjm md`).
        var markdown: [MarkdownRun.Change] = []
        var markdownWarned = false
        if !documents.isEmpty {
            let run = MarkdownRun(inputs: documents, check: check, settings: settings)
            switch run.prepare(documents, reporter: reporter, console: console) {
            case .failure(let failure): return failure
            case .success(let prepared): (markdown, markdownWarned) = prepared
            }
            clock.lap("markdown maps")
        }

        // 6. Warnings about the printed maps, then `--strict`.
        let warnings = printWarnings(onPaper, checked: checked, renderer: renderer, reporter: reporter)
            + screenWarnings(onScreen, checked: checked, renderer: renderer, reporter: reporter)
        // An embedded map's warnings (W103 at its block included) count as the journeys' own.
        let warned = !warnings.isEmpty || personaWarned || markdownWarned || journeys.contains { $0.hasWarnings }
        if strict && warned {
            reporter.reportStrictFailure()
            return .failedCheck
        }

        // 7. Compare (`--check`) or write.
        let outcome = check ? ExitStatus.worse(compare(planned, rendered, console: console), MarkdownRun.reportStale(markdown, console: console))
                            : write(planned, rendered, markdown: markdown, console: console)
        clock.lap(check ? "compare" : "write")
        if timings { clock.report(to: console, bytes: journeys.reduce(0) { $0 + $1.sources.files.reduce(0) { $0 + $1.utf8.count } }) }
        return outcome
    }

    /// `--theme`, else the journey's `theme:`; a poster (`--paper`/`--tile`) takes `print`
    /// instead of `default`, since pale fills vanish on a laser printer.
    private func themeName(for journey: Journey) -> ThemeName {
        var name = theme ?? journey.theme
        if theme == nil, name == .default, page.paper != nil || page.tile != nil { name = .print }
        return name
    }

    /// Prints a W101 warning for every map whose text prints too small, after measuring the
    /// journey's named views for its advice; returns the warnings. A journey that switches W101
    /// off (`lint ignore: W101`, or `# cjm-ignore W101` at its `journey` line) gets none. Such a
    /// switch is never called unused: whether the text fits depends on the sheet of each run.
    private func printWarnings(_ onPaper: [GraphKey: PrintLegibility], checked: [(compiled: CompiledJourney, journey: Journey)],
                               renderer: IsolatedRenderer, reporter: DiagnosticReporter) -> [Diagnostic] {
        var all: [Diagnostic] = []
        for (key, legibility) in onPaper.sorted(by: { ($0.key.input, $0.key.view) < ($1.key.input, $1.key.view) }) where legibility.isIllegible {
            let (compiled, journey) = checked[key.input]
            if let check = compiled.check {
                var suppressions = Suppressions(check)
                if suppressions.silences(.illegiblePrint, at: journey.source) { continue }
            }
            let views = key.view == FlowMap.graphID ? measureViews(of: journey, renderer: renderer) : []
            var collector = DiagnosticCollector(limit: 100, sources: compiled.sources)
            if let warning = legibility.warning(at: compiled.sources.span(journey.source), views: views) { collector.add(warning) }
            let found = collector.finished()
            reporter.report(found, sources: compiled.sources)
            all += found
        }
        return all
    }

    /// Prints a W103 warning for every map whose text is too small at `--width`, after
    /// measuring what would help; returns the warnings.
    private func screenWarnings(_ onScreen: [GraphKey: ScreenLegibility], checked: [(compiled: CompiledJourney, journey: Journey)],
                                renderer: IsolatedRenderer, reporter: DiagnosticReporter) -> [Diagnostic] {
        var all: [Diagnostic] = []
        for (key, legibility) in onScreen.sorted(by: { ($0.key.input, $0.key.view) < ($1.key.input, $1.key.view) }) where legibility.isIllegible {
            let (compiled, journey) = checked[key.input]
            let named = journey.views.first { $0.id == key.view }
            let theme = Theme.named(themeName(for: journey), styles: journey.styles)
            let personaPath = persona.map { ElementPath($0) }
            var drafts: [(String, MapDraft)] = []
            if key.view != "board", shape.resolved(view: named, journey: journey).direction != .down {
                var down = shape
                down.direction = .down
                let flags = "--direction down" + (key.view == FlowMap.graphID ? "" : " --view \(key.view)")
                if let draft = MapCatalog.build(view: key.view, journey: journey, persona: personaPath, theme: theme, shape: down) { drafts.append((flags, draft)) }
            }
            if key.view == FlowMap.graphID {
                for view in journey.views {
                    if let draft = MapCatalog.build(view: view.id, journey: journey, persona: personaPath, theme: theme, shape: shape) {
                        drafts.append(("--view \(view.id)", draft))
                    }
                }
            }
            let alternatives = measure(drafts, renderer: renderer).map {
                ScreenLegibility.Alternative(flags: $0.name, drawing: $0.drawing, smallestText: $0.smallestText)
            }
            var collector = DiagnosticCollector(limit: 100, sources: compiled.sources)
            if let warning = legibility.warning(at: compiled.sources.span(named?.source ?? journey.source), alternatives: alternatives) {
                collector.add(warning)
            }
            let found = collector.finished()
            reporter.report(found, sources: compiled.sources)
            all += found
        }
        return all
    }

    /// The `--width`s accepted, in CSS pixels.
    static let widths: ClosedRange<Double> = 100...20_000

    /// Each named view of `journey` laid out (as DOT, the cheapest output) for its size.
    private func measureViews(of journey: Journey, renderer: IsolatedRenderer) -> [PrintLegibility.MeasuredView] {
        let personaPath = persona.map { ElementPath($0) }
        let drafts = journey.views.compactMap { view in
            MapCatalog.build(view: view.id, journey: journey, persona: personaPath, theme: Theme.named(themeName(for: journey), styles: journey.styles),
                             shape: shape).map { (view.id, $0) }
        }
        return measure(drafts, renderer: renderer)
    }

    /// Each draft composed and laid out (as DOT, the cheapest output) for its size, by name;
    /// drafts that cannot be laid out are left out of the advice, like failed renders.
    private func measure(_ drafts: [(String, MapDraft)], renderer: IsolatedRenderer) -> [PrintLegibility.MeasuredView] {
        let composed = DraftComposition.compose(drafts.map(\.1), jobs: settings.jobs, renderer: renderer)
        let maps = zip(drafts, composed).compactMap { draft, result in (try? result.get()).map { (draft.0, $0) } }
        let results = ParallelRenders.run(maps.map { $0.1.request(format: .dot) }, jobs: settings.jobs, renderer: renderer)
        return zip(maps, results).compactMap { view, result in
            guard case .success(let map) = result else { return nil }
            return PrintLegibility.MeasuredView(name: view.0, drawing: map.drawing, smallestText: Legibility.smallestText(in: view.1.graph))
        }
    }

    /// Writes the files all or none (`AtomicFileSet`), then the map for stdout, if any.
    private func write(_ planned: [PlannedOutput], _ rendered: [[UInt8]], markdown: [MarkdownRun.Change], console: Console) -> ExitStatus {
        var files: [(path: String, bytes: [UInt8])] = markdown.map { ($0.path, $0.bytes) }
        var forStandardOutput: [UInt8]?
        for (output, bytes) in zip(planned, rendered) {
            switch output.destination {
            case .standardOutput: forStandardOutput = bytes
            case .file(let path): files.append((path, bytes))
            }
        }
        for folder in Set(files.map { FilePath.folder(of: $0.path) }).sorted() where !FilePath.makeFolder(folder) {
            console.report("cjm: error: cannot create folder \(folder)")
            return .cannotWrite
        }
        if case .failure(let failure) = AtomicFileSet.write(files) {
            console.report("cjm: error: cannot write \(failure.path): \(failure.reason)")
            return .cannotWrite
        }
        // Said only once every file is in place: a failed run writes nothing, so it lists nothing.
        if !quiet { for file in files { console.report("wrote \(file.path)") } }
        if let forStandardOutput, !console.emit(forStandardOutput) {
            console.report("cjm: error: cannot write to stdout")
            return .cannotWrite
        }
        return .success
    }

    private func compare(_ planned: [PlannedOutput], _ rendered: [[UInt8]], console: Console) -> ExitStatus {
        var stale = false
        for (output, bytes) in zip(planned, rendered) {
            guard case .file(let path) = output.destination else { continue }
            switch InputFile.read(path, cap: bytes.count + 1) {
            case .success(let existing) where existing == bytes: continue
            case .success: console.report("cjm: \(path) is stale: re-run cjm render")
            case .failure: console.report("cjm: \(path) is missing: run cjm render")
            }
            stale = true
        }
        return stale ? .failedCheck : .success
    }
}

/// One view of one input: the unit a view graph is built for.
private struct GraphKey: Hashable {
    var input: Int
    var view: String
}

extension RenderFailure {
    /// A map too big to draw is the journey's problem (65); everything else is Graphviz's
    /// or cjm's own (70).
    var exitStatus: ExitStatus {
        switch self {
        case .graphTooLarge, .bitmapTooLarge, .posterTooLarge: .invalidInput
        case .dpiOutOfRange, .invalidPageSetup: .usage
        default: .internalFailure
        }
    }
}
