#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a run reports: messages and diagnostics to stderr, map bytes to stdout.
public struct Console: Sendable {
    /// Whether stderr is a terminal, so diagnostics may be coloured.
    public var stderrIsTerminal: Bool
    /// Whether diagnostics on stderr are coloured: on a terminal, unless the `NO_COLOR`
    /// environment variable is set to anything but the empty string (no-color.org).
    public var colorsStderr: Bool

    public init() {
        stderrIsTerminal = isatty(STDERR_FILENO) == 1
        colorsStderr = stderrIsTerminal && !Self.noColorRequested(getenv("NO_COLOR").map { String(cString: $0) })
    }

    /// Whether a `NO_COLOR` of this value (nil: unset) asks for no colour: any value but empty.
    static func noColorRequested(_ value: String?) -> Bool {
        value.map { !$0.isEmpty } ?? false
    }

    /// Writes a line (a newline is added) to stderr.
    public func report(_ line: String) {
        writeAll(STDERR_FILENO, Array((line + "\n").utf8))
    }

    /// Writes a line of output (a newline is added) to stdout: what a command was asked to print.
    @discardableResult
    public func print(_ text: String) -> Bool {
        writeAll(STDOUT_FILENO, Array((text + "\n").utf8))
    }

    /// Writes `text` to stderr as it is (no newline added): the progress line redraws itself.
    func writeRaw(_ text: String) {
        writeAll(STDERR_FILENO, Array(text.utf8))
    }

    /// Writes map bytes to stdout (`-o -`).
    public func emit(_ bytes: [UInt8]) -> Bool {
        writeAll(STDOUT_FILENO, bytes)
    }

    @discardableResult
    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}
