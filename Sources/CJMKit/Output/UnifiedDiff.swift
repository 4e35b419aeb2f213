/// The difference between two texts as `diff -u` prints it, for `cjm fmt --diff`.
enum UnifiedDiff {
    /// Lines of context around each change.
    static let context = 3

    /// The diff of `old` into `new`, labelled `path` on both sides; empty when they are equal.
    static func text(from old: String, to new: String, path: String) -> String {
        let oldLines = lines(of: old)
        let newLines = lines(of: new)
        // Pair up the lines both texts keep, in order: the standard library's diff is minimal.
        var removed = Set<Int>()
        var inserted = Set<Int>()
        for change in newLines.difference(from: oldLines) {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        guard !removed.isEmpty || !inserted.isEmpty else { return "" }

        // Walk both texts together: kept lines advance both sides.
        enum Line { case kept(String), removed(String), added(String) }
        var script: [(line: Line, old: Int, new: Int)] = []
        var i = 0
        var j = 0
        while i < oldLines.count || j < newLines.count {
            if i < oldLines.count, removed.contains(i) {
                script.append((.removed(oldLines[i]), i, j)); i += 1
            } else if j < newLines.count, inserted.contains(j) {
                script.append((.added(newLines[j]), i, j)); j += 1
            } else {
                script.append((.kept(oldLines[i]), i, j)); i += 1; j += 1
            }
        }

        var output = "--- \(path)\n+++ \(path)\n"
        var index = 0
        while index < script.count {
            guard let firstChange = script[index...].firstIndex(where: { if case .kept = $0.line { false } else { true } }) else { break }
            let start = max(index, firstChange - context)
            // The hunk runs on while the next change is within twice the context.
            var end = firstChange
            var lastChange = firstChange
            while end < script.count {
                if case .kept = script[end].line {
                    if end - lastChange > 2 * context { break }
                } else {
                    lastChange = end
                }
                end += 1
            }
            end = min(script.count, lastChange + context + 1)
            let hunk = script[start..<end]
            let oldCount = hunk.filter { if case .added = $0.line { false } else { true } }.count
            let newCount = hunk.filter { if case .removed = $0.line { false } else { true } }.count
            let oldStart = oldCount == 0 ? hunk.first!.old : hunk.first!.old + 1
            let newStart = newCount == 0 ? hunk.first!.new : hunk.first!.new + 1
            output += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for entry in hunk {
                switch entry.line {
                case .kept(let text): output += " \(text)\n"
                case .removed(let text): output += "-\(text)\n"
                case .added(let text): output += "+\(text)\n"
                }
            }
            index = end
        }
        return output
    }

    private static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
