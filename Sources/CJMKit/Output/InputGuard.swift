/// An input file is never overwritten: not the journey, nor any file it includes.
enum InputGuard {
    /// The first planned output path that resolves to an input, if any.
    static func overwrittenInput(_ planned: [PlannedOutput], inputs: [CompiledJourney]) -> String? {
        let inputPaths = Set(inputs.flatMap { $0.sources.files.map(\.path) }.compactMap(FilePath.resolved))
        for output in planned {
            if case .file(let path) = output.destination, let resolved = FilePath.resolved(path), inputPaths.contains(resolved) {
                return path
            }
        }
        return nil
    }
}
