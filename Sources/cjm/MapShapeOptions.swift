import ArgumentParser
import CJMKit

/// `--direction`, `--legend` and `--width`: how `render` and `watch` shape their maps for
/// where they are shown (a wall, a docs column), so a preview shows what the render writes.
struct MapShapeOptions: ParsableArguments {
    @Option(name: .long, help: "right (a wall) or down (a docs column; the board stays in phase columns, narrowed); default: the view's or journey's direction:, else right.",
            completion: .list(["right", "down"]))
    var direction: String?

    @Option(name: .long, help: "Where the legend goes: auto, off, bottom or right; default: the view's or journey's legend:, else auto.",
            completion: .list(["auto", "off", "bottom", "right"]))
    var legend: String?

    @Option(name: .long, help: "CSS pixels the map will be shown wide; warns (W103) when its smallest text is then under 9 px.")
    var width: Double?

    func validate() throws {
        _ = try parsedDirection()
        _ = try parsedLegend()
    }


    func parsedDirection() throws -> MapDirection? {
        guard let direction else { return nil }
        guard let parsed = MapDirection(rawValue: direction) else {
            throw ValidationError("unknown --direction '\(direction)'; directions: right, down")
        }
        return parsed
    }

    func parsedLegend() throws -> LegendPlacement? {
        guard let legend else { return nil }
        guard let parsed = LegendPlacement(rawValue: legend) else {
            throw ValidationError("unknown --legend '\(legend)'; placements: auto, off, bottom, right")
        }
        return parsed
    }
}
