import CJMModel

/// How a map is shaped for where it will be shown: which way the flow reads, where its legend
/// goes, how wide it will be shown (a docs column) and the sheet it will be fitted to (a
/// poster). Set by the command line (`--direction`, `--legend`, `--width`, `--paper`), else by
/// the view's or the journey's `direction:` and `legend:`.
public struct MapShape: Hashable, Sendable {
    /// Nil: the view's `direction:`, else the journey's, else `right`.
    public var direction: MapDirection?
    /// Nil: the view's `legend:`, else the journey's, else `auto`.
    public var legend: LegendPlacement?
    /// CSS pixels the map will be shown wide (`--width`). A map read `down` is arranged to be
    /// legible at this width, `docsColumnWidth` when none is given.
    public var shownWidth: Double?
    /// Width ÷ height of each way the sheet the map is fitted to (`--paper`) may be held; the
    /// legend goes where the map then prints largest. Empty: no sheet.
    public var sheetAspects: [Double]

    /// The column width a map read `down` is made legible at when no `--width` is given: the
    /// width GitHub, GitLab, mkdocs and Docusaurus show images at.
    public static let docsColumnWidth = 800.0

    public init(direction: MapDirection? = nil, legend: LegendPlacement? = nil, shownWidth: Double? = nil, sheetAspects: [Double] = []) {
        self.direction = direction
        self.legend = legend
        self.shownWidth = shownWidth
        self.sheetAspects = sheetAspects
    }

    /// This shape with the gaps filled from `view` (when drawing one), then `journey`, then
    /// the defaults: every field but `sheetAspects` set.
    public func resolved(view: ViewDefinition?, journey: Journey) -> MapShape {
        var shape = self
        let direction = direction ?? view?.direction ?? journey.direction ?? .right
        shape.direction = direction
        shape.legend = legend ?? view?.legend ?? journey.legend ?? .auto
        if direction == .down, shownWidth == nil { shape.shownWidth = Self.docsColumnWidth }
        return shape
    }
}
