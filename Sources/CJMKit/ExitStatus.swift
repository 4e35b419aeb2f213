/// The process exit codes of SPEC §4 (sysexits.h values where one fits).
public enum ExitStatus: Int32, Sendable, Error {
    /// Everything went well.
    case success = 0
    /// Warnings under `--strict`, or a stale map under `--check`.
    case failedCheck = 1
    /// Bad command line: unknown flag, view or format.
    case usage = 64
    /// The journey has errors.
    case invalidInput = 65
    /// An input file does not exist.
    case inputNotFound = 66
    /// Graphviz failed, crashed or timed out, or cjm itself did.
    case internalFailure = 70
    /// An output could not be written.
    case cannotWrite = 73
}
