#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file a `SourceRange` can point into: its path and, while any copy of its `SourceFile`
/// is alive, its text. A range then holds a 4-byte index and two byte offsets (12 bytes), not a
/// path and two line-and-column locations (a 50 MB journey's tree and model hold millions).
///
/// Each `SourceFile` gets its own entry; a range made for a bare path (a file that could not be
/// read) shares one entry per path. The text is held weakly, so the table keeps no file alive;
/// entries themselves are never dropped (a run makes a handful, a test process thousands).
/// Guarded by a lock, since ranges are made on any thread (tests check in parallel).
final class SourceTable: @unchecked Sendable {
    static let shared = SourceTable()

    private struct Entry {
        let path: String
        weak var text: SourceText?
    }

    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private var entries: [Entry] = []
    private var bareIndices: [[UInt8]: UInt32] = [:]

    private init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    /// A new entry for `text` read from `path`.
    func add(_ text: SourceText, path: String) -> UInt32 {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        entries.append(Entry(path: path, text: text))
        return UInt32(entries.count - 1)
    }

    /// The entry of `path` without a text, added on first sight.
    func index(of path: String) -> UInt32 {
        let key = Array(path.utf8)
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        if let index = bareIndices[key] { return index }
        entries.append(Entry(path: path, text: nil))
        let index = UInt32(entries.count - 1)
        bareIndices[key] = index
        return index
    }

    /// The path stored at `index` (one `add` or `index(of:)` returned).
    func path(at index: UInt32) -> String {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return entries[Int(index)].path
    }

    /// The line and column of byte `offset` of the text at `index`. Without a text (a bare path,
    /// or a file no longer alive) every offset counts as line 1, column `offset + 1`.
    func location(at offset: Int, in index: UInt32) -> SourceLocation {
        pthread_mutex_lock(mutex)
        let text = entries[Int(index)].text
        pthread_mutex_unlock(mutex)
        return text?.location(at: offset) ?? SourceLocation(line: 1, column: offset + 1, offset: offset)
    }
}
