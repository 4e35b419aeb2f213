import CJMModel
import CJMViewGraph

/// The classic CJM board (SPEC §3, seeds 000, 002, 003): phases as columns in the order
/// written, lanes as rows titled at the left (touchpoints with their channels, customer
/// actions, emotion, pains, ideas, feedback, owners) and the personas across the top.
///
/// Positions are computed here and handed to Graphviz pinned (`Layout.pinned`: `neato -n2`
/// semantics, Graphviz only draws the boxes where they are and routes the emotion line) instead of being left to `dot`: a grid needs every cell of a column aligned
/// with every cell of a row, which `dot` can only approximate with clusters and invisible
/// cross-cluster edges, and on boards of realistic size those make 2.42's ranking fail
/// ("trouble in init_rank"). Computing the grid also lets every text be wrapped to its
/// column's width (`WordWrapper`) and every row be as tall as its tallest cell, so nothing
/// overlaps however long the Russian texts are. See `BoardLayout` for the geometry.
///
/// What is shown:
/// - Several touchpoints in one phase stack down the column in the order written, numbered
///   across the board in reading order; every lane entry of a touchpoint starts with its
///   number, so a pain or an idea can be traced back to its touchpoint. A crowded phase may
///   lay its boxes out two or three across, row by row, each touchpoint in the same
///   sub-column in every lane.
/// - Touchpoints without a phase (or whose phase is not on the board) go into a trailing
///   column "Без фазы", present only when needed.
/// - A channel that carries a `phase:` appears in that column's touchpoint lane unless a
///   touchpoint there already names it.
/// - The emotion lane places one point per touchpoint with an emotion, at the height of its
///   value (−2 bottom … +2 top) with the value written in it, coloured red to green, and
///   joins consecutive points with a line in reading order.
/// - Box width and boxes across are chosen so the board is as narrow as possible while it
///   still fits A1 (594 × 841 mm, either orientation) at full size; a board too big for that
///   gets the arrangement that needs the least shrinking. This turns a tall stack of long
///   texts into a wider, shorter board of the A-series shape instead of a strip that shrinks
///   to unreadable on the wall.
/// - Shown in a docs column (`fitWidth`, from `--width` or `--direction down`), the board is
///   narrowed instead: its phases stay columns (a board read down would no longer be a
///   board), and its boxes get narrower and taller; when that is not enough, each lane's
///   title becomes a band above its row, giving the phases the width of the title column.
/// - `persona` narrows the board to that persona's touchpoints; touchpoints written without
///   a persona concern every persona, so they stay. The header then shows that persona only,
///   and the title names it ("Мебель — персона: Анна").
public enum BoardMap {
    /// The board of `journey` in `theme`, narrowed to `persona` when given.
    ///
    /// `fitWidth` (points) is the widest the board may be to stay legible where it is shown
    /// (a docs column, `--width`): a wall board wider than that is narrowed, the phases kept
    /// as columns, one box across each, the lane titles as narrow as their longest word, the
    /// boxes as wide as still fits (their text wraps onto more lines), but never so narrow
    /// that a word is cut; failing that, the same with each lane's title as a band above its
    /// row; when even that is wider than `fitWidth`, that narrowest board. The title then
    /// wraps to the board's width.
    public static func build(_ journey: Journey, theme: Theme, persona: ElementPath?, fitWidth: Double? = nil) -> ViewGraph {
        let wall = wallBoard(journey, theme: theme, persona: persona)
        guard let fitWidth, wall.width > fitWidth else { return wall.graph }
        let narrowest = BoardLayout.narrowestWidths(of: journey)
        var widths = Array(stride(from: BoardLayout.Metrics.cardWidths[0] - 10, to: narrowest.card, by: -10))
        widths.append(narrowest.card)
        var chosen: (graph: ViewGraph, width: Double, height: Double)?
        // Lane titles at the left while the board fits so; else as bands above their rows.
        search: for titlesAbove in [false, true] {
            for width in widths {
                var layout = BoardLayout(journey: journey, theme: theme, persona: persona, cardWidth: width, cardsAcross: 1,
                                         laneTitleWidth: narrowest.laneTitle, titlesAbove: titlesAbove)
                chosen = layout.graph()
                if chosen!.width <= fitWidth { break search }
            }
        }
        var board = chosen!.graph
        if let title = board.title {
            let measure = TextMeasure(fontSize: theme.graph.titleFontSize)
            board.title = WordWrapper.wrap(title, points: min(fitWidth, chosen!.width) - 2 * BoardLayout.Metrics.margin, measure: measure)
                .joined(separator: "\n")
        }
        return board
    }

    /// The board for a wall: box width and boxes across chosen so the board is as narrow as
    /// possible while it still fits A1 at full size, else the arrangement that shrinks least.
    private static func wallBoard(_ journey: Journey, theme: Theme, persona: ElementPath?) -> (graph: ViewGraph, width: Double) {
        var best: (graph: ViewGraph, width: Double, scale: Double)?
        for across in BoardLayout.Metrics.cardsAcross {
            for width in BoardLayout.Metrics.cardWidths {
                var layout = BoardLayout(journey: journey, theme: theme, persona: persona, cardWidth: width, cardsAcross: across)
                let board = layout.graph()
                let scale = a1Scale(width: board.width, height: board.height + 2 * theme.graph.titleFontSize)
                if scale >= 1 { return (board.graph, board.width) }
                if best.map({ scale > $0.scale + 0.001 }) ?? true { best = (board.graph, board.width, scale) }
            }
        }
        return (best!.graph, best!.width)
    }

    /// How much a board of this size in points must shrink to fit A1, in the better
    /// orientation; 1 when it fits as it is.
    static func a1Scale(width: Double, height: Double) -> Double {
        let short = 594 / 25.4 * 72, long = 841 / 25.4 * 72
        let portrait = min(short / width, long / height)
        let landscape = min(long / width, short / height)
        return min(1, max(portrait, landscape))
    }
}
