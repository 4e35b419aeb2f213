import CJMModel

/// One column of the board: a phase, or the trailing column for touchpoints without one.
struct BoardColumn: Sendable {
    /// The phase; nil for the trailing column.
    var phase: ElementPath?
    /// Node id of the column's title, handed out by the layout.
    var id = ""
    var title: String
    /// Touchpoints in the order written, each with its number on the board.
    var touchpoints: [(number: Int, touchpoint: Touchpoint)]
    /// Channels placed in this phase that no touchpoint of the column names.
    var channels: [Channel]
    /// Left edge and width in points, set by the layout.
    var x: Double = 0
    var width: Double = 0
    /// Boxes side by side in a lane, and the width of each, set by the layout.
    var across = 1
    var cardWidth: Double = 0

    /// The columns of `journey` for the touchpoints in `touchpoints`: its phases in order,
    /// then "Без фазы" (`words.noPhase`) when some touchpoint has no phase on the board.
    static func columns(of journey: Journey, touchpoints: [Touchpoint], words: MapWords) -> [BoardColumn] {
        let phasePaths = Set(journey.phases.map(\.path))
        var columns = journey.phases.map { phase -> BoardColumn in
            let inPhase = touchpoints.filter { $0.phase == phase.path }
            let named = Set(inPhase.compactMap(\.channel))
            let channels = journey.channels.filter { $0.phase == phase.path && !named.contains($0.path) }
            return BoardColumn(phase: phase.path, title: words.phaseTitle(phase), touchpoints: inPhase.map { (0, $0) }, channels: channels)
        }
        let unphased = touchpoints.filter { $0.phase.map { !phasePaths.contains($0) } ?? true }
        if !unphased.isEmpty {
            columns.append(BoardColumn(phase: nil, title: words.noPhase, touchpoints: unphased.map { (0, $0) }, channels: []))
        }
        var number = 0
        for index in columns.indices {
            for entry in columns[index].touchpoints.indices {
                number += 1
                columns[index].touchpoints[entry].number = number
            }
        }
        return columns
    }
}
