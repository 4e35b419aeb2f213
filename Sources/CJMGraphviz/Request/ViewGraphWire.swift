import CJMViewGraph

// The wire form of a render request. Each `write` lists the stored properties in declaration
// order and each `init(from:)` reads them back in the same order; `WireFormatTests`
// round-trips every view of the templates, so a property added to one side only fails there.

extension RenderRequest: WireCodable {
    /// The request as the worker reads it from stdin.
    var wireBytes: [UInt8] {
        var writer = WireWriter()
        writer.write(self)
        return writer.bytes
    }

    /// The request in `bytes`, which must hold exactly one.
    init(wireBytes bytes: [UInt8]) throws(RenderFailure) {
        var reader = try WireReader(bytes)
        self = try reader.read(RenderRequest.self)
        try reader.finish()
    }

    func write(to writer: inout WireWriter) {
        writer.write(graph)
        writer.write(format.rawValue)
        writer.write(dpi)
        writer.write(page)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(graph: try reader.read(), format: try reader.readCase(), dpi: try reader.read(), page: try reader.read())
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
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(id: try reader.read(), title: try reader.read(), layout: try reader.read(), style: try reader.read(),
                  clusters: try reader.read(), nodes: try reader.read(), edges: try reader.read(), sameRank: try reader.read())
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
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(id: try reader.read(), classes: try reader.read(), label: try reader.read(), parent: try reader.read(),
                  fill: try reader.read(), stroke: try reader.read(), fontColor: try reader.read(), fontSize: try reader.read(),
                  dashed: try reader.read())
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
        writer.write(group)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(id: try reader.read(), classes: try reader.read(), label: try reader.read(), style: try reader.read(),
                  tooltip: try reader.read(), url: try reader.read(), cluster: try reader.read(), position: try reader.read(),
                  group: try reader.read())
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
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(shape: try reader.readCase(), fill: try reader.read(), stroke: try reader.read(), fontColor: try reader.read(),
                  fontSize: try reader.read(), penWidth: try reader.read(), dashed: try reader.read(),
                  alignment: try reader.readCase(), fixedSize: try reader.read(), minWidth: try reader.read())
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
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(id: try reader.read(), from: try reader.read(), to: try reader.read(), classes: try reader.read(),
                  label: try reader.read(), style: try reader.read(), tooltip: try reader.read(), constraint: try reader.read(),
                  weight: try reader.read(), rankedBackward: try reader.read())
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
