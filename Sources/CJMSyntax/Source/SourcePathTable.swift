#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file path a `SourceRange` has named, each stored once, so a range holds a 4-byte
/// index instead of a 16-byte `String`: a 50 MB journey's tree and model hold millions of ranges.
///
/// A run names a handful of paths (the input and its includes) and none is ever dropped, so the
/// table only grows. Paths are told apart by their bytes, as the file system does. Guarded by a
/// lock, since ranges are made on any thread (tests check in parallel).
final class SourcePathTable: @unchecked Sendable {
    static let shared = SourcePathTable()

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var paths: [String] = []
    private var indices: [[UInt8]: UInt32] = [:]

    private init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    /// The index of `path`, adding it on first sight.
    func index(of path: String) -> UInt32 {
        let key = Array(path.utf8)
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let index = indices[key] { return index }
        let index = UInt32(paths.count)
        paths.append(path)
        indices[key] = index
        return index
    }

    /// The path stored at `index` (one `index(of:)` returned).
    func path(at index: UInt32) -> String {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return paths[Int(index)]
    }
}
