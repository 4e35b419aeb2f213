import CJMSyntax
import CJMViewGraph

/// The one rule for whether a map can be read where it ends up: the size its smallest text
/// comes out at once the drawing is scaled to its medium, against a threshold for that medium.
///
/// A map's text sizes are set in points at scale 1 (Graphviz's `fontsize`); paper scales the
/// whole drawing by one factor, so the smallest text decides. `--paper`/`--tile` compare
/// printed points with `minimumPrintedPoints`; a map shown in a docs column of a given
/// width compares CSS pixels with `minimumScreenPixels`.
public enum Legibility {
    /// Printed text smaller than this cannot be read from a step away from a wall.
    public static let minimumPrintedPoints = 8.0
    /// The size `--tile` without `--paper` prints the smallest text at: comfortably above the
    /// minimum, read at arm's length to a metre.
    public static let readablePrintedPoints = 12.0
    /// On screen, text under this many CSS pixels is unreadable at normal zoom.
    public static let minimumScreenPixels = 9.0

    /// The font size, in points at scale 1, of the smallest text `graph` draws: node labels,
    /// edge labels, cluster labels and the title; 0 when it draws no text at all.
    public static func smallestText(in graph: ViewGraph) -> Double {
        let base = graph.style.fontSize
        var sizes: [Double] = []
        if let title = graph.title, !title.isEmpty { sizes.append(graph.style.titleFontSize) }
        for cluster in graph.clusters where !(cluster.label ?? "").isEmpty { sizes.append(cluster.fontSize ?? base) }
        for node in graph.nodes where node.label.contains(where: { !$0.isEmpty }) { sizes.append(node.style.fontSize ?? base) }
        if graph.edges.contains(where: { !($0.label ?? "").isEmpty }) { sizes.append(base) }
        return sizes.min() ?? 0
    }

    /// The printed size, in points, of text of `points` in a drawing scaled by `scale`.
    public static func printed(_ points: Double, scale: Double) -> Double {
        points * scale
    }

    /// The on-screen size, in CSS pixels, of text of `points` in a drawing `drawingWidth`
    /// points wide shown `shownWidth` pixels wide.
    public static func onScreen(_ points: Double, drawingWidth: Double, shownWidth: Double) -> Double {
        drawingWidth > 0 ? points * shownWidth / drawingWidth : points
    }

    /// The widest, in points, a drawing whose smallest text is `points` can be and still be
    /// legible on screen shown `shownWidth` CSS pixels wide (the inverse of `onScreen`).
    public static func widestLegible(smallestText points: Double, shownWidth: Double) -> Double {
        points > 0 ? points * shownWidth / minimumScreenPixels : .infinity
    }

    /// Whether text of `points` in a drawing `drawingWidth` points wide shown `shownWidth`
    /// pixels wide can be read on screen.
    public static func isLegibleOnScreen(_ points: Double, drawingWidth: Double, shownWidth: Double) -> Bool {
        points == 0 || onScreen(points, drawingWidth: drawingWidth, shownWidth: shownWidth) >= minimumScreenPixels - 1e-9
    }

    /// `6.1 px`: an on-screen size as messages and timings show it, cut to a tenth like `describe`.
    public static func describePixels(_ pixels: Double) -> String {
        String(describe(pixels).dropLast(3)) + " px"
    }

    /// `6.1 pt`: a printed size as messages and timings show it, cut (not rounded) to a tenth
    /// of a point, so a size under the minimum never reads as the minimum.
    public static func describe(_ points: Double) -> String {
        let tenths = (points * 10 + 1e-6).rounded(.down)
        return SourceNumber.text(tenths / 10) + " pt"
    }

    /// Whether text of `points` printed at `scale` can be read on the wall.
    public static func isLegiblePrinted(_ points: Double, scale: Double) -> Bool {
        points == 0 || printed(points, scale: scale) >= minimumPrintedPoints - 1e-9
    }
}
