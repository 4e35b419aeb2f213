import CJMSyntax

/// Figures from outside the journey: a CSV of `id,count[,revenue]` rows, the shape a CRM report
/// exports to, whose counts replace the written `count:`s (SPEC §1 "figures").
///
/// - An id is an element's path (`repair.invoice`) or, when unique in the journey, its own id
///   (`calls`); it names a channel, stage, page, ad or touchpoint.
/// - A first row whose count is not a number and whose id names no element is a header, skipped.
/// - A count is a whole number from 0 to a billion; digits may be grouped by spaces (`1 200`).
/// - A revenue is the money of the deals won, so it stands only on a `won` stage's row; the
///   won rows of a pipeline add up to its revenue, replacing a written `revenue:`.
/// - An unknown id (with "did you mean"), a second row for an element, a bad number or a row
///   of the wrong shape is an error at its cell.
struct FigureImport {
    /// Where an element that takes a count sits in the journey.
    private enum Slot {
        case channel(Int)
        case leadStage(Int)
        case pipelineStage(Int, Int)
        case page(Int, Int)
        case ad(Int, Int, Int, Int)
        case touchpoint(Int)
    }

    /// Reads `file` and applies its figures to `journey`, reporting problems into `diagnostics`.
    static func apply(_ file: SourceFile, to journey: inout Journey, declared: [DeclaredElement], diagnostics: inout DiagnosticCollector) {
        let table = CSVTable(file, into: &diagnostics)
        var slots: [ElementPath: Slot] = [:]
        var byID: [String: [ElementPath]] = [:]
        func add(_ path: ElementPath, _ slot: Slot) {
            slots[path] = slot
            byID[path.id, default: []].append(path)
        }
        for (i, channel) in journey.channels.enumerated() { add(channel.path, .channel(i)) }
        for (i, stage) in (journey.leads?.stages ?? []).enumerated() { add(stage.path, .leadStage(i)) }
        for (p, pipeline) in journey.pipelines.enumerated() {
            for (i, stage) in pipeline.stages.enumerated() { add(stage.path, .pipelineStage(p, i)) }
        }
        for (s, site) in journey.sites.enumerated() {
            for (i, page) in site.pages.enumerated() { add(page.path, .page(s, i)) }
        }
        for (n, network) in journey.adNetworks.enumerated() {
            for (c, campaign) in network.campaigns.enumerated() {
                for (g, group) in campaign.groups.enumerated() {
                    for (a, ad) in group.ads.enumerated() { add(ad.path, .ad(n, c, g, a)) }
                }
            }
        }
        for (i, touchpoint) in journey.touchpoints.enumerated() { add(touchpoint.path, .touchpoint(i)) }

        var imported = FiguresFile(path: file.path)
        var firstRow: [ElementPath: SourceRange] = [:]
        var revenues: [Int: Double] = [:]
        for (index, row) in table.rows.enumerated() {
            let cells = row.cells
            // A header: a first row whose count is no number and whose id names nothing.
            if index == 0, cells.count >= 2, NumberText.wholeNumber(cells[1].text) == nil,
               slots[ElementPath(cells[0].text.split(separator: ".").map(String.init))] == nil, byID[cells[0].text] == nil { continue }
            guard cells.count >= 2, !cells[1].text.isEmpty else {
                diagnostics.error(.malformedCSV, "a row needs an id and a count (`id,count[,revenue]`)",
                           at: cells.count >= 2 ? cells[1].range : row.end)
                continue
            }
            if cells.count > 3 {
                diagnostics.error(.malformedCSV, "a row has at most three cells: id, count and revenue", at: cells[3].range)
                continue
            }
            guard let path = resolve(cells[0], slots: slots, byID: byID, declared: declared, diagnostics: &diagnostics), let slot = slots[path] else { continue }
            if let first = firstRow[path] {
                diagnostics.error(.duplicateFigure, "`\(path)` is given twice in this file", at: cells[0].range, notes: [("first given here", first)])
                continue
            }
            firstRow[path] = cells[0].range
            guard let count = count(cells[1], diagnostics: &diagnostics) else { continue }
            if cells.count == 3, !cells[2].text.isEmpty {
                guard case .pipelineStage(let p, let i) = slot, journey.pipelines[p].stages[i].end == .won else {
                    diagnostics.error(.invalidValue, "a revenue is the money of won deals: give it on a `won` stage's row", at: cells[2].range)
                    continue
                }
                guard let money = money(cells[2], diagnostics: &diagnostics) else { continue }
                revenues[p, default: 0] += money
            }
            if set(count, at: slot, in: &journey) { imported.replaced.append(path) }
            imported.supplied.append(path)
        }
        for (p, total) in revenues.sorted(by: { $0.key < $1.key }) {
            if journey.pipelines[p].revenue != nil { imported.replaced.append(journey.pipelines[p].path) }
            journey.pipelines[p].revenue = Figure(total, currency: journey.currency)
        }
        journey.figures = imported
    }

