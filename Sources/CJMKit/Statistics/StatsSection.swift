/// One table of `cjm stats`: a title, named columns and rows of values. Each section is one
/// block of the journey (the channels, the leads, one pipeline…).
struct StatsSection: Equatable {
    /// One column: the key JSON and CSV use, and the heading the table prints.
    struct Column: Equatable {
        var key: String
        var heading: String

        /// Figures line up on the right.
        var isNumeric: Bool { Self.numericKeys.contains(key) }

        private static let numericKeys: Set = ["count", "share", "conversion", "cumulative", "drop_off", "ads", "queries",
                                               "touchpoints", "mean_emotion"]
    }

    /// The section's key in JSON and CSV (`channels`, `leads`, `pipeline:repair`…).
    var key: String
    /// The heading over the table.
    var title: String
    var columns: [Column]
    var rows: [[StatsValue]]
    /// Lines under the table: totals and other single figures (`Win rate: 51,7%`), each a key,
    /// a heading and a value.
    var summary: [(key: String, heading: String, value: StatsValue)] = []

    static func == (a: StatsSection, b: StatsSection) -> Bool {
        a.key == b.key && a.title == b.title && a.columns == b.columns && a.rows == b.rows
            && a.summary.map(\.key) == b.summary.map(\.key) && a.summary.map(\.value) == b.summary.map(\.value)
    }
}
