#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces several files so that either every one gets its new bytes or none changes.
///
/// First every new file is staged beside its target (`AtomicFile.stage`); a failure there
/// removes the temporaries and touches nothing. Then each existing target but the last is
/// hard-linked to a backup beside it (a failure here also touches nothing), and the
/// temporaries are renamed into place in order. If a rename fails, the targets already
/// replaced get their backups renamed back (the very same files, so byte-identical) and the
/// ones that did not exist before are removed. The last target needs no backup: when its
/// rename fails it is untouched, and nothing comes after it. A single file is therefore
/// written exactly as `AtomicFile.write` writes it.
///
/// Each target on its own is always either all old or all new to a reader; a process
/// killed during the renames can leave some replaced and `.NAME.cjm-XXXXXX.old` backups.
enum AtomicFileSet {
    /// Replaces each `path` with its `bytes`, all or none.
    static func write(_ files: [(path: String, bytes: [UInt8])]) -> Result<Void, AtomicFile.WriteFailure> {
        var staged: [AtomicFile.Staged] = []
        for file in files {
            switch AtomicFile.stage(file.bytes, for: file.path) {
            case .success(let next): staged.append(next)
            case .failure(let failure):
                staged.forEach { $0.discard() }
                return .failure(failure)
            }
        }
        // nil: the target did not exist, so undoing its replacement removes it.
        var backups: [String?] = []
        for file in staged.dropLast() {
            let backup = file.temporary + ".old"
            if link(file.path, backup) == 0 {
                backups.append(backup)
            } else if errno == ENOENT {
                backups.append(nil)
            } else {
                // A folder in the way cannot be linked (EPERM); its rename would fail anyway.
                let code = FilePath.isDirectory(file.path) ? EISDIR : errno
                let failure = AtomicFile.WriteFailure(path: file.path, reason: String(cString: strerror(code)))
                backups.compactMap { $0 }.forEach { unlink($0) }
                staged.forEach { $0.discard() }
                return .failure(failure)
            }
        }
        for (index, file) in staged.enumerated() {
            if case .failure(let failure) = file.commit() {
                for (done, backup) in zip(staged[..<index], backups) {
                    if let backup { rename(backup, done.path) } else { unlink(done.path) }
                }
                staged[(index + 1)...].forEach { $0.discard() }
                backups[index...].compactMap { $0 }.forEach { unlink($0) }
                return .failure(failure)
            }
        }
        backups.compactMap { $0 }.forEach { unlink($0) }
        return .success(())
    }
}