    /// Sets the count at `slot`; true when it replaced a written one.
    private static func set(_ count: Int, at slot: Slot, in journey: inout Journey) -> Bool {
        func replace(_ value: inout Int?) -> Bool {
            defer { value = count }
            return value != nil
        }
        switch slot {
        case .channel(let i): return replace(&journey.channels[i].count)
        case .leadStage(let i): return replace(&journey.leads!.stages[i].count)
        case .pipelineStage(let p, let i): return replace(&journey.pipelines[p].stages[i].count)
        case .page(let s, let i): return replace(&journey.sites[s].pages[i].count)
        case .ad(let n, let c, let g, let a): return replace(&journey.adNetworks[n].campaigns[c].groups[g].ads[a].count)
        case .touchpoint(let i): return replace(&journey.touchpoints[i].count)
        }
    }

    /// The element a row's id cell names; E040 (with "did you mean") or E031 otherwise.
    private static func resolve(_ cell: CSVTable.Cell, slots: [ElementPath: Slot], byID: [String: [ElementPath]],
                                declared: [DeclaredElement], diagnostics: inout DiagnosticCollector) -> ElementPath? {
        let written = cell.text
        guard !written.isEmpty else {
            diagnostics.error(.malformedCSV, "a row needs an id in its first cell", at: cell.range)
            return nil
        }
        let path = ElementPath(written.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
        if slots[path] != nil { return path }
        if path.components.count == 1, let found = byID[written] {
            if found.count == 1 { return found[0] }
            diagnostics.error(.ambiguousReference, "`\(written)` names several elements (\(found.map { "`\($0)`" }.joined(separator: ", "))); qualify it",
                       at: cell.range)
            return nil
        }
        if let other = declared.first(where: { $0.path == path }) {
            diagnostics.error(.invalidValue, "`\(written)` is a `\(other.keyword)`, which takes no count; figures go to channels, stages, pages, ads and touchpoints",
                       at: cell.range)
            return nil
        }
        diagnostics.error(.unknownReference, "`\(written)` names no element of the journey that takes a count", at: cell.range, name: written,
                   suggestingFrom: diagnostics.isAcceptingMore ? slots.keys.map(\.description) + byID.keys : [])
        return nil
    }

    private static func count(_ cell: CSVTable.Cell, diagnostics: inout DiagnosticCollector) -> Int? {
        guard let value = NumberText.wholeNumber(cell.text) else {
            diagnostics.error(.invalidNumber, "`\(cell.text)` is not a count: write a whole number such as 420", at: cell.range)
            return nil
        }
        guard value <= ValueCaps.maxCount else {
            diagnostics.error(.valueOutOfRange, "a count must be at most \(ValueCaps.maxCount), not \(value)", at: cell.range)
            return nil
        }
        return value
    }

    /// `125000`, `1 250,50`, `1250.5`: a sum of money, not negative.
    private static func money(_ cell: CSVTable.Cell, diagnostics: inout DiagnosticCollector) -> Double? {
        guard let value = NumberText.unsignedDecimal(cell.text) else {
            diagnostics.error(.invalidNumber, "`\(cell.text)` is not a sum of money: write a number such as 125000 or 1250,50", at: cell.range)
            return nil
        }
        guard value <= ValueCaps.maxMoney else {
            diagnostics.error(.valueOutOfRange, "a revenue must be at most 10^15", at: cell.range)
            return nil
        }
        return value
    }
}
