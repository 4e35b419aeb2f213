#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CJMGraphviz
import CJMMaps
import CJMModel
import CJMSyntax
import CJMViewGraph

/// `cjm watch FILE [--view NAME] [-o OUT] [--port N]`: a live preview in the browser that
/// follows every save of a journey (and of every file it includes), until Ctrl-C.
///
/// One plain loop on the calling thread polls the files every 50 ms. A change is taken once
/// the files have been quiet for `quietPeriod`, so an editor's burst of writes is one
/// revision; the journey is then checked, and the maps the open pages show are drawn, `-j` at
/// a time, each in its own Graphviz child process, as `cjm render` draws them. A render still
/// running when the files change again is killed: the newer save supersedes it. Pages learn of
/// every map and error through `PreviewState`; the HTTP server (`PreviewServer`) runs on
/// Swift's concurrency threads beside the loop. With `-o`, each good map of the chosen view
/// is also written, atomically, as `cjm render -o` would write it.
public struct WatchRun: Sendable {
    /// The journey file.
    public var input: String
    /// `--view`: the map a page shows first and `-o` writes (nil: `flow`).
    public var view: String?
    /// `-o`: a file or folder the chosen view is written to on every good render.
    public var output: String?
    /// `--port`: 0 lets the system choose a free one.
    public var port: UInt16
    /// The worker, timeout, memory cap, `-j` (pages showing different views are drawn for
    /// that many at once), diagnostics format and input caps.
    public var settings: RenderSettings
    /// How long the files must stay unchanged before a change is taken.
    public var quietPeriod: Duration
    /// `--direction`, `--legend`, `--width`, as `cjm render` takes them: every map the page
    /// shows (and `-o` writes) is drawn so, and with `width` a map whose smallest text is
    /// then under 9 px is reported (W103) in the terminal and the page shows it that wide.
    public var direction: MapDirection?
    public var legend: LegendPlacement?
    public var width: Double?

    /// The shape every map is drawn in.
    var shape: MapShape { MapShape(direction: direction, legend: legend, shownWidth: width) }

    /// A run watching `input`; nothing happens until `run`.
    public init(input: String, view: String? = nil, output: String? = nil, port: UInt16 = 0, settings: RenderSettings,
                quietPeriod: Duration = .milliseconds(150), direction: MapDirection? = nil, legend: LegendPlacement? = nil,
                width: Double? = nil) {
        self.input = input
        self.direction = direction
        self.legend = legend
        self.width = width
        self.view = view
        self.output = output
        self.port = port
        self.settings = settings
        self.quietPeriod = quietPeriod
    }

    /// How often the files are looked at.
    static let pollInterval = Duration.milliseconds(50)
    /// How often an idle page is sent a comment, so a closed one is noticed and let go.
    static let keepAliveInterval = Duration.seconds(15)

    /// Serves until SIGINT or SIGTERM, then returns `.success`; returns at once with the
    /// status of a problem that makes watching pointless (no such file, a view the journey
    /// does not have, a bad `-o`, a port that cannot be had).
    public func run(console: Console) -> ExitStatus {
        let reporter = DiagnosticReporter(format: settings.diagnosticFormat, console: console)
        let shownView = view ?? FlowMap.graphID
        if input == "-" {
            console.report("cjm: error: cjm watch follows a file as it is saved; it cannot watch stdin")
            return .usage
        }
        if let width = shape.shownWidth, !RenderRun.widths.contains(width) {
            console.report("cjm: error: --width \(SourceNumber.text(width)) is out of range; use \(Int(RenderRun.widths.lowerBound))…\(Int(RenderRun.widths.upperBound)) (CSS pixels)")
            return .usage
        }
        if output == "-" {
            console.report("cjm: error: cjm watch writes -o files on every good render; it cannot write to stdout")
            return .usage
        }
        let plan: [PlannedOutput]
        switch OutputPlan(output: output, formats: [], view: shownView, allViews: false).outputs(for: [(input, [shownView])]) {
        case .failure(let error):
            console.report("cjm: error: \(error.message)")
            return .usage
        case .success(let planned): plan = output == nil ? [] : planned
        }

        // The first look: a file that is not there, or a view a good journey lacks, is a mistake
        // on the command line; a journey with errors is watched, since fixing it is the point.
        let interruption = Interruption()
        defer { interruption.restore() }
        var watch = Watch(run: self, shownView: shownView, plan: plan, reporter: reporter, console: console, interruption: interruption)
        switch watch.firstLook() {
        case .some(let status): return status
        case .none: break
        }

        let server = PreviewServer(state: watch.state, port: port)
        let listening: UInt16
        switch server.start() {
        case .failure(let failure):
            console.report("cjm: error: cannot serve on 127.0.0.1:\(port): \(failure.reason)")
            return port == 0 ? .internalFailure : .usage
        case .success(let chosen): listening = chosen
        }
        let address = "http://127.0.0.1:\(listening)/" + (view.map { "?view=\(Self.queryEscaped($0))" } ?? "")
        console.report("cjm watch: serving \(address) (Ctrl-C stops)")

        watch.loop()
        server.stop()
        console.report("cjm watch: stopped")
        return .success
    }

