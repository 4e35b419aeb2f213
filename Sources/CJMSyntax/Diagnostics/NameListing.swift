/// How an error that suggests a name also lists the valid ones, as
/// `DiagnosticCollector.error(_:_:at:name:suggestingFrom:listing:)` writes them.
package struct NameListing: Sendable {
    /// What leads the list in: "allowed:" gives "(allowed: `a`, `b`)".
    package var leadIn: String
    /// Most names shown; the rest are counted.
    package var limit: Int

    /// A fixed set the language defines (keywords, kinds, colours): every name is shown.
    package static func closedSet(_ leadIn: String) -> NameListing { NameListing(leadIn: leadIn, limit: .max) }

    /// Names the journey defines (phases, personas, pages): a journey can define thousands,
    /// so the first 12 in the order written are shown and the rest counted.
    package static func defined(_ leadIn: String) -> NameListing { NameListing(leadIn: leadIn, limit: 12) }

    /// "(phases: `a`, `b`)": each name once, in the order given, at most `limit` of them then
    /// "and N more"; "(phases: none)" when there are none.
    package func text(_ names: [String]) -> String {
        var seen = Set<String>()
        let unique = names.filter { seen.insert($0).inserted }
        guard !unique.isEmpty else { return "(" + leadIn + " none)" }
        let shown = unique.prefix(limit).map { "`\($0)`" }.joined(separator: ", ")
        let rest = unique.count > limit ? " and \(unique.count - limit) more" : ""
        return "(" + leadIn + " " + shown + rest + ")"
    }
}
