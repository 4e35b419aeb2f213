import CJMViewGraph

// The wire form of a worker request. Each `write` lists the stored properties in declaration
// order and each `init(from:)` reads them back in the same order; `WireFormatTests`
// round-trips every view of the templates, so a property added to one side only fails there.

extension WorkerRequest: WireCodable {
    /// The request as the worker reads it from stdin.
    var wireBytes: [UInt8] {
        var writer = WireWriter()
        writer.write(self)
        return writer.bytes
    }

    /// The request in `bytes`, which must hold exactly one.
    init(wireBytes bytes: [UInt8]) throws(RenderFailure) {
        var reader = try WireReader(bytes)
        self = try reader.read(WorkerRequest.self)
        try reader.finish()
    }

    func write(to writer: inout WireWriter) {
        switch self {
        case .render(let request):
            writer.write("render")
            writer.write(request)
        case .layout(let graphs):
            writer.write("layout")
            writer.write(graphs)
        }
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        switch try reader.read(String.self) {
        case "render": self = .render(try reader.read())
        case "layout": self = .layout(try reader.read())
        case let other: throw .workerUnavailable("the render request could not be read: unknown request `\(other)`")
        }
    }
}

extension RenderRequest: WireCodable {
    /// The request as the worker reads it from stdin.
    var wireBytes: [UInt8] { WorkerRequest.render(self).wireBytes }

    /// The render request in `bytes`, which must hold exactly one.
    init(wireBytes bytes: [UInt8]) throws(RenderFailure) {
        guard case .render(let request) = try WorkerRequest(wireBytes: bytes) else {
            throw .workerUnavailable("the render request could not be read: it asks for layouts")
        }
        self = request
    }

    func write(to writer: inout WireWriter) {
        writer.write(graph)
        writer.write(format.rawValue)
        writer.write(dpi)
        writer.write(page)
        writer.write(measuredText)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(graph: try reader.read(), format: try reader.readCase(), dpi: try reader.read(), page: try reader.read(),
                  measuredText: try reader.read())
    }
}

/// The geometries a layout request answers with, and the label lines measured for them: the
/// payload of the worker's frame.
enum GeometryWire {
    static func bytes(_ geometries: [GraphGeometry], measuredText: MeasuredText = MeasuredText()) -> [UInt8] {
        var writer = WireWriter()
        writer.write(geometries)
        writer.write(measuredText)
        return writer.bytes
    }

    static func geometries(_ bytes: [UInt8]) throws(RenderFailure) -> (geometries: [GraphGeometry], measuredText: MeasuredText) {
        var reader = try WireReader(bytes)
        let geometries = try reader.read([GraphGeometry].self)
        let measured = try reader.read(MeasuredText.self)
        try reader.finish()
        return (geometries, measured)
    }
}

extension ViewGraph: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(id)
        writer.write(title)
        writer.write(layout)
        writer.write(style)
        writer.write(clusters)
        writer.write(nodes)
        writer.write(edges)
        writer.write(sameRank)
        writer.write(summary)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(id: try reader.read(), title: try reader.read(), layout: try reader.read(), style: try reader.read(),
                  clusters: try reader.read(), nodes: try reader.read(), edges: try reader.read(), sameRank: try reader.read())
        summary = try reader.read()
    }
}

extension Layout: WireCodable {
    func write(to writer: inout WireWriter) {
        switch self {
        case .ranked(let direction):
            writer.write("ranked")
            writer.write(direction.rawValue)
        case .pinned:
            writer.write("pinned")
        }
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        switch try reader.read(String.self) {
        case "ranked": self = .ranked(direction: try reader.readCase())
        case "pinned": self = .pinned
        case let other: throw .workerUnavailable("the render request could not be read: unknown layout `\(other)`")
        }
    }
}

extension GraphStyle: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(fontName)
        writer.write(fontSize)
        writer.write(titleFontSize)
        writer.write(background)
        writer.write(fontColor)
        writer.write(nodeSeparation)
        writer.write(rankSeparation)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(fontName: try reader.read(), fontSize: try reader.read(), titleFontSize: try reader.read(),
                  background: try reader.read(), fontColor: try reader.read(), nodeSeparation: try reader.read(),
                  rankSeparation: try reader.read())
    }
}

