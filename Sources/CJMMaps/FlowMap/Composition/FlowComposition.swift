import CJMViewGraph

/// The flow map's content with its `BlockPlan`: composes the pinned map from the geometries
/// of the plan's units (see `FlowComposer`).
struct FlowComposition: Sendable {
    var graph: ViewGraph
    let plan: BlockPlan

    func compose(_ geometries: [GraphGeometry]) -> ViewGraph {
        var composer = FlowComposer(graph: graph, plan: plan, geometries: geometries)
        return composer.compose()
    }
}
