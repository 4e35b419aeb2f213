import CJMViewGraph

/// The one-line summary of what a map shows, for the SVG's `<desc>` (what a screen reader
/// reads after the title): counts of the boxes by kind, in the map's language.
enum MapSummary {
    /// A kind counted: the node class, and its names (Russian: one, few, many; English: one, many).
    private struct Kind {
        var nodeClass: String
        var russian: (String, String, String)
        var english: (String, String)
    }

    private static let kinds: [Kind] = [
        Kind(nodeClass: "channel", russian: ("канал", "канала", "каналов"), english: ("channel", "channels")),
        Kind(nodeClass: "crm", russian: ("CRM", "CRM", "CRM"), english: ("CRM", "CRMs")),
        Kind(nodeClass: "stage", russian: ("этап", "этапа", "этапов"), english: ("stage", "stages")),
        Kind(nodeClass: "auto", russian: ("автоматизация", "автоматизации", "автоматизаций"), english: ("automation", "automations")),
        Kind(nodeClass: "page", russian: ("страница", "страницы", "страниц"), english: ("page", "pages")),
        Kind(nodeClass: "ad", russian: ("объявление", "объявления", "объявлений"), english: ("ad", "ads")),
        Kind(nodeClass: "touchpoint", russian: ("точка контакта", "точки контакта", "точек контакта"), english: ("touchpoint", "touchpoints")),
    ]

    /// `Схема пути клиента: 11 каналов, 1 CRM, 9 этапов, 7 автоматизаций.` for a flow map
    /// (`kind` names it: `flow` or `board`); the legend's samples are not counted.
    static func of(_ graph: ViewGraph, board: Bool, language: MapLanguage) -> String {
        let nodes = graph.nodes.filter { !$0.classes.contains("legend") }
        let parts = kinds.compactMap { kind -> String? in
            let count = nodes.filter { $0.classes.contains(kind.nodeClass) }.count
            guard count > 0 else { return nil }
            switch language {
            case .russian: return "\(count) \(russianPlural(count, kind.russian))"
            case .english: return "\(count) \(count == 1 ? kind.english.0 : kind.english.1)"
            }
        }
        let opening = switch (language, board) {
        case (.russian, false): "Схема пути клиента"
        case (.russian, true): "Доска пути клиента по фазам"
        case (.english, false): "Customer journey flow map"
        case (.english, true): "Customer journey board by phase"
        }
        return opening + (parts.isEmpty ? "." : ": " + parts.joined(separator: ", ") + ".")
    }

    /// The Russian form for `count`: 1 канал, 2 канала, 5 каналов (11–14 take the third).
    static func russianPlural(_ count: Int, _ forms: (String, String, String)) -> String {
        let tens = count % 100, units = count % 10
        if (11...14).contains(tens) { return forms.2 }
        if units == 1 { return forms.0 }
        if (2...4).contains(units) { return forms.1 }
        return forms.2
    }
}
