#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CJMSyntax

/// Reading an input: a path, or `-` for standard input.
public enum InputFile {
    /// Why an input could not be read at all (as opposed to being read and found invalid).
    public enum ReadFailure: Error, Equatable, Sendable {
        case notFound(String)
        case unreadable(String, reason: String)
    }

    /// The name diagnostics print for standard input.
    public static let standardInputName = "<stdin>"

    /// Reads up to `cap + 1` bytes, so a file over the cap is still detected without reading it all.
    public static func read(_ path: String, cap: Int) -> Result<[UInt8], ReadFailure> {
        if path == "-" { return readAll(STDIN_FILENO, cap: cap, path: standardInputName) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .failure(.notFound(path)) }
            return .failure(.unreadable(path, reason: String(cString: strerror(code))))
        }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            return .failure(.unreadable(path, reason: "is a folder"))
        }
        return readAll(fd, cap: cap, path: path)
    }

    /// Below this, a second thread costs more than it saves.
    static let minimumBytesForHalves = 4 << 20

    /// Reads bytes `0..<size` of `fd` in two halves at once with `pread`, and leaves the file
    /// offset at `size` so the caller reads on from there; false when a half could not be read
    /// whole (the caller then reads everything itself from the start).
    private static func readInHalves(_ fd: Int32, into buffer: UnsafeMutableBufferPointer<UInt8>, _ size: Int) -> Bool {
        let base = buffer.baseAddress!
        let middle = size / 2
        func readRange(_ start: Int, _ end: Int) -> Bool {
            var done = start
            while done < end {
                let read = pread(fd, base + done, end - done, off_t(done))
                if read < 0, errno == EINTR { continue }
                if read <= 0 { break }
                done += read
            }
            return done == end
        }
        let (front, back) = BothCores.run({ readRange(0, middle) }, { readRange(middle, size) })
        let complete = front && back
        return lseek(fd, off_t(complete ? size : 0), SEEK_SET) == off_t(size) && complete
    }

    private static func readAll(_ fd: Int32, cap: Int, path: String) -> Result<[UInt8], ReadFailure> {
        // A regular file is read at once into a buffer of its size (plus one byte, to see the end
        // or a file that grew); growing an array chunk by chunk copied it over and over and left
        // up to twice its size allocated while the file was checked.
        var info = stat()
        let size = fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : 0
        let capacity = min(max(size, 0), cap) + 1
        var failure: ReadFailure?
        var atEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            // A large file is read in two halves at once: the kernel's copy and the first touch of
            // each new page took about a tenth of checking a 50 MB journey.
            if size >= Self.minimumBytesForHalves, size < buffer.count, readInHalves(fd, into: buffer, size) {
                count = size
            }
            while count < buffer.count {
                let read = systemRead(fd, buffer.baseAddress! + count, buffer.count - count)
                if read < 0 {
                    if errno == EINTR { continue }
                    failure = .unreadable(path, reason: String(cString: strerror(errno)))
                    return
                }
                if read == 0 {
                    atEnd = true
                    return
                }
                count += read
            }
        }
        if let failure { return .failure(failure) }
        if atEnd { return .success(bytes) }
        // A pipe, or a file longer than it said: the rest in chunks, up to just past the cap.
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= cap {
            let count = chunk.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(path, reason: String(cString: strerror(errno))))
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return .success(bytes)
    }
}

/// `read(2)`, named apart from `InputFile.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
