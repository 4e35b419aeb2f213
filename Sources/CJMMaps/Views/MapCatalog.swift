import CJMModel
import CJMViewGraph

/// The maps a journey can be rendered as, by name: the built-in `flow` and `board`, then the
/// journey's named `view`s (SPEC §3), which are flow maps of the journey as the view selects it.
public enum MapCatalog {
    /// The built-in maps, in the order listed.
    public static let builtIn = [FlowMap.graphID, "board"]

    /// `flow`, `board`, then the journey's view ids in the order written.
    public static func names(in journey: Journey) -> [String] {
        builtIn + journey.views.map(\.id)
    }

    /// The map called `name`, or nil when the journey has no map of that name.
    ///
    /// `persona` narrows every map to that persona's touchpoints (touchpoints without a
    /// persona stay); on a named view it applies on top of the view's own selection. A named
    /// view's graph takes the view's id and shows its label under the journey's title.
    ///
    /// `shape` says which way a flow map reads and where its legend goes; what it leaves
    /// open comes from the view's `direction:`/`legend:`, then the journey's.
    public static func build(view name: String, journey: Journey, persona: ElementPath?, theme: Theme, shape: MapShape = MapShape()) -> MapDraft? {
        guard var built = draft(view: name, journey: journey, persona: persona, theme: theme, shape: shape) else { return nil }
        built.summarise(MapSummary.of(built.graph, board: name == "board", language: MapLanguage.of(journey)))
        return built
    }

    private static func draft(view name: String, journey: Journey, persona: ElementPath?, theme: Theme, shape: MapShape) -> MapDraft? {
        switch name {
        case FlowMap.graphID:
            return FlowMap.draft(narrowed(journey, to: persona), theme: theme, language: MapLanguage.of(journey),
                                 shape: shape.resolved(view: nil, journey: journey))
        case "board":
            // The board reads across whatever the direction; shown in a docs column (`--width`,
            // or `--direction down` at 800 px) it is narrowed when composed.
            return MapDraft(board: journey, theme: theme, persona: persona, shownWidth: shape.resolved(view: nil, journey: journey).shownWidth)
        default:
            guard let view = journey.views.first(where: { $0.id == name }) else { return nil }
            var draft = FlowMap.draft(narrowed(ViewSelection.apply(view, to: journey), to: persona), theme: theme,
                                      language: MapLanguage.of(journey), shape: shape.resolved(view: view, journey: journey))
            draft.rename(id: SafeIdentifier.make(view.id), title: "\(journey.title) — \(view.label)")
            return draft
        }
    }

    /// The touchpoints the map called `name` would show before any `--persona`: all of the
    /// journey's on `flow` and `board`, a named view's selection of them; nil for no such map.
    public static func touchpoints(ofMap name: String, in journey: Journey) -> [Touchpoint]? {
        switch name {
        case FlowMap.graphID, "board": return journey.touchpoints
        default:
            guard let view = journey.views.first(where: { $0.id == name }) else { return nil }
            return ViewSelection.apply(view, to: journey).touchpoints
        }
    }

    private static func narrowed(_ journey: Journey, to persona: ElementPath?) -> Journey {
        guard let persona else { return journey }
        let view = ViewDefinition(id: "persona", label: persona.description, personas: [persona], source: journey.source)
        return ViewSelection.apply(view, to: journey)
    }
}