    /// `text` percent-encoded for a URL's query.
    static func queryEscaped(_ text: String) -> String {
        PercentEncoding.encoded(text, keeping: PercentEncoding.isUnreserved)
    }
}

/// The state of one `cjm watch` loop.
private struct Watch {
    let run: WatchRun
    let shownView: String
    let plan: [PlannedOutput]
    let reporter: DiagnosticReporter
    let console: Console
    let interruption: Interruption
    let state: PreviewState
    let renderer: IsolatedRenderer

    /// The files (and their folders) as they were when last read.
    var watched: WatchedFiles
    /// The bytes of every file of the last check, to tell a real change from a touch.
    var lastSources: [String: [UInt8]]?
    /// The journey of the current revision, when it checked, and its files (for W103).
    var journey: Journey?
    var journeySources = SourceMap()
    var revision = 0

    init(run: WatchRun, shownView: String, plan: [PlannedOutput], reporter: DiagnosticReporter, console: Console,
         interruption: Interruption) {
        self.run = run
        self.shownView = shownView
        self.plan = plan
        self.reporter = reporter
        self.console = console
        self.interruption = interruption
        state = PreviewState(defaultView: shownView, shownWidth: run.shape.shownWidth)
        renderer = run.settings.renderer()
        watched = WatchedFiles(Self.pathsToWatch([run.input]))
    }

    /// Checks the journey for the first time; a status when watching it makes no sense.
    mutating func firstLook() -> ExitStatus? {
        if let refusal = InputList.markdownRefusal(run.input) {
            console.report(refusal)
            return .usage
        }
        guard FilePath.exists(run.input), !FilePath.isDirectory(run.input) else {
            console.report(FilePath.isDirectory(run.input)
                ? "cjm: error: \(run.input) is a folder; cjm watch follows one journey file"
                : "cjm: error: \(run.input): no such file")
            return .inputNotFound
        }
        let compiled = check()
        if let journey, !MapCatalog.names(in: journey).contains(shownView) {
            let failure = MapSelection.Failure.noView(shownView, known: MapCatalog.names(in: journey))
            console.report("cjm: error: \(run.input): \(failure.messageWithSuggestion)")
            return .usage
        }
        if let compiled, let clash = InputGuard.overwrittenInput(plan, inputs: [compiled]) {
            console.report("cjm: error: refusing to write \(clash): it is an input")
            return .cannotWrite
        }
        return nil
    }

    /// Until interrupted: draw what the pages want, and take every change of the files.
    mutating func loop() {
        var lastKeepAlive = ContinuousClock.now
        while !interruption.isRaised {
            drawWanted()
            if interruption.isRaised { break }
            if watched.changed() {
                settle()
                if !interruption.isRaised { check() }
                continue
            }
            if ContinuousClock.now - lastKeepAlive >= WatchRun.keepAliveInterval {
                state.keepAlive()
                lastKeepAlive = .now
            }
            sleep(WatchRun.pollInterval)
        }
    }

