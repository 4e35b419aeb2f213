#if canImport(Glibc)
import CMalloc
#endif

/// How this process asks glibc's allocator for memory, set once before the first input is read.
///
/// By default glibc raises its mmap threshold each time a large block is freed, so later large
/// arrays (a 50 MB journey's syntax tree, symbol tables and model lists are many of them, built
/// on several threads) come from the heaps of the threads' arenas instead, where freed room is
/// kept and scattered. Checking the 52 MB benchmark then peaked anywhere from 504 to 541 MB,
/// sometimes past ten times the file. Fixing the threshold at its default keeps large blocks
/// mapped on their own and returned when freed: 504 MB every run, at the same speed.
enum MemoryPolicy {
    /// Applies the policy on first use; later uses do nothing.
    static let applied: Bool = {
        #if canImport(Glibc)
        return mallopt(M_MMAP_THRESHOLD, 128 * 1024) == 1
        #else
        return false
        #endif
    }()
}
