/// Puts a laid-out drawing on its `--paper` sheet in Graphviz's own output (SVG, PNG, PDF):
/// the `viewport` attribute, which Graphviz reads when it renders, not when it lays out, sets
/// the output to the sheet's size and zooms the drawing to the fit's scale around its centre.
/// The device margin is set to 0, since the fit already keeps `PaperMargins.sheet` free.
struct SheetPlacement {
    let fit: SheetFit
    /// The layout's `bb` ("llx,lly,urx,ury").
    let boundingBox: String

    func apply(to graph: CGraph) throws(RenderFailure) {
        let numbers = boundingBox.split(whereSeparator: { $0 == "," || $0 == " " }).compactMap { Double($0) }
        guard numbers.count == 4 else { throw .graphviz("the layout's bounding box cannot be read") }
        let centre = ((numbers[0] + numbers[2]) / 2, (numbers[1] + numbers[3]) / 2)
        let sheet = fit.sheet
        let viewport = [sheet.width, sheet.height, fit.scale, centre.0, centre.1].map { String($0) }.joined(separator: ",")
        try graph.declare(.graph, "viewport", default: viewport)
        try graph.declare(.graph, "margin", default: "0")
    }
}
