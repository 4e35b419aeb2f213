import ArgumentParser
import CJMKit

/// `cjm watch FILE [--view NAME] [-o OUT] [--port N]`
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Preview a journey live in the browser, redrawn on every save.",
        discussion: """
            Serves http://127.0.0.1:PORT/ (loopback only; a free port unless --port) and redraws the map the \
            page shows whenever the journey or a file it includes is saved; errors appear in the page above the \
            last good map. The page's menu switches between the flow map, the board and the journey's views. \
            With -o the chosen view is also written on every good render. Ctrl-C stops it (exit 0).
            """
    )

    @Argument(help: "The journey file to watch.", completion: .file(extensions: ["cjm"]))
    var file: String

    @Option(name: .long, help: "The map shown first (and written by -o): flow (default), board, or a `view` id.",
            completion: .list(["flow", "board"]))
    var view: String?

    @Option(name: .shortAndLong, help: "Also write the map here on every good render (a file, or a folder).", completion: .file())
    var output: String?

    @Option(name: .long, help: "Port on 127.0.0.1 to serve on (default: a free one, printed).")
    var port: UInt16 = 0

    @OptionGroup var shape: MapShapeOptions

    @OptionGroup var rendering: RenderingOptions

    func run() throws {
        let status = WatchRun(input: file, view: view, output: output, port: port, settings: rendering.settings,
                              direction: try shape.parsedDirection(), legend: try shape.parsedLegend(), width: shape.width)
            .run(console: Console())
        if status != .success { throw status.exitCode }
    }
}

extension WatchCommand: CommandExamples {
    static let examples = [
        (effect: "Preview journey.cjm in the browser while editing it", command: "cjm watch journey.cjm"),
        (effect: "Start on the phase board, keeping board.svg up to date too", command: "cjm watch journey.cjm --view board -o board.svg"),
    ]
}
