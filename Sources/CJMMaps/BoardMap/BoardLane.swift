/// A row of the board, top to bottom in the order of the classic CJM (seeds 000, 002, 003).
enum BoardLane: String, CaseIterable, Sendable {
    case touchpoints, actions, emotion, pains, ideas, feedback, owners

}
