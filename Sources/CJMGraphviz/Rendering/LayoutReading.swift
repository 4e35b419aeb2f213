import CGraphviz
import CJMViewGraph

/// Reads a finished layout back into a `GraphGeometry`, in the view's own order and with
/// every edge running from its `from` to its `to`.
enum LayoutReading {
    static func geometry(of view: ViewGraph, objects: ViewGraphLowering.Objects, graph: CGraph) -> GraphGeometry {
        let nodes = objects.nodes.map { node -> CJMViewGraph.Rect in
            var x = 0.0, y = 0.0, width = 0.0, height = 0.0
            cjm_node_box(node, &x, &y, &width, &height)
            return CJMViewGraph.Rect(centre: Point(x: x, y: y), size: Size(width: width, height: height))
        }
        let edges = zip(view.edges, objects.edges).map { edge, object -> EdgeRoute? in
            let route = self.route(of: object)
            // A backward-ranked edge was built from `to` to `from`.
            return edge.rankedBackward ? route?.reversed : route
        }
        return GraphGeometry(nodes: nodes, edges: edges, clusters: objects.clusters.map(box), bounds: box(of: graph.root))
    }

    private static func box(of graph: CGraph.Graph) -> CJMViewGraph.Rect {
        var x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0
        cjm_graph_box(graph, &x0, &y0, &x1, &y1)
        return CJMViewGraph.Rect(minX: x0, minY: y0, maxX: x1, maxY: y1)
    }

    private static func route(of edge: CGraph.Edge) -> EdgeRoute? {
        let count = cjm_edge_point_count(edge)
        guard count >= 4 else { return nil }
        var points: [Point] = []
        points.reserveCapacity(Int(count))
        for index in 0..<count {
            var x = 0.0, y = 0.0
            cjm_edge_point(edge, index, &x, &y)
            points.append(Point(x: x, y: y))
        }
        var sx = 0.0, sy = 0.0, ex = 0.0, ey = 0.0
        let tips = cjm_edge_tips(edge, &sx, &sy, &ex, &ey)
        var route = EdgeRoute(points: points, headTip: tips & 2 != 0 ? Point(x: ex, y: ey) : nil,
                              tailTip: tips & 1 != 0 ? Point(x: sx, y: sy) : nil)
        var x = 0.0, y = 0.0, width = 0.0, height = 0.0
        if cjm_edge_label(edge, &x, &y, &width, &height) != 0 {
            route.labelCentre = Point(x: x, y: y)
            route.labelSize = Size(width: width, height: height)
        }
        return route
    }
}