    /// Waits until the watched files have stayed unchanged for the quiet period (at most two
    /// seconds, for a file that is written to without pause).
    private mutating func settle() {
        let started = ContinuousClock.now
        var snapshot = WatchedFiles(watched.paths)
        var quietSince = ContinuousClock.now
        while !interruption.isRaised, ContinuousClock.now - quietSince < run.quietPeriod, ContinuousClock.now - started < .seconds(2) {
            sleep(WatchRun.pollInterval)
            let now = WatchedFiles(watched.paths)
            if now != snapshot {
                snapshot = now
                quietSince = .now
            }
        }
        watched = snapshot
    }

    /// Reads and checks the journey; when its files differ from the last check, starts a new
    /// revision: the diagnostics, or a menu whose maps `drawWanted` then draws. Returns the
    /// check's result when the file could be read.
    @discardableResult
    private mutating func check() -> CompiledJourney? {
        let before = watched
        let compiled: CompiledJourney
        switch JourneyCompiler.compile(run.input, limits: run.settings.limits) {
        case .failure(let failure):
            if lastSources == [:] { return nil }
            lastSources = [:]
            journey = nil
            reporter.report(failure)
            let text = switch failure {
            case .notFound(let path): "\(path): no such file (cjm watch goes on looking for it)"
            case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
            }
            revision = state.publishCheckFailure(text)
            return nil
        case .success(let result): compiled = result
        }
        // Included files, and the folders that hold them, are watched from now on; the stamps of
        // the paths already watched stay as they were before reading, so a save during the read
        // is not missed.
        let fresh = WatchedFiles(Self.pathsToWatch([run.input] + compiled.sources.files.map(\.path)))
        watched = WatchedFiles(merging: before, into: fresh)

        let sources = Dictionary(compiled.sources.files.map { ($0.path, $0.utf8) }, uniquingKeysWith: { first, _ in first })
        guard sources != lastSources else { return compiled }
        lastSources = sources
        reporter.report(compiled)
        if let checked = compiled.journey {
            journey = checked
            journeySources = compiled.sources
            let menu = PreviewState.Menu(
                title: checked.title,
                maps: MapCatalog.names(in: checked).map { name in
                    PreviewState.Menu.Entry(name: name, label: checked.views.first { $0.id == name }?.label ?? name)
                },
                language: MapLanguage.of(checked))
            revision = state.publishChecked(menu: menu)
        } else {
            journey = nil
            let printer = DiagnosticPrinter(sources: compiled.sources, colored: false)
            revision = state.publishCheckFailure(compiled.diagnostics.map(printer.text).joined(separator: "\n"))
            console.report("\(Self.clockTime()) \(run.input): \(Self.count(compiled.diagnostics.filter { $0.severity == .error }.count, "error")); the last good map stays in the page")
        }
        return compiled
    }

