import CJMMaps
import CJMModel
import CJMViewGraph

/// Which map of a checked journey to draw: a view, optionally narrowed to one persona, in a
/// theme. The one place a command turns those names into a map.
struct MapSelection: Hashable, Sendable {
    /// `flow`, `board`, or a `view` id of the journey.
    var view: String
    /// A persona id the map is narrowed to.
    var persona: String?
    /// Overrides the journey's `theme:`.
    var theme: ThemeName?
    /// `--direction`, `--legend`, `--width`, and the sheet of `--paper`; what it leaves open
    /// comes from the view and the journey.
    var shape = MapShape()

    /// A name the journey does not have.
    enum Failure: Error, Equatable {
        case noPersona(String, known: [String])
        case noView(String, known: [String])

        /// A plain sentence naming what exists.
        var message: String {
            switch self {
            case .noPersona(let name, let known):
                "no persona '\(name)'" + (known.isEmpty ? "" : " (personas: \(known.joined(separator: ", ")))")
            case .noView(let name, let known):
                "no view '\(name)'; available views: \(known.joined(separator: ", "))"
            }
        }

        /// The names that do exist, for "did you mean".
        var known: [String] {
            switch self {
            case .noPersona(_, let known), .noView(_, let known): known
            }
        }
    }

    /// The map of this selection of `journey`, as built (a flow map still to be composed
    /// from its blocks: `DraftComposition`).
    func draft(of journey: Journey) -> Result<MapDraft, Failure> {
        let personaPath = persona.map { ElementPath($0) }
        if let persona, let personaPath, !journey.personas.contains(where: { $0.path == personaPath }) {
            return .failure(.noPersona(persona, known: journey.personas.map(\.path.description)))
        }
        let theme = Theme.named(self.theme ?? journey.theme, styles: journey.styles)
        guard let draft = MapCatalog.build(view: view, journey: journey, persona: personaPath, theme: theme, shape: shape) else {
            return .failure(.noView(view, known: MapCatalog.names(in: journey)))
        }
        return .success(draft)
    }
}
