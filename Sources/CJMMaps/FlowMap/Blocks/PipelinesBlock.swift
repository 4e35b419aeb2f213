import CJMModel
import CJMViewGraph

/// Deal pipelines, one row each, stacked inside one "Сделки" frame; business figures sit in a
/// small text node above the first stage of the row.
enum PipelinesBlock {

    static func build(_ pipelines: [Pipeline], context: inout FlowMapContext) -> MapFragment {
        let drawn = pipelines.filter { !$0.stages.isEmpty }
        guard !drawn.isEmpty else { return MapFragment() }
        var fragment = MapFragment()
        let parent = context.ids.make("pipelines")
        fragment.clusters.append(context.blockCluster(id: parent, kind: .pipeline, label: context.words.deals))
        for pipeline in drawn {
            let cluster = context.ids.make("pipeline", pipeline.path)
            fragment.clusters.append(context.blockCluster(id: cluster, kind: .pipeline, label: pipeline.label, parent: parent))
            var (row, anchors) = StageRow.build(pipeline.stages, kindName: context.words.dealStageKind, cluster: cluster, context: &context)
            if let first = anchors.first {
                context.placed.anchor(pipeline.path, source: anchors.lastOpen ?? first, target: first)
                let figures = figureLines(pipeline, words: context.words)
                if !figures.isEmpty {
                    let id = context.ids.make("figures", pipeline.path)
                    var style = NodeStyle(shape: .plain, fill: nil, stroke: context.theme.graph.fontColor,
                                          fontColor: context.theme.graph.fontColor, alignment: .left)
                    // Sized as the automations beside it: the body size, unless a style rule sizes those.
                    style.fontSize = context.theme.automation.fontSize
                    row.nodes.append(Node(
                        id: id, classes: ["figures"], label: figures, style: style,
                        tooltip: context.tooltip(context.words.figuresKind, pipeline.label, pipeline.path, figures), cluster: cluster))
                    // Same column as the first stage, merged into its automation column if it has one.
                    if let index = row.sameRank.firstIndex(where: { $0.first == first }) {
                        row.sameRank[index].insert(id, at: 0)
                    } else {
                        row.sameRank.insert([id, first], at: 0)
                    }
                }
            }
            fragment.append(row)
        }
        return fragment
    }

    /// `Выручка: 1 200 000`, `Средний чек: 350`… in a fixed order, only those given.
    static func figureLines(_ pipeline: Pipeline, words: MapWords) -> [String] {
        let figures: [(String, Figure?)] = [
            (words.revenue, pipeline.revenue), (words.profit, pipeline.profit),
            (words.averageCheck, pipeline.averageCheck), ("LTV", pipeline.lifetimeValue),
        ]
        return figures.compactMap { name, figure in figure.map { name + ": " + NumberText.figure($0, mark: words.decimalMark) } }
    }
}
