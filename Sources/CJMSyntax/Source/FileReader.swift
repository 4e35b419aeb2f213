#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way `cjm` reads a whole input: a journey named on the command line, an included
/// file, or standard input.
///
/// Only regular files are read: opening a FIFO or a device would block or never end, so such a
/// path is refused at once, naming what it is. At most `cap + 1` bytes are read, so a file over
/// the size cap is detected without reading it all.
public enum FileReader {
    /// Why an input could not be read at all (as opposed to being read and found invalid).
    public enum Failure: Error, Equatable, Sendable {
        case notFound(String)
        case unreadable(String, reason: String)
    }

    /// The bytes of the regular file at `path`, up to `cap + 1` of them.
    public static func read(path: String, cap: Int) -> Result<[UInt8], Failure> {
        // Non-blocking, so opening a FIFO with no writer returns at once; a regular file
        // ignores the flag.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .failure(.notFound(path)) }
            return .failure(.unreadable(path, reason: String(cString: strerror(code))))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(path, reason: String(cString: strerror(errno)))) }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else { return .failure(.unreadable(path, reason: "is \(describe(type)), not a regular file")) }
        return readAll(fd, cap: cap, sizeHint: Int(info.st_size), name: path)
    }

    /// Everything on standard input, up to `cap + 1` bytes; `name` is what failures call it.
    public static func readStandardInput(cap: Int, name: String) -> Result<[UInt8], Failure> {
        readAll(STDIN_FILENO, cap: cap, sizeHint: 0, name: name)
    }

    private static func readAll(_ fd: Int32, cap: Int, sizeHint: Int, name: String) -> Result<[UInt8], Failure> {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(max(sizeHint, 0), cap) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= cap {
            let wanted = min(chunk.count, cap + 1 - bytes.count)
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, wanted) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(.unreadable(name, reason: String(cString: strerror(errno))))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .success(bytes)
    }

    private static func describe(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "a special file"
        }
    }
}

/// `read(2)`, named apart from `FileReader.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
