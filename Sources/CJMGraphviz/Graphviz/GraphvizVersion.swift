import CGraphviz

/// The version of the Graphviz libraries this process has loaded.
public enum GraphvizVersion {
    /// `2.42.2`, as the loaded libgvc reports it, or nil when it cannot make a context.
    ///
    /// Made in the calling process, not a render worker: a context that lays nothing out is
    /// safe to create once on the main thread, and is freed before returning.
    public static func linked() -> String? {
        guard let context = gvContext() else { return nil }
        defer { gvFreeContext(context) }
        guard let version = gvcVersion(context) else { return nil }
        return String(cString: version)
    }
}
