import CJMGraphviz
import CJMMaps
import CJMModel
import CJMSyntax
import CJMViewGraph

/// `cjm render`: every input through the whole pipeline, then every output written atomically.
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
    public var dpi: Double
    /// Seconds one layout+render may take.
    public var timeout: Double
    public var memoryLimitBytes: Int
    public var jobs: Int
    /// `--check`: compare with the files on disk instead of writing.
    public var check: Bool
    /// Print how long each stage took, for benchmarks.
    public var timings: Bool
    public var diagnosticFormat: DiagnosticFormat
    /// The `cjm` executable whose hidden `render-worker` subcommand does the Graphviz work.
    public var workerExecutable: String
    public var limits: Limits

    public init(inputs: [String], output: String? = nil, formats: [OutputFormat] = [], view: String? = nil, allViews: Bool = false,
                persona: String? = nil, theme: ThemeName? = nil, dpi: Double = 96, timeout: Double = 180,
                memoryLimitBytes: Int = 4 << 30, jobs: Int = 2, check: Bool = false, timings: Bool = false,
                diagnosticFormat: DiagnosticFormat = .text, workerExecutable: String, limits: Limits = .standard) {
        self.inputs = inputs
        self.output = output
        self.formats = formats
        self.view = view
        self.allViews = allViews
        self.persona = persona
        self.theme = theme
        self.dpi = dpi
        self.timeout = timeout
        self.memoryLimitBytes = memoryLimitBytes
        self.jobs = jobs
        self.check = check
        self.timings = timings
        self.diagnosticFormat = diagnosticFormat
        self.workerExecutable = workerExecutable
        self.limits = limits
    }

    public func run(console: Console) -> ExitStatus {
        var clock = StageClock()
        let reporter = DiagnosticReporter(format: diagnosticFormat, console: console)

        // A dpi out of range is a bad command line, refused before any input is read.
        guard RenderCaps.dpi.contains(dpi) else {
            console.report("cjm: error: --dpi \(dpi == dpi.rounded() && abs(dpi) < 1e9 ? String(Int(dpi)) : String(dpi)) is out of range; use \(Int(RenderCaps.dpi.lowerBound))…\(Int(RenderCaps.dpi.upperBound))")
            return .usage
        }

        // 1. Read and check every input.
        let paths = InputList.expand(inputs)
        if paths.isEmpty {
            console.report("cjm: error: no .cjm files in \(inputs.joined(separator: " "))")
            return .inputNotFound
        }
        var (journeys, status) = JourneyCompiler.compileAll(paths, limits: limits, reporter: reporter)
        if status != .success { return status }
        clock.lap("parse+check")

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
        if let clash = InputGuard.overwrittenInput(planned, inputs: journeys) {
            console.report("cjm: error: refusing to write \(clash): it is an input")
            return .cannotWrite
        }

        // 3. Build each map once, however many formats it goes to.
        var drafts: [GraphKey: MapDraft] = [:]
        var keys: [GraphKey] = []
        for output in planned {
            let key = GraphKey(input: output.input, view: output.view)
            if drafts[key] != nil { continue }
            let journey = checked[output.input].journey
            let personaPath = persona.map { ElementPath($0) }
            if let personaPath, !journey.personas.contains(where: { $0.path == personaPath }) {
                let known = journey.personas.map(\.path.description).joined(separator: ", ")
                console.report("cjm: error: \(checked[output.input].compiled.path): no persona '\(persona!)'" + (known.isEmpty ? "" : " (personas: \(known))"))
                return .usage
            }
            let theme = Theme.named(self.theme ?? journey.theme, styles: journey.styles)
            guard let draft = MapCatalog.build(view: output.view, journey: journey, persona: personaPath, theme: theme) else {
                let names = MapCatalog.names(in: journey).joined(separator: ", ")
                console.report("cjm: error: \(checked[output.input].compiled.path): no view '\(output.view)'; available views: \(names)")
                return .usage
            }
            drafts[key] = draft
            keys.append(key)
        }
        clock.lap("view graph")

        // 4. Lay out the blocks of composed maps (all blocks of one map in one child process),
        // then compose each map from its blocks' geometry.
        let renderer = IsolatedRenderer(workerExecutable: workerExecutable, timeout: timeout, memoryLimitBytes: memoryLimitBytes, reportTimings: timings)
        let composed = keys.filter { !drafts[$0]!.blocks.isEmpty }
        let layouts = ParallelRenders.map(composed.map { drafts[$0]!.blocks }, jobs: jobs) { renderer.layOut($0) }
        var geometries: [GraphKey: [GraphGeometry]] = [:]
        for (key, layout) in zip(composed, layouts) {
            switch layout {
            case .success(let laidOut):
                geometries[key] = laidOut.geometries
                if timings, let line = laidOut.timings { console.report("timing: \(key.view) blocks: \(line)") }
            case .failure(let failure):
                console.report("cjm: error: \(checked[key.input].compiled.path): \(key.view): \(failure.message)")
                status = ExitStatus.worse(status, failure.exitStatus)
            }
        }
        if status != .success { return status }
        clock.lap("block layout (Graphviz child)")
        var graphs: [GraphKey: ViewGraph] = [:]
        for key in keys { graphs[key] = drafts[key]!.compose(geometries[key] ?? []) }
        clock.lap("compose")

        // 5. Render every map, each in its own child process.
        let requests = planned.map { RenderRequest(graph: graphs[GraphKey(input: $0.input, view: $0.view)]!, format: $0.format, dpi: dpi) }
        let results = ParallelRenders.run(requests, jobs: max(1, jobs), renderer: renderer)
        var rendered: [[UInt8]] = []
        for (output, result) in zip(planned, results) {
            switch result {
            case .success(let map):
                rendered.append(map.bytes)
                if timings, let line = map.timings { console.report("timing: \(output.view) as \(output.format.rawValue): \(line)") }
            case .failure(let failure):
                console.report("cjm: error: \(checked[output.input].compiled.path): \(output.view) as \(output.format.rawValue): \(failure.message)")
                status = ExitStatus.worse(status, failure.exitStatus)
            }
        }
        if status != .success { return status }
        clock.lap("render (Graphviz child)")

        // 6. Compare (`--check`) or write.
        let outcome = check ? compare(planned, rendered, console: console) : write(planned, rendered, console: console)
        clock.lap(check ? "compare" : "write")
        if timings { clock.report(to: console, bytes: journeys.reduce(0) { $0 + $1.sources.files.reduce(0) { $0 + $1.utf8.count } }) }
        return outcome
    }

    /// Writes the files all or none (`AtomicFileSet`), then the map for stdout, if any.
    private func write(_ planned: [PlannedOutput], _ rendered: [[UInt8]], console: Console) -> ExitStatus {
        var files: [(path: String, bytes: [UInt8])] = []
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
        case .graphTooLarge, .bitmapTooLarge: .invalidInput
        case .dpiOutOfRange: .usage
        default: .internalFailure
        }
    }
}
