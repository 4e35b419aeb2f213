import CJMSyntax

/// Why a graph produced no bytes. Every case reads as a plain sentence through `message`.
public enum RenderFailure: Error, Hashable, Sendable, Codable, CustomStringConvertible {
    /// The view graph contradicts itself (an edge to a node that does not exist); a bug in
    /// the map builder rather than in the user's file.
    case invalidGraph(String)
    /// More nodes, edges or clusters than `RenderCaps` allows.
    case graphTooLarge(what: String, count: Int, limit: Int)
    /// A dpi outside `RenderCaps.dpi`.
    case dpiOutOfRange(Double)
    /// The bitmap would exceed `RenderCaps.maxBitmapSide` or `maxBitmapPixels`. `fittingDPI`
    /// is the highest `--dpi` that would fit, `paper` a `--paper` sheet that would (nil when
    /// the PNG already is one).
    case bitmapTooLarge(width: Int, height: Int, dpi: Double, fittingDPI: Int?, paper: String?)
    /// `--paper`, `--tile` and the format do not go together (a usage error).
    case invalidPageSetup(String)
    /// A `--tile` poster would take more than `PosterGrid.maxSheets` sheets.
    case posterTooLarge(sheets: Int, columns: Int, rows: Int, tile: String)
    /// Fontconfig has no font of the family the theme asks for.
    case missingFont(family: String, package: String?)
    /// Graphviz has no plugin for a layout engine or output format.
    case missingPlugin(name: String, package: String)
    /// Graphviz reported an error; its own words.
    case graphviz(String)
    /// The worker was killed by a signal (named, e.g. `SIGSEGV`).
    case crashed(signal: String)
    /// The worker exited with a status that means neither success nor a reported failure.
    case exitedUnexpectedly(status: Int32, detail: String)
    /// The worker exited 0 without a whole result frame (`WorkerFrame`): Graphviz may call
    /// `exit()`, and an empty or cut map must not replace a good one.
    case incompleteResult(String)
    /// The worker ran past the wall-clock timeout and was killed.
    case timedOut(seconds: Double)
    /// The worker ran out of the memory it was allowed.
    case outOfMemory(limitBytes: Int)
    /// The worker could not be started or talked to.
    case workerUnavailable(String)
    /// The caller called the render off (`IsolatedRenderer.renderMap(_:stoppingWhen:)`) and
    /// the worker was killed.
    case stopped

    /// One or two plain sentences for the person running `cjm`.
    public var message: String {
        switch self {
        case .invalidGraph(let detail):
            return "the map could not be drawn: \(detail)"
        case .graphTooLarge(let what, let count, let limit):
            return "the map has \(count) \(what); at most \(limit) can be drawn. Split it into views."
        case .dpiOutOfRange(let dpi):
            return "dpi \(SourceNumber.text(dpi)) is out of range; use \(SourceNumber.text(RenderCaps.dpi.lowerBound))…\(SourceNumber.text(RenderCaps.dpi.upperBound))."
        case .bitmapTooLarge(let width, let height, let dpi, let fittingDPI, let paper):
            var ways: [String] = []
            if let fittingDPI { ways.append("--dpi \(fittingDPI) or lower") }
            if let paper { ways.append("--paper \(paper) (a PNG of that sheet at \(SourceNumber.text(PaperDPI.png)) dpi)") }
            ways.append("SVG or PDF (-f pdf --tile A4 for a poster of office sheets)")
            return "a PNG at \(SourceNumber.text(dpi)) dpi would be \(width)×\(height) pixels, more than a bitmap can hold "
                + "(\(RenderCaps.maxBitmapSide) px a side, \(RenderCaps.maxBitmapPixels / 1_000_000) megapixels in all). "
                + "Use " + Self.either(ways) + "."
        case .invalidPageSetup(let problem):
            return problem
        case .posterTooLarge(let sheets, let columns, let rows, let tile):
            return "the poster would take \(sheets) sheets of \(tile) (\(columns) columns × \(rows) rows); at most "
                + "\(PosterGrid.maxSheets) can be printed. Give the final size (--paper A0 --tile \(tile)), or render the "
                + "journey's views one poster each (--view NAME)."
        case .missingFont(let family, let package):
            let install = package.map { " Install the Debian package \($0) (sudo apt-get install \($0))." } ?? " Install a font of that family."
            return "font \"\(family)\" is not installed, so Cyrillic text cannot be drawn.\(install)"
        case .missingPlugin(let name, let package):
            return "Graphviz has no plugin for \"\(name)\". Install the Debian package \(package) (sudo apt-get install \(package))."
        case .graphviz(let text):
            return "Graphviz failed: \(text)"
        case .crashed(let signal):
            return "Graphviz crashed (\(signal)) while drawing the map."
        case .exitedUnexpectedly(let status, let detail):
            let tail = detail.isEmpty ? "" : ": \(detail)"
            return "Graphviz exited unexpectedly with status \(status)\(tail)"
        case .incompleteResult(let detail):
            return "the render process ended without delivering the whole map (\(detail)); Graphviz may have exited early."
        case .timedOut(let seconds):
            return "Graphviz was stopped after \(SourceNumber.text(seconds)) s; the map is too complex to lay out in time. Split it into views or raise --timeout."
        case .outOfMemory(let limit):
            return "Graphviz ran out of memory (limit \(limit / 1_048_576) MB) while drawing the map."
        case .workerUnavailable(let detail):
            return "the render process could not be run: \(detail)"
        case .stopped:
            return "the render was called off before it finished."
        }
    }

    public var description: String { message }

    /// `a`, `a or b`, `a, b or c`.
    private static func either(_ ways: [String]) -> String {
        ways.count <= 1 ? ways.joined() : ways.dropLast().joined(separator: ", ") + " or " + ways.last!
    }
}
