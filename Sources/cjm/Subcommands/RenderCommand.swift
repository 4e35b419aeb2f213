import ArgumentParser
import CJMKit

/// `cjm render FILE|DIR... [-o OUT] [-f svg,png,pdf,dot] ...`
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render journeys to SVG, PNG, PDF or DOT maps.",
        discussion: """
            Without -o each map is written beside its input. -o FILE picks the format by extension; \
            -o DIR (or several inputs, formats or views) writes NAME[.VIEW].FORMAT into the folder; \
            -o - writes to stdout; -o NAME without an extension (not an existing file) is a folder. Existing files \
            change only when every map rendered; each file written is then named on stderr (wrote PATH) unless --quiet.
            """
    )

    @Argument(help: "Journey files or folders of them ('-' reads stdin).", completion: .file(extensions: ["cjm"]))
    var files: [String]

    @Option(name: .shortAndLong, help: "Output file, folder, or '-' for stdout.", completion: .file())
    var output: String?

    @Option(name: .shortAndLong, help: "Formats, comma-separated: svg, png, pdf, dot.",
            completion: .list(["svg", "png", "pdf", "dot", "svg,png", "svg,png,pdf"]))
    var format: String?

    @Option(name: .long, help: "The view to render: flow (default), board, or a `view` id of the journey.",
            completion: .list(["flow", "board"]))
    var view: String?

    @Flag(name: .long, help: "Render every view, one file each (NAME.VIEW.FORMAT).")
    var allViews = false

    @Option(name: .long, help: "Narrow the board and named views to one persona id.")
    var persona: String?

    @Option(name: .long, help: "Theme: default, print or mono (overrides the journey's theme:).",
            completion: .list(["default", "print", "mono"]))
    var theme: String?

    @Option(name: .long, help: "Resolution of PNG output (default 96; 150 for a --paper sheet).")
    var dpi: Double?

    @Option(name: .long, help: "Fit the map to one sheet: A0, A1, A2, A3, A4, letter, legal or tabloid.")
    var paper: String?

    @Option(name: .long, help: "Make a multi-page PDF poster of A4, A3 or letter sheets (with --paper: of that final size).")
    var tile: String?

    @Flag(name: .long, help: "Hold the sheet landscape (default: whichever prints the text larger).")
    var landscape = false

    @Flag(name: .long, help: "Hold the sheet portrait.")
    var portrait = false

    @Flag(name: .long, help: "Fail (exit 1, write nothing) on any warning, text too small to print included.")
    var strict = false

    @Flag(name: .long, help: "Render in memory and fail (exit 1) when a file on disk differs.")
    var check = false

    @Flag(name: .long, help: "Print the time each stage took to stderr.")
    var timings = false

    @Flag(name: .shortAndLong, help: "Do not name each file written on stderr.")
    var quiet = false

    @OptionGroup var rendering: RenderingOptions

    @Option(name: .long, help: "A CSV of id,count[,revenue] rows (a CRM export) whose counts replace the journey's.",
            completion: .file(extensions: ["csv"]))
    var figures: String?

    func run() throws {
        let run = RenderRun(
            inputs: files, output: output, formats: try formats(), view: view, allViews: allViews, persona: persona,
            theme: try themeName(), dpi: dpi, page: try pageSetup(), strict: strict, check: check, timings: timings,
            quiet: quiet, figures: figures, settings: rendering.settings
        )
        let status = run.run(console: Console())
        if status != .success { throw status.exitCode }
    }

    func validate() throws {
        if allViews && view != nil { throw ValidationError("--view and --all-views exclude each other") }
        if landscape && portrait { throw ValidationError("--landscape and --portrait exclude each other") }
        _ = try formats()
        _ = try themeName()
        _ = try pageSetup()
    }

    private func pageSetup() throws -> PageSetup {
        func sheet(_ name: String?, _ flag: String, among sizes: [PaperSize]) throws -> PaperSize? {
            guard let name else { return nil }
            guard let size = PaperSize.named(name), sizes.contains(size) else {
                throw ValidationError("unknown \(flag) '\(name)'; sizes: \(PaperSize.list(sizes))")
            }
            return size
        }
        let setup = PageSetup(paper: try sheet(paper, "--paper", among: PaperSize.all),
                              orientation: landscape ? .landscape : portrait ? .portrait : nil,
                              tile: try sheet(tile, "--tile", among: PaperSize.tiles))
        if let problem = setup.problem { throw ValidationError(problem) }
        return setup
    }

    private func formats() throws -> [OutputFormat] {
        guard let format else { return [] }
        return try format.split(separator: ",").map { name in
            guard let parsed = OutputFormat(rawValue: String(name.filter { $0 != " " }).lowercased()) else {
                throw ValidationError("unknown format '\(name)'; formats: svg, png, pdf, dot")
            }
            return parsed
        }
    }

    private func themeName() throws -> ThemeName? {
        guard let theme else { return nil }
        guard let name = ThemeName(rawValue: theme) else {
            throw ValidationError("unknown theme '\(theme)'; themes: default, print, mono")
        }
        return name
    }
}

extension RenderCommand: CommandExamples {
    static let examples = [
        (effect: "Draw journey.svg beside journey.cjm", command: "cjm render journey.cjm"),
        (effect: "The phase board as a 150 dpi PNG", command: "cjm render journey.cjm --view board -o board.png --dpi 150"),
        (effect: "In CI: fail when a committed map in docs/ is stale",
         command: "cjm render docs/journey.cjm -o docs/ -f svg --check"),
    ]
}
