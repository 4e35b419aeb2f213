/// A row of the board, top to bottom in the order of the classic CJM (seeds 000, 002, 003).
enum BoardLane: String, CaseIterable, Sendable {
    case touchpoints, actions, emotion, pains, ideas, feedback, owners

    /// The title shown at the left of the row.
    var title: String {
        switch self {
        case .touchpoints: "Точки контакта и каналы"
        case .actions: "Действия клиента"
        case .emotion: "Эмоции"
        case .pains: "Боли"
        case .ideas: "Идеи, зоны роста"
        case .feedback: "Обратная связь"
        case .owners: "Ответственные"
        }
    }
}
