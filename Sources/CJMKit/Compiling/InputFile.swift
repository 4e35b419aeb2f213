import CJMSyntax

/// Reading an input of the command line: a path, or `-` for standard input.
public enum InputFile {
    /// Why an input could not be read at all (as opposed to being read and found invalid).
    public typealias ReadFailure = FileReader.Failure

    /// The name diagnostics print for standard input.
    public static let standardInputName = "<stdin>"

    /// Reads up to `cap + 1` bytes, so a file over the cap is still detected without reading it all.
    public static func read(_ path: String, cap: Int) -> Result<[UInt8], ReadFailure> {
        path == "-" ? FileReader.readStandardInput(cap: cap, name: standardInputName) : FileReader.read(path: path, cap: cap)
    }
}
