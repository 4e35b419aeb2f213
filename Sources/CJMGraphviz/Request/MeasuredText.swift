/// Label lines as pango measured them in one worker, handed on to the next one so it does not
/// measure them again: the block layouts measure every line of a flow map, and the render of
/// the composed map asks for the same lines (see `RememberedTextSizes`).
///
/// Opaque to callers: a layout answer carries one (`IsolatedRenderer.layOut`), a render
/// request takes it (`RenderRequest.measuredText`). The render worker uses it only for SVG
/// and DOT, which never draw with cairo; an empty value means "measure everything".
public struct MeasuredText: Hashable, Sendable {
    /// One label line: what Graphviz asks about (font name and text as bytes, since two
    /// spellings Swift calls equal may shape differently; size; font flags) and what pango
    /// answered.
    struct Line: Hashable, Sendable {
        var font: [UInt8]
        var size: Double
        var flags: UInt32
        var text: [UInt8]
        var width: Double
        var height: Double
        var baseline: Double
        var centreline: Double
        /// What pango's `textlayout` returned (true when it could measure).
        var measured: UInt8
    }

    /// In the order they were first measured, so the same map gives the same request bytes.
    var lines: [Line]

    /// Nothing measured.
    public init() { lines = [] }

    init(lines: [Line]) { self.lines = lines }

    /// Whether there is nothing to hand on.
    public var isEmpty: Bool { lines.isEmpty }
}

extension MeasuredText: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(lines)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(lines: try reader.read())
    }
}

extension MeasuredText.Line: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(font)
        writer.write(size)
        writer.write(Int(flags))
        writer.write(text)
        writer.write(width)
        writer.write(height)
        writer.write(baseline)
        writer.write(centreline)
        writer.write(Int(measured))
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        let font = try reader.read([UInt8].self), size = try reader.read(Double.self), flags = try reader.read(Int.self)
        let text = try reader.read([UInt8].self)
        let width = try reader.read(Double.self), height = try reader.read(Double.self)
        let baseline = try reader.read(Double.self), centreline = try reader.read(Double.self), measured = try reader.read(Int.self)
        guard let flags = UInt32(exactly: flags), let measured = UInt8(exactly: measured) else {
            throw .workerUnavailable("the render request could not be read: a measured line is out of range")
        }
        self.init(font: font, size: size, flags: flags, text: text, width: width, height: height,
                  baseline: baseline, centreline: centreline, measured: measured)
    }
}
