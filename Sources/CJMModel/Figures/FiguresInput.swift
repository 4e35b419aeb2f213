import CJMSyntax

/// A figures file given on the command line (`--figures FILE`), already read: it replaces the
/// file the journey's `figures "…"` names.
public struct FiguresInput: Sendable {
    /// The path as given; diagnostics print it.
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The figures file of this check, decoded: `given`, else the journey's `figures "…"` read
    /// through `loader` relative to the root's folder (and inside its folder tree, as includes
    /// are); nil, with the problem reported, when there is none or it cannot be read.
    static func load(_ given: FiguresInput?, for journey: Journey, root: SourceFile, loader: IncludeLoader, limits: Limits,
                     diagnostics: inout DiagnosticCollector) -> SourceFile? {
        func decode(_ path: String, _ bytes: [UInt8]) -> SourceFile? {
            switch SourceDecoder.decode(path: path, bytes: bytes, limits: limits) {
            case .success(let file): return file
            case .failure(let diagnostic):
                diagnostics.add(diagnostic)
                return nil
            }
        }
        if let given { return decode(given.path, given.bytes) }
        guard let reference = journey.figuresReference else { return nil }
        let folder = IncludePath.folder(of: root.path)
        let relative = IncludePath.normalized(reference.path)
        guard !reference.path.hasPrefix("/"), !IncludePath.isOutsideUpward(relative) else {
            diagnostics.error(.includeOutsideTree, "`\(reference.path)` leaves the folder of `\(root.path)`; a figures file must stay inside it",
                       at: reference.source)
            return nil
        }
        let target = IncludePath.join(folder, reference.path)
        guard let canonical = loader.canonicalPath(target) else {
            diagnostics.error(.figuresNotFound, "cannot find figures file `\(reference.path)` (looked for `\(target)`)", at: reference.source)
            return nil
        }
        let canonicalFolder = loader.canonicalPath(folder) ?? IncludePath.normalized(folder)
        guard IncludePath.isInside(canonical, folder: canonicalFolder) else {
            diagnostics.error(.includeOutsideTree, "`\(reference.path)` resolves to `\(canonical)`, outside the folder of `\(root.path)`",
                       at: reference.source)
            return nil
        }
        do {
            return decode(target, try loader.read(target))
        } catch {
            diagnostics.error(.figuresNotFound, "cannot read figures file `\(target)`: \(error)", at: reference.source)
            return nil
        }
    }
}
