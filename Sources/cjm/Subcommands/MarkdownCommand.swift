import ArgumentParser
import CJMKit

/// `cjm md FILE.md... [--check]`
struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "md",
        abstract: "Render the maps embedded in Markdown documents and link them in.",
        discussion: """
            Finds ```cjm blocks and <!-- cjm: FILE.cjm --> markers, renders each map to an SVG beside the \
            document (DOC.md-N.svg, or name=NAME), and puts an image link right after the block. A block or \
            marker may add view=NAME, persona=ID, theme=NAME, name=FILE, direction=, legend= and width= (default: \
            down, auto, 800). Only a changed link or map is written; each file written is named on stderr \
            (wrote PATH) unless --quiet. --strict fails on any warning, W103 (text under 9 px at width=) included.
            """
    )

    @Argument(help: "Markdown documents, or folders of them.")
    var files: [String]

    @Flag(name: .long, help: "Write nothing; fail (exit 1) when a map or its link is stale or missing.")
    var check = false

    @Flag(name: .shortAndLong, help: "Do not name each file written on stderr.")
    var quiet = false

    @Flag(name: .long, help: "Fail (exit 1, write nothing) on any warning, an embedded map's text too small at its width= (W103) included.")
    var strict = false

    @OptionGroup var rendering: RenderingOptions

    func run() throws {
        let status = MarkdownRun(inputs: files, check: check, settings: rendering.settings, quiet: quiet, strict: strict).run(console: Console())
        if status != .success { throw status.exitCode }
    }
}