    /// Draws the maps of the current revision that the open pages (and `-o`) want, `-j` at a
    /// time; calls them off when the files change or a signal comes.
    private mutating func drawWanted() {
        guard let journey else { return }
        let views = state.viewsToRender(also: [shownView])
        if views.isEmpty || interruption.isRaised || watched.changed() { return }
        var drafts: [(view: String, draft: MapDraft)] = []
        for view in views {
            switch MapSelection(view: view, shape: run.shape).draft(of: journey) {
            case .failure(let failure): state.publishRenderFailure(view: view, text: failure.message, revision: revision)
            case .success(let draft):
                drafts.append((view, draft))
                state.publishDrawing(view: view)
            }
        }
        let started = ContinuousClock.now
        let watched = self.watched
        let interruption = self.interruption
        let shouldStop: @Sendable () -> Bool = { interruption.isRaised || watched.changed() }
        // Flow maps are composed from their blocks first, as `cjm render` composes them.
        let composed = DraftComposition.compose(drafts.map(\.draft), jobs: run.settings.jobs, renderer: renderer, stoppingWhen: shouldStop)
        var graphs: [(view: String, map: DraftComposition.Composed)] = []
        for ((view, _), result) in zip(drafts, composed) {
            switch result {
            case .success(let map): graphs.append((view, map))
            case .failure(.stopped):
                if !interruption.isRaised { console.report("\(Self.clockTime()) \(run.input): \(view) superseded by a newer save") }
            case .failure(let failure):
                if interruption.isRaised { return }
                console.report("cjm: error: \(run.input): \(view): \(failure.message)")
                state.publishRenderFailure(view: view, text: "\(run.input): \(view): \(failure.message)", revision: revision)
            }
        }
        let results = ParallelRenders.run(graphs.map { $0.map.request(format: .svg) }, jobs: run.settings.jobs,
                                          renderer: renderer, stoppingWhen: shouldStop)
        let milliseconds = Int(((ContinuousClock.now - started) / .milliseconds(1)).rounded())
        for ((view, composedMap), result) in zip(graphs, results) {
            switch result {
            case .failure(.stopped):
                if !interruption.isRaised { console.report("\(Self.clockTime()) \(run.input): \(view) superseded by a newer save") }
            case .failure(let failure):
                if interruption.isRaised { return }
                console.report("cjm: error: \(run.input): \(view) as svg: \(failure.message)")
                state.publishRenderFailure(view: view, text: "\(run.input): \(view): \(failure.message)", revision: revision)
            case .success(let map):
                state.publish(view: view, svg: String(decoding: map.bytes, as: UTF8.self), revision: revision)
                console.report("\(Self.clockTime()) \(run.input): drew \(view) in \(milliseconds) ms")
                warnIfIllegible(view: view, graph: composedMap.graph, drawing: map.drawing, journey: journey)
                if view == shownView, !plan.isEmpty { write(map.bytes, graph: composedMap.graph, shouldStop: shouldStop) }
            }
        }
    }

    /// `--width`: W103 in the terminal for a map whose smallest text is under 9 px at that
    /// width, at the journey's (or the view's) line, as `cjm render --width` reports it.
    private func warnIfIllegible(view: String, graph: ViewGraph, drawing: DrawingSize, journey: Journey) {
        guard let width = run.shape.shownWidth else { return }
        let screen = ScreenLegibility(view: view, graph: graph, drawing: drawing, shownWidth: width)
        let place = journey.views.first { $0.id == view }?.source ?? journey.source
        guard let warning = screen.warning(at: journeySources.span(place), alternatives: []) else { return }
        var collector = DiagnosticCollector(limit: 100, sources: journeySources)
        collector.add(warning)
        reporter.report(collector.finished(), sources: journeySources)
    }

    /// `-o`: the chosen view in every planned format (the SVG already drawn, others drawn
    /// now), written all or none.
    private func write(_ svg: [UInt8], graph: ViewGraph, shouldStop: @escaping @Sendable () -> Bool) {
        var files: [(path: String, bytes: [UInt8])] = []
        for output in plan {
            guard case .file(let path) = output.destination else { continue }
            if output.format == .svg {
                files.append((path, svg))
                continue
            }
            switch renderer.renderMap(RenderRequest(graph: graph, format: output.format), stoppingWhen: shouldStop) {
            case .success(let map): files.append((path, map.bytes))
            case .failure(.stopped): return
            case .failure(let failure):
                console.report("cjm: error: \(run.input): \(output.view) as \(output.format.rawValue): \(failure.message); \(path) left as it was")
                return
            }
        }
        for folder in Set(files.map { FilePath.folder(of: $0.path) }).sorted() where !FilePath.makeFolder(folder) {
            console.report("cjm: error: cannot create folder \(folder)")
            return
        }
        switch AtomicFileSet.write(files) {
        case .failure(let failure): console.report("cjm: error: cannot write \(failure.path): \(failure.reason)")
        case .success: for file in files { console.report("\(Self.clockTime()) wrote \(file.path)") }
        }
    }

    // MARK: Helpers

    /// The files and the folders holding them.
    private static func pathsToWatch(_ files: [String]) -> [String] {
        Array(Set(files + files.map { FilePath.folder(of: $0) }))
    }

    private func sleep(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        usleep(UInt32(seconds * 1_000_000 + attoseconds / 1_000_000_000_000))
    }

    /// `14:03:27`, the local time of day, for the terminal's log lines.
    static func clockTime() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }

    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }
}
