import CJMMaps
import CJMModel
import CJMSyntax
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

        /// `message` with "did you mean" when a known name is close (`sales-only` →
        /// `sales_only`), for the command line; the Markdown reader adds its own.
        var messageWithSuggestion: String {
            let name = switch self { case .noPersona(let name, _), .noView(let name, _): name }
            guard let guess = NameSuggestion.closest(to: name, among: known) else { return message }
            return message + "; did you mean '\(guess)'?"
        }

        /// The names that do exist, for "did you mean".
        var known: [String] {
            switch self {
            case .noPersona(_, let known), .noView(_, let known): known
            }
        }
    }

    /// W102, at the persona's definition, when `persona` is given but no touchpoint of the
    /// map is for it: the narrowing then changes nothing, or only leaves out other personas'
    /// touchpoints, which is rarely what was meant. Nil otherwise (or for unknown names,
    /// which `draft(of:)` reports).
    func personaWarning(in journey: Journey, sources: SourceMap) -> Diagnostic? {
        guard let persona, let definition = journey.personas.first(where: { $0.path == ElementPath(persona) }),
              let touchpoints = MapCatalog.touchpoints(ofMap: view, in: journey),
              !touchpoints.contains(where: { $0.persona == definition.path }) else { return nil }
        let message = touchpoints.contains(where: { $0.persona != nil })
            ? "no touchpoint of `\(view)` is for `\(persona)`, so --persona \(persona) only leaves out those of other personas"
            : "--persona \(persona) changes no touchpoint of `\(view)`: none of them is for a persona"
        return Diagnostic(.warning, .personaNarrowsNothing, message, at: sources.span(definition.source),
                          notes: [.init("a touchpoint is for a persona when it says `persona: \(persona)`")])
    }

    /// The map of this selection of `journey`, as built (a flow map still to be composed
    /// from its blocks: `DraftComposition`).
    func draft(of journey: Journey) -> Result<MapDraft, Failure> {
        let personaPath = persona.map { ElementPath($0) }
        if let persona, let personaPath, !journey.personas.contains(where: { $0.path == personaPath }) {
            return .failure(.noPersona(persona, known: journey.personas.map(\.path.description)))
        }
        let theme = Theme.named(self.theme ?? journey.theme, styles: journey.styles)
        guard let draft = MapCatalog.build(view: view, journey: journey, persona: personaPath, theme: theme) else {
            return .failure(.noView(view, known: MapCatalog.names(in: journey)))
        }
        return .success(draft)
    }
}
