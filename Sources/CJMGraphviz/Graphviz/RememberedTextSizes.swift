import CGraphviz

/// Pango's measurement of each distinct label line, taken once per worker process and handed
/// back to Graphviz whenever the same line comes again (see `cjm_remember_text_sizes`).
///
/// The numbers are the ones pango gave for the same font name, size, flags and text, so a
/// layout or SVG is byte for byte what it is without the memory. A remembered line has no
/// pango layout object, which only cairo's renderers draw from: only processes that never
/// draw with cairo turn this on (block layouts, SVG and DOT output). The worker that uses it
/// is single-threaded, as Graphviz requires. What one worker measured can start the memory of
/// the next (`MeasuredText`: the block layouts' lines for the composed map's render).
enum RememberedTextSizes {
    /// Bytes, not `String`s: two spellings Swift calls equal (composed and decomposed
    /// letters) may shape differently.
    private struct Line: Hashable {
        var font: [UInt8]
        var size: Double
        var flags: UInt32
        var text: [UInt8]
    }

    private struct Measurement {
        var width: Double
        var height: Double
        var baseline: Double
        var centreline: Double
        var measured: UInt8
    }

    nonisolated(unsafe) private static var pango: UnsafeMutablePointer<gvtextlayout_engine_t>?
    nonisolated(unsafe) private static var lines: [Line: Measurement] = [:]
    /// The lines in the order first seen, for `measured`.
    nonisolated(unsafe) private static var order: [Line] = []

    /// Puts the memory in front of pango for `context`, starting from `known`; without
    /// pango's plugin (or when Graphviz refuses the engine) the context measures as it did.
    static func install(in context: OpaquePointer, known: MeasuredText = MeasuredText()) {
        guard let engine = cjm_pango_text_engine(), engine.pointee.textlayout != nil else { return }
        pango = engine
        guard cjm_remember_text_sizes(context, measure) == 0 else { return }
        lines.reserveCapacity(known.lines.count)
        for given in known.lines {
            remember(Line(font: given.font, size: given.size, flags: given.flags, text: given.text),
                     Measurement(width: given.width, height: given.height, baseline: given.baseline,
                                 centreline: given.centreline, measured: given.measured))
        }
    }

    /// Every line this process measured or was given, in the order first seen.
    static var measured: MeasuredText {
        MeasuredText(lines: order.map { line in
            let known = lines[line]!
            return MeasuredText.Line(font: line.font, size: line.size, flags: line.flags, text: line.text, width: known.width,
                                     height: known.height, baseline: known.baseline, centreline: known.centreline, measured: known.measured)
        })
    }

    private static func remember(_ line: Line, _ measurement: Measurement) {
        if lines.updateValue(measurement, forKey: line) == nil { order.append(line) }
    }

    private static let measure: @convention(c) (UnsafeMutablePointer<textspan_t>?, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> UInt8 = { span, fontPath in
        guard let span, let pango, let layout = pango.pointee.textlayout else { return 0 }
        // A font path is only asked for in Graphviz's verbose mode: pango answers it itself.
        guard fontPath == nil, let text = span.pointee.str, let font = span.pointee.font, let name = font.pointee.name else {
            return layout(span, fontPath)
        }
        let line = Line(font: bytes(name), size: font.pointee.size, flags: cjm_span_font_flags(span), text: bytes(text))
        if let known = lines[line] {
            span.pointee.size = pointf(x: known.width, y: known.height)
            span.pointee.yoffset_layout = known.baseline
            span.pointee.yoffset_centerline = known.centreline
            span.pointee.layout = nil
            span.pointee.free_layout = nil
            return known.measured
        }
        let measured = layout(span, fontPath)
        remember(line, Measurement(width: span.pointee.size.x, height: span.pointee.size.y, baseline: span.pointee.yoffset_layout,
                                   centreline: span.pointee.yoffset_centerline, measured: measured))
        return measured
    }

    private static func bytes(_ string: UnsafePointer<CChar>) -> [UInt8] {
        string.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(string))) }
    }
}
