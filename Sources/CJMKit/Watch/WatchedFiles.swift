#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `cjm watch` last saw of the files a journey was read from — the journey, every file
/// it includes, and the folders holding them — to tell when one of them was saved.
///
/// Polled with `stat` (size, inode, modification and change times to the nanosecond) rather
/// than told by inotify: editors save by writing in place, by renaming a new file over the
/// old one, or by deleting and recreating it, and a `stat` of each path sees all three alike,
/// with no per-platform code. The folders are watched so that an included file that did not
/// exist yet is noticed when it is created. A few `stat` calls every 50 ms cost nothing
/// measurable.
struct WatchedFiles: Equatable, Sendable {
    /// One path's stat, or nil while nothing is there.
    struct Stamp: Equatable, Sendable {
        var size: Int64
        var inode: UInt64
        var modified: Int64
        var changed: Int64
    }

    private(set) var stamps: [String: Stamp?]

    /// The stamps of `paths` now.
    init(_ paths: [String]) {
        stamps = Dictionary(paths.map { ($0, Self.stamp($0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// The paths of `fresh`, with the stamps `earlier` already had for the paths it watched.
    init(merging earlier: WatchedFiles, into fresh: WatchedFiles) {
        stamps = fresh.stamps.merging(earlier.stamps.filter { fresh.stamps.keys.contains($0.key) }) { _, earlier in earlier }
    }

    /// The paths watched, sorted.
    var paths: [String] { stamps.keys.sorted() }

    /// Whether any watched path is not as it was.
    func changed() -> Bool {
        stamps.contains { path, stamp in Self.stamp(path) != stamp }
    }

    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Stamp(size: Int64(info.st_size), inode: UInt64(info.st_ino),
                     modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                     changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    }
}
