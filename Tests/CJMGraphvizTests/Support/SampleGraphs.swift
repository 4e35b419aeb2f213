import CJMViewGraph

/// Hand-built view graphs in the shape the map builders produce.
enum SampleGraphs {
    /// Two clusters (leads inside a CRM block, one pipeline), Cyrillic everywhere, an
    /// automation, a backward-ranked ad edge, a same-rank pair and a cluster without a label.
    static func smallFlow(title: String = "Сервисный центр «ТехноПлюс»") -> ViewGraph {
        let stage = NodeStyle(shape: .roundedBox, fill: "#e8f0ff", stroke: "#335599")
        let automation = NodeStyle(shape: .note, fill: "#fff3a0", stroke: "#aa8800")
        return ViewGraph(
            id: "flow",
            title: title,
            clusters: [
                Cluster(id: "block-leads", classes: ["block", "leads"], label: "Лиды", fill: "#f4f4f4"),
                Cluster(id: "pipeline-repair", classes: ["block", "pipeline"], label: "Ремонт", fill: "#eef7ee"),
                Cluster(id: "block-site", classes: ["block", "site"], dashed: true),
            ],
            nodes: [
                Node(id: "leads-new", classes: ["stage"], label: ["Новый лид", "900"], style: stage, cluster: "block-leads"),
                Node(id: "leads-qualify", classes: ["stage"], label: ["Квалификация"], style: stage, cluster: "block-leads"),
                Node(id: "repair-new", classes: ["stage"], label: ["Новая сделка"], style: stage, cluster: "pipeline-repair"),
                Node(id: "repair-invoice", classes: ["stage"], label: ["Счёт на предоплату"], style: stage, cluster: "pipeline-repair"),
                Node(id: "repair-invoice-remind", classes: ["auto"], label: ["Напоминание об оплате", "через 5 дн."], style: automation,
                     cluster: "pipeline-repair"),
                Node(id: "page-repair", classes: ["page"], label: ["Ремонт станков"], url: "/repair", cluster: "block-site"),
                Node(id: "ad-fast", classes: ["ad"], label: ["Ремонт за 24 часа"]),
            ],
            edges: [
                Edge(id: "e-leads-new-qualify", from: "leads-new", to: "leads-qualify", classes: ["flow"], label: "68%"),
                Edge(id: "e-convert-repair", from: "leads-qualify", to: "repair-new", classes: ["convert"]),
                Edge(id: "e-repair-new-invoice", from: "repair-new", to: "repair-invoice", classes: ["flow"]),
                Edge(id: "e-invoice-remind", from: "repair-invoice", to: "repair-invoice-remind", classes: ["auto"],
                     style: EdgeStyle(line: .dashed, arrowHead: .none)),
                Edge(id: "e-ad-landing", from: "ad-fast", to: "page-repair", classes: ["landing"], rankedBackward: true),
            ],
            sameRank: [["repair-invoice", "repair-invoice-remind"]]
        )
    }

    /// A flow-map-shaped graph of `nodes` nodes: clusters of 20-stage chains, each chain
    /// converting into the next.
    static func flowShaped(nodes: Int) -> ViewGraph {
        var graph = ViewGraph(id: "big", title: "Большая карта")
        let chain = 20
        for block in 0..<max(nodes / chain, 1) {
            graph.clusters.append(Cluster(id: "p\(block)", classes: ["pipeline"], label: "Воронка \(block)", fill: "#f0f0ff"))
            for step in 0..<chain {
                graph.nodes.append(Node(id: "p\(block)-s\(step)", classes: ["stage"], label: ["Этап \(step)", "Сделок: \(step * 10)"],
                                        cluster: "p\(block)", group: "p\(block)"))
                if step > 0 {
                    graph.edges.append(Edge(id: "e\(block)-\(step)", from: "p\(block)-s\(step - 1)", to: "p\(block)-s\(step)", label: "50%", weight: 2))
                }
            }
            if block > 0 { graph.edges.append(Edge(id: "x\(block)", from: "p\(block - 1)-s3", to: "p\(block)-s0")) }
        }
        return graph
    }
}

extension SampleGraphs {
    /// A pinned graph of 1 × 0.5 inch boxes centred at `centres` (points), labelled with
    /// Cyrillic text of `fontSize` points: its drawing size is known without Graphviz.
    static func pinnedBoxes(_ centres: [Point], fontSize: Double = 10) -> ViewGraph {
        let style = NodeStyle(shape: .box, fill: "#ffffff", stroke: "#000000", fontSize: fontSize, fixedSize: Size(width: 1, height: 0.5))
        let nodes = centres.enumerated().map { index, centre in
            Node(id: "box\(index + 1)", classes: ["stage"], label: ["Этап \(index + 1)"], style: style, position: centre)
        }
        let edges = zip(nodes, nodes.dropFirst()).map { Edge(id: "e-\($0.id)-\($1.id)", from: $0.id, to: $1.id) }
        // No title: it would add to the drawing's size.
        return ViewGraph(id: "wall", title: nil, layout: .pinned, style: GraphStyle(fontSize: fontSize), nodes: nodes, edges: edges)
    }
}
