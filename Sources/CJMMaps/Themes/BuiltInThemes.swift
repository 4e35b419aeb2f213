import CJMModel
import CJMViewGraph

extension Theme {
    /// `default`: one soft colour per block, automations yellow as in seed 001.
    static let standard = Theme(
        name: .default,
        graph: GraphStyle(),
        nodes: [
            .channel: NodeStyle(fill: "#e3f2fd", stroke: "#1e88e5"),
            .crm: NodeStyle(shape: .cylinder, fill: "#ede7f6", stroke: "#5e35b1", penWidth: 1.5),
            .stage: NodeStyle(fill: "#ffffff", stroke: "#546e7a"),
            .page: NodeStyle(shape: .note, fill: "#e8f5e9", stroke: "#43a047"),
            .ad: NodeStyle(fill: "#fff3e0", stroke: "#fb8c00"),
            .campaign: NodeStyle(fill: "#ffe0b2", stroke: "#ef6c00"),
            .group: NodeStyle(fill: "#ffecb3", stroke: "#ef6c00"),
            .touchpoint: NodeStyle(fill: "#fce4ec", stroke: "#d81b60"),
            .persona: NodeStyle(shape: .box, fill: "#f3e5f5", stroke: "#8e24aa"),
            .phase: NodeStyle(shape: .box, fill: "#eceff1", stroke: "#607d8b"),
        ],
        clusterFills: [
            .channel: "#f5faff", .crm: "#faf7ff", .leads: "#f7f9fa", .pipeline: "#fbfbfb",
            .site: "#f6fbf6", .ads: "#fffaf3", .touchpoint: "#fff7fa",
        ],
        clusterStroke: "#b0bec5",
        automation: NodeStyle(shape: .note, fill: "#fff176", stroke: "#f9a825"),
        wonStage: NodeStyle(fill: "#c8e6c9", stroke: "#2e7d32", penWidth: 2),
        lostStage: NodeStyle(fill: "#ffcdd2", stroke: "#c62828", penWidth: 2, dashed: true),
        edge: EdgeStyle(),
        // Deep orange, 5.6:1 on white: apart from the lost stages' red and every block's tint.
        lowConversion: "#bf360c"
    )

    /// `print`: for paper, posters' default: black lines and text on white, borders strong
    /// enough to survive a scale-down, no pale tints a laser printer would drop. Automations
    /// keep seed 001's yellow, with a heavy border so they stand out in black and white too.
    static let print = Theme(
        name: .print,
        graph: GraphStyle(fontColor: "#000000"),
        nodes: [
            .channel: NodeStyle(fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .crm: NodeStyle(shape: .cylinder, fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 2.5),
            .stage: NodeStyle(fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .page: NodeStyle(shape: .note, fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .ad: NodeStyle(fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .campaign: NodeStyle(fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .group: NodeStyle(fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .touchpoint: NodeStyle(fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .persona: NodeStyle(shape: .box, fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .phase: NodeStyle(shape: .box, fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
        ],
        clusterFills: [:],
        clusterStroke: "#000000",
        automation: NodeStyle(shape: .note, fill: "#ffff00", stroke: "#000000", fontColor: "#000000", penWidth: 2.5),
        wonStage: NodeStyle(fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 3.5),
        lostStage: NodeStyle(fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 2, dashed: true),
        edge: EdgeStyle(color: "#000000", fontColor: "#000000", penWidth: 1.5),
        // Strong red: stands out in colour and still prints as a dark grey in black and white.
        lowConversion: "#c00000"
    )

    /// `mono`: grayscale for black-and-white laser printers: black lines, kinds told apart by
    /// shape, border and a few mid grays (at least 15 % black, which a laser prints evenly;
    /// paler tints come out as nothing or as speckle), clusters unfilled.
    static let mono = Theme(
        name: .mono,
        graph: GraphStyle(fontColor: "#000000"),
        nodes: [
            .channel: NodeStyle(fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .crm: NodeStyle(shape: .cylinder, fill: "#d0d0d0", stroke: "#000000", fontColor: "#000000", penWidth: 2.5),
            .stage: NodeStyle(fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .page: NodeStyle(shape: .note, fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .ad: NodeStyle(fill: "#d9d9d9", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .campaign: NodeStyle(fill: "#c4c4c4", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .group: NodeStyle(fill: "#d9d9d9", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .touchpoint: NodeStyle(fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 1.5, dashed: true),
            .persona: NodeStyle(shape: .box, fill: "#d9d9d9", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
            .phase: NodeStyle(shape: .box, fill: "#d0d0d0", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
        ],
        clusterFills: [:],
        clusterStroke: "#000000",
        automation: NodeStyle(shape: .note, fill: "#b0b0b0", stroke: "#000000", fontColor: "#000000", penWidth: 1.5),
        wonStage: NodeStyle(fill: "#ffffff", stroke: "#000000", fontColor: "#000000", penWidth: 3.5),
        lostStage: NodeStyle(fill: "#9e9e9e", stroke: "#000000", fontColor: "#000000", penWidth: 1.5, dashed: true),
        edge: EdgeStyle(color: "#000000", fontColor: "#000000", penWidth: 1.5),
        // Grey would read as less, not more: in mono the label's ⚠ carries the warning alone.
        lowConversion: "#000000"
    )
}
