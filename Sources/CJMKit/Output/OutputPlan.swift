import CJMGraphviz

/// Where one rendered map goes.
enum Destination: Hashable {
    case file(String)
    case standardOutput
}

/// One map a render run produces: which input, which view, which format, where to.
struct PlannedOutput {
    var input: Int
    var view: String
    var format: OutputFormat
    var destination: Destination
}

/// Turns `-o`, `-f`, `--view` and `--all-views` into the list of outputs, applying the rules:
/// no `-o` writes beside each input; `-o FILE` takes its format from the extension; `-o DIR`
/// (an existing folder, a path ending in `/`, a path without an extension that is not an
/// existing file, or several inputs, formats or views) writes `NAME[.VIEW].FORMAT` into it;
/// `-o -` writes one map to stdout.
struct OutputPlan {
    var output: String?
    var formats: [OutputFormat]
    /// Nil renders `flow`; ignored with `allViews`.
    var view: String?
    var allViews: Bool

    /// The outputs for `inputs` (paths as given, with their available view names).
    func outputs(for inputs: [(path: String, views: [String])]) -> Result<[PlannedOutput], UsageError> {
        let toStdout = output == "-"
        let formats: [OutputFormat]
        switch resolvedFormats() {
        case .failure(let error): return .failure(error)
        case .success(let resolved): formats = resolved
        }
        let intoFolder = output.map { path in
            !toStdout && (Self.namesFolder(path) || inputs.count > 1 || allViews || formats.count > 1)
        } ?? false
        if toStdout && (inputs.count != 1 || formats.count != 1 || allViews) {
            return .failure(UsageError("-o - writes one map to stdout: give one input, one format and one view"))
        }

        var planned: [PlannedOutput] = []
        var seen: [Destination: String] = [:]
        for (index, input) in inputs.enumerated() {
            let views = allViews ? input.views : [view ?? "flow"]
            let suffixed = allViews || (view != nil && view != "flow")
            for view in views {
                for format in formats {
                    let destination: Destination
                    if toStdout || (output == nil && input.path == InputFile.standardInputName) {
                        destination = .standardOutput
                    } else if let output, !intoFolder {
                        destination = .file(output)
                    } else {
                        let folder = output ?? FilePath.folder(of: input.path)
                        let name = FilePath.stem(of: input.path) + (suffixed ? ".\(view)" : "") + ".\(format.rawValue)"
                        destination = .file(FilePath.join(folder, name))
                    }
                    if case .file(let path) = destination, let other = seen[destination] {
                        return .failure(UsageError("\(other) and \(input.path) would both write \(path)"))
                    }
                    seen[destination] = input.path
                    planned.append(PlannedOutput(input: index, view: view, format: format, destination: destination))
                }
            }
        }
        if planned.filter({ $0.destination == .standardOutput }).count > 1 {
            return .failure(UsageError("only one map can be written to stdout"))
        }
        return .success(planned)
    }

    /// Whether `-o path` is a folder whatever else is asked: a path ending in `/`, an existing
    /// folder, or one without an extension that is not an existing file (`-o maps`): a map
    /// file is known by its extension, so such a name can only mean a folder to create.
    static func namesFolder(_ path: String) -> Bool {
        guard path != "-" else { return false }
        if path.hasSuffix("/") || FilePath.isDirectory(path) { return true }
        return FilePath.pathExtension(of: path) == nil && !FilePath.exists(path)
    }

    private func resolvedFormats() -> Result<[OutputFormat], UsageError> {
        let fileOutput = output.flatMap { path -> String? in
            path == "-" || Self.namesFolder(path) ? nil : path
        }
        let implied = fileOutput.flatMap(FilePath.pathExtension).flatMap(OutputFormat.init(rawValue:))
        if !formats.isEmpty {
            if let implied, formats != [implied], formats.count == 1 {
                return .failure(UsageError("-o \(fileOutput!) is a .\(implied.rawValue) file but -f asks for \(formats[0].rawValue)"))
            }
            return .success(formats)
        }
        if let implied { return .success([implied]) }
        if let fileOutput, FilePath.pathExtension(of: fileOutput) != nil {
            let known = OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(UsageError("cannot tell the format of \(fileOutput) from its extension; use -f (\(known))"))
        }
        return .success([.svg])
    }
}

/// A bad combination of command-line arguments (exit 64).
struct UsageError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