extension Cluster: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(id)
        writer.write(classes)
        writer.write(label)
        writer.write(parent)
        writer.write(fill)
        writer.write(stroke)
        writer.write(fontColor)
        writer.write(fontSize)
        writer.write(dashed)
        writer.write(frame)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(id: try reader.read(), classes: try reader.read(), label: try reader.read(), parent: try reader.read(),
                  fill: try reader.read(), stroke: try reader.read(), fontColor: try reader.read(), fontSize: try reader.read(),
                  dashed: try reader.read(), frame: try reader.read())
    }
}

extension Node: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(id)
        writer.write(classes)
        writer.write(label)
        writer.write(style)
        writer.write(tooltip)
        writer.write(url)
        writer.write(cluster)
        writer.write(position)
        writer.write(size)
        writer.write(group)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(id: try reader.read(), classes: try reader.read(), label: try reader.read(), style: try reader.read(),
                  tooltip: try reader.read(), url: try reader.read(), cluster: try reader.read(), position: try reader.read(),
                  size: try reader.read(), group: try reader.read())
    }
}

extension NodeStyle: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(shape.rawValue)
        writer.write(fill)
        writer.write(stroke)
        writer.write(fontColor)
        writer.write(fontSize)
        writer.write(penWidth)
        writer.write(dashed)
        writer.write(alignment.rawValue)
        writer.write(fixedSize)
        writer.write(minWidth)
        writer.write(minHeight)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(shape: try reader.readCase(), fill: try reader.read(), stroke: try reader.read(), fontColor: try reader.read(),
                  fontSize: try reader.read(), penWidth: try reader.read(), dashed: try reader.read(),
                  alignment: try reader.readCase(), fixedSize: try reader.read(), minWidth: try reader.read(),
                  minHeight: try reader.read())
    }
}

extension Edge: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(id)
        writer.write(from)
        writer.write(to)
        writer.write(classes)
        writer.write(label)
        writer.write(style)
        writer.write(tooltip)
        writer.write(constraint)
        writer.write(weight)
        writer.write(rankedBackward)
        writer.write(route)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(id: try reader.read(), from: try reader.read(), to: try reader.read(), classes: try reader.read(),
                  label: try reader.read(), style: try reader.read(), tooltip: try reader.read(), constraint: try reader.read(),
                  weight: try reader.read(), rankedBackward: try reader.read(), route: try reader.read())
    }
}

extension EdgeStyle: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(line.rawValue)
        writer.write(color)
        writer.write(fontColor)
        writer.write(penWidth)
        writer.write(arrowHead.rawValue)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(line: try reader.readCase(), color: try reader.read(), fontColor: try reader.read(), penWidth: try reader.read(),
                  arrowHead: try reader.readCase())
    }
}

extension Point: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(x)
        writer.write(y)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(x: try reader.read(), y: try reader.read())
    }
}

extension Size: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(width)
        writer.write(height)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(width: try reader.read(), height: try reader.read())
    }
}

extension CJMViewGraph.Rect: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(x)
        writer.write(y)
        writer.write(width)
        writer.write(height)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(x: try reader.read(), y: try reader.read(), width: try reader.read(), height: try reader.read())
    }
}

extension EdgeRoute: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(points)
        writer.write(headTip)
        writer.write(tailTip)
        writer.write(labelCentre)
        writer.write(labelSize)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(points: try reader.read(), headTip: try reader.read(), tailTip: try reader.read(), labelCentre: try reader.read(),
                  labelSize: try reader.read())
    }
}

extension GraphGeometry: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(nodes)
        writer.writeOptionals(edges)
        writer.write(clusters)
        writer.write(bounds)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(nodes: try reader.read(), edges: try reader.readOptionals(), clusters: try reader.read(), bounds: try reader.read())
    }
}
