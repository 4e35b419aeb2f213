import CJMModel
import CJMViewGraph

/// How the flow map is cut into pieces that `dot` lays out alone, and how those pieces are
/// stacked into the map: the structure `FlowComposer` arranges once their sizes are known.
///
/// A piece is either a whole unit (a pipeline, the leads, a campaign of ads: `dot` places its
/// nodes and draws its inner edges, and the piece moves as one) or a single node of a stack
/// (a channel, a page, a touchpoint: `dot` only measures it, in a unit of the stack's nodes,
/// and the arrangement places it).
struct BlockPlan: Sendable {
    /// A graph laid out by `dot` on its own.
    struct Unit: Sendable {
        var graph: ViewGraph
        /// Only its node sizes are used: the nodes are pieces of a stack.
        var measuresOnly: Bool
    }

    enum Piece: Hashable, Sendable {
        /// A unit placed as a whole.
        case unit(Int)
        /// A node (by its index in the map's nodes) placed on its own.
        case node(Int)
    }

    /// Pieces stacked top to bottom under a frame (a cluster the arrangement draws), wrapped
    /// into side-by-side columns when taller than the map allows.
    struct Group: Sendable {
        var frame: String?
        var pieces: [Piece]
        /// Reorders the pieces by where the flows into and out of them go (pages by the ads
        /// and deals that reach them, touchpoints by their channel).
        var ordersByNeighbours = false
        /// Moves each piece of a one-column group level with what its flows reach in this
        /// section (channels level with their touchpoints), keeping their order.
        var alignsWithSection: Int?
        /// Pieces laid out in rows (`SheetArrangement.Group.rows`): each piece's row, the
        /// pieces sorted by it. Empty: a plain stack.
        var rows: [Int] = []
        /// Per row, the node (by its index in the map's nodes) standing level with it in the
        /// next section, whose height the row keeps at least.
        var rowAnchors: [Int?] = []
    }

    /// One block of the reading order (channels, the CRM, the deals, the site…): its groups
    /// follow each other down a column, or in further columns.
    struct Section: Sendable {
        var groups: [Group]
    }

    var units: [Unit] = []
    /// Left to right.
    var sections: [Section] = []
    /// The legend laid out as strips of a few shapes, each a unit: the composer places one of
    /// them along its side (`bottom` or `right`), whichever `MapShape.legend` asks for or
    /// costs least, and leaves the others out.
    var legends: [(unit: Int, side: LegendPlacement)] = []
    /// Draw the map transposed: blocks top to bottom (`--direction down`).
    var transposed = false
}
