import CJMSyntax

/// Ids for elements written without one, so every element still has a stable path:
/// the n-th unnamed `auto` of a block is `auto<n>`; `crm`, `leads` and `site` are called by
/// their keyword (the second unnamed site is `site2`).
///
/// Both checker passes walk a block's children in order through one of these, so they agree
/// on every path.
struct PositionalIDs {
    private var unnamedSoFar: [String: Int] = [:]

    /// The element's own id, or the positional one.
    mutating func id(of element: ElementSyntax) -> (name: String, isWritten: Bool) {
        if let id = element.id { return (id.name, true) }
        let keyword = element.keyword.name
        let n = unnamedSoFar[keyword, default: 0] + 1
        unnamedSoFar[keyword] = n
        switch keyword {
        case "crm", "leads", "site": return (n == 1 ? keyword : keyword + String(n), false)
        default: return (keyword + String(n), false)
        }
    }
}
