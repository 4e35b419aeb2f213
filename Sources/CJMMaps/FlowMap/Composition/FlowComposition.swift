import CJMViewGraph

/// The flow map's content with its `BlockPlan`: composes the pinned map from the geometries
/// of the plan's units (see `FlowComposer`).
struct FlowComposition: Sendable {
    var graph: ViewGraph
    let plan: BlockPlan
    /// `MapShape.sheetAspects`: the sheet the legend is placed to fit.
    var sheetAspects: [Double] = []

    func compose(_ geometries: [GraphGeometry], fitWidth: Double?) -> ViewGraph {
        var composer = FlowComposer(graph: graph, plan: plan, geometries: geometries, fitWidth: fitWidth, sheetAspects: sheetAspects)
        return composer.compose()
    }
}
