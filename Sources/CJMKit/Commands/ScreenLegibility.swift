import CJMGraphviz
import CJMSyntax
import CJMViewGraph

/// Warning W103: a map shown `--width` CSS pixels wide (a docs column) whose smallest text
/// comes out under `Legibility.minimumScreenPixels`, with what would help: the map read
/// down, the journey's named views that would be legible at that width, or fewer blocks.
struct ScreenLegibility {
    /// Another drawing of the journey, measured by laying it out, offered as advice.
    struct Alternative {
        /// The flags that draw it: `--direction down`, `--view repair_fn`.
        var flags: String
        var drawing: DrawingSize
        var smallestText: Double
    }

    var view: String
    var graph: ViewGraph
    var drawing: DrawingSize
    /// CSS pixels the map will be shown wide.
    var shownWidth: Double

    /// The smallest text's size in CSS pixels at `shownWidth`.
    var smallestPixels: Double {
        Legibility.onScreen(Legibility.smallestText(in: graph), drawingWidth: drawing.width, shownWidth: shownWidth)
    }

    var isIllegible: Bool {
        !Legibility.isLegibleOnScreen(Legibility.smallestText(in: graph), drawingWidth: drawing.width, shownWidth: shownWidth)
    }

    /// `flow shown 800 px wide: smallest text 9.6 px (drawing 1000 pt wide)`, for `--timings`.
    var timingLine: String {
        "\(view) shown \(Int(shownWidth)) px wide: smallest text \(Legibility.describePixels(smallestPixels)) "
            + "(drawing \(Int(drawing.width.rounded())) pt wide)"
    }

    /// The warning at `place` (the journey, or the view drawn), or nil when the text is legible.
    func warning(at place: SourceSpan, alternatives: [Alternative]) -> Diagnostic? {
        guard isIllegible else { return nil }
        let minimum = Legibility.describePixels(Legibility.minimumScreenPixels)
        let message = "shown \(Int(shownWidth)) px wide, the smallest text of `\(view)` is \(Legibility.describePixels(smallestPixels)), "
            + "under the \(minimum) that can be read on screen (the map is \(Int(drawing.width.rounded())) pt wide)"
        var notes: [Diagnostic.Note] = []
        for alternative in alternatives {
            let pixels = Legibility.onScreen(alternative.smallestText, drawingWidth: alternative.drawing.width, shownWidth: shownWidth)
            let verdict = Legibility.isLegibleOnScreen(alternative.smallestText, drawingWidth: alternative.drawing.width, shownWidth: shownWidth)
                ? "" : " (still too small)"
            notes.append(.init("\(alternative.flags) shows it at \(Legibility.describePixels(pixels))\(verdict)"))
        }
        let widest = Legibility.widestLegible(smallestText: Legibility.smallestText(in: graph), shownWidth: shownWidth)
        if view == "board" {
            // The board is already at its narrowest (`BoardMap`): only fewer columns would help.
            let phases = graph.nodes.filter { $0.classes.contains("phase") }.count
            notes.append(.init("the board keeps one column per phase (\(phases) here), each as narrow as its longest word allows; "
                + "it reads at this width when at most \(Int(widest)) pt wide: fewer phases, or the flow map read down "
                + "(`--view flow --direction down`)"))
        } else {
            notes.append(.init("a map of fewer blocks (a `view` with `show:`) reads at this width when it is at most \(Int(widest)) pt wide"))
        }
        return Diagnostic(.warning, .illegibleOnScreen, message, at: place, notes: notes)
    }
}
