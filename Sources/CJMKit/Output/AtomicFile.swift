#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see either the old bytes or all of the new ones: a temporary
/// file in the target folder (same file system, so `rename` is atomic), every write checked,
/// `fsync`, then `rename` over the target. On any failure the temporary file is removed and the
/// existing target is untouched.
public enum AtomicFile {
    /// Why a file could not be written.
    public struct WriteFailure: Error, Equatable, Sendable {
        public var path: String
        public var reason: String
    }

    /// Replaces `path` with `bytes`; the new file gets `permissions`, or when nil the
    /// ordinary mode of a new file under the umask.
    public static func write(_ bytes: [UInt8], to path: String, permissions: mode_t? = nil) -> Result<Void, WriteFailure> {
        stage(bytes, for: path, permissions: permissions).flatMap { $0.commit() }
    }

    /// Creates `path` with `bytes` only when nothing is there yet. The staged file is hard-linked
    /// into place, and `link` refuses an existing name, so there is no moment between looking
    /// and writing in which another file could be clobbered.
    public static func writeNew(_ bytes: [UInt8], to path: String) -> Result<Void, WriteFailure> {
        stage(bytes, for: path).flatMap { staged in
            defer { staged.discard() }
            guard link(staged.temporary, path) == 0 else {
                return .failure(WriteFailure(path: path, reason: String(cString: strerror(errno))))
            }
            return .success(())
        }
    }

    /// New bytes for `path`, written and synced to a temporary file beside it but not yet in place.
    struct Staged {
        var path: String
        var temporary: String

        /// Renames the temporary over `path`; on failure removes it and `path` is untouched.
        func commit() -> Result<Void, WriteFailure> {
            guard rename(temporary, path) == 0 else {
                let code = errno
                discard()
                return .failure(WriteFailure(path: path, reason: String(cString: strerror(code))))
            }
            return .success(())
        }

        /// Removes the temporary; `path` is untouched.
        func discard() { unlink(temporary) }
    }

    /// Writes `bytes` to a new temporary file in `path`'s folder; on failure nothing is left behind.
    static func stage(_ bytes: [UInt8], for path: String, permissions: mode_t? = nil) -> Result<Staged, WriteFailure> {
        let folder = FilePath.folder(of: path)
        var template = Array("\(folder)/.\(FilePath.lastComponent(of: path)).cjm-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { return .failure(WriteFailure(path: path, reason: String(cString: strerror(errno)))) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)

        func fail(_ code: Int32, closing: Bool = true) -> Result<Staged, WriteFailure> {
            if closing { close(fd) }
            unlink(temporary)
            return .failure(WriteFailure(path: path, reason: String(cString: strerror(code))))
        }

        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return fail(errno)
            }
            offset += written
        }
        // mkstemp creates 0600; a map is an ordinary file, so honour the umask like any other tool.
        let mask = umask(0)
        umask(mask)
        if fchmod(fd, permissions ?? (0o666 & ~mask)) != 0 { return fail(errno) }
        if fsync(fd) != 0 { return fail(errno) }
        if close(fd) != 0 { return fail(errno, closing: false) }
        return .success(Staged(path: path, temporary: temporary))
    }
}

/// `write(2)`, named apart from the enclosing `write` function.
private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
