// The wire form of page setups (in a request) and print layouts (in the worker's answer).
// Sheets cross by name and are looked up again, so a size can only be one of `PaperSize.all`.

extension PaperSize: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(name)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        let name = try reader.read(String.self)
        guard let paper = PaperSize.named(name) else {
            throw .workerUnavailable("the render request could not be read: unknown paper `\(name)`")
        }
        self = paper
    }
}

extension PageSetup: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(paper)
        writer.write(orientation?.rawValue)
        writer.write(tile)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        let paper: PaperSize? = try reader.read()
        let orientation = try reader.read(String?.self)
        let tile: PaperSize? = try reader.read()
        guard orientation == nil || Orientation(rawValue: orientation!) != nil else {
            throw .workerUnavailable("the render request could not be read: unknown orientation `\(orientation!)`")
        }
        self.init(paper: paper, orientation: orientation.flatMap(Orientation.init(rawValue:)), tile: tile)
    }
}

extension DrawingSize: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(width)
        writer.write(height)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(width: try reader.read(), height: try reader.read())
    }
}

extension SheetFit: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(paper)
        writer.write(orientation.rawValue)
        writer.write(scale)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        let paper: PaperSize = try reader.read()
        let orientation: Orientation = try reader.readCase()
        self = SheetFit(paper: paper, orientation: orientation, scale: try reader.read())
    }
}

extension PosterGrid: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(tile)
        writer.write(orientation.rawValue)
        writer.write(columns)
        writer.write(rows)
        writer.write(posterWidth)
        writer.write(posterHeight)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        let tile: PaperSize = try reader.read()
        let orientation: Orientation = try reader.readCase()
        self = PosterGrid(tile: tile, orientation: orientation, columns: try reader.read(), rows: try reader.read(),
                          posterWidth: try reader.read(), posterHeight: try reader.read())
    }
}

extension PrintLayout: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(scale)
        writer.write(sheet)
        writer.write(poster)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(scale: try reader.read(), sheet: try reader.read(), poster: try reader.read())
    }
}

extension RenderedMap: WireCodable {
    func write(to writer: inout WireWriter) {
        writer.write(bytes)
        writer.write(drawing)
        writer.write(layout)
    }

    init(from reader: inout WireReader) throws(RenderFailure) {
        self.init(bytes: try reader.read(), drawing: try reader.read(), layout: try reader.read())
    }
}
