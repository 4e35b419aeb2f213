import CJMViewGraph

/// Makes Graphviz's SVG a good citizen of a web page: the root gets `role="img"`, an
/// `aria-label` and a first `<title>` and `<desc>` (the map's title and one-line summary),
/// and every `<title>` Graphviz writes — which browsers show as a tooltip — says what the
/// object is instead of the generated name (`n12`, `cluster_3`, `n1->n2`, `cjm`) that
/// `ViewGraphLowering` gave it: a node's tooltip (its kind and label) or label, a cluster's
/// label, an edge's tooltip or its ends' labels, the map's title.
///
/// It works on the text as Graphviz 2.42/2.43 writes it, where each `<title>` holds exactly
/// the escaped name, so it changes nothing else and the bytes stay deterministic.
enum SVGAccessibility {
    /// `svg` with the titles and root attributes above; unchanged when it is not Graphviz's SVG.
    static func apply(to svg: [UInt8], graph: ViewGraph) -> [UInt8] {
        let title = (graph.title ?? graph.id).split(separator: "\n").joined(separator: " ")
        let names = Names(graph: graph, title: title)
        // Bytes, not String: a large map's SVG is megabytes, and this runs on every render.
        guard let open = find(Array("<svg ".utf8), in: svg, from: 0), let close = find([UInt8(ascii: ">")], in: svg, from: open) else { return svg }
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + 4096)
        let tagEnd = open + 5
        out += svg[..<tagEnd]
        out += Array("role=\"img\" aria-label=\"\(escaped(title, attribute: true))\" ".utf8)
        out += svg[tagEnd...close]
        out += Array("\n<title>\(escaped(title))</title>".utf8)
        if let summary = graph.summary { out += Array("\n<desc>\(escaped(summary))</desc>".utf8) }
        let opening = Array("<title>".utf8), closing = Array("</title>".utf8)
        var position = close + 1
        while let start = find(opening, in: svg, from: position), let end = find(closing, in: svg, from: start + opening.count) {
            out += svg[position..<(start + opening.count)]
            out += Array(escaped(names.text(for: String(decoding: svg[(start + opening.count)..<end], as: UTF8.self))).utf8)
            out += closing
            position = end + closing.count
        }
        out += svg[position...]
        return out
    }

    /// Where `pattern` first occurs in `bytes` at or after `start`.
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, pattern.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == first {
                var matched = true
                for offset in 1..<pattern.count where bytes[index + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }

    /// What each generated Graphviz name stands for.
    private struct Names {
        let graph: ViewGraph
        let title: String
        /// Edge text by the Graphviz names of its tail and head, as the edge was created.
        var edges: [String: String] = [:]

        init(graph: ViewGraph, title: String) {
            self.graph = graph
            self.title = title
            var index: [String: Int] = [:]
            for (position, node) in graph.nodes.enumerated() { index[node.id] = position + 1 }
            for edge in graph.edges {
                guard let from = index[edge.from], let to = index[edge.to] else { continue }
                // A backward-ranked edge is created from `to` (see `ViewGraphLowering.buildEdges`).
                let key = edge.rankedBackward ? "n\(to)->n\(from)" : "n\(from)->n\(to)"
                if edges[key] != nil { continue }
                edges[key] = edge.tooltip ?? "\(Self.label(of: graph.nodes[from - 1])) → \(Self.label(of: graph.nodes[to - 1]))"
                    + (edge.label.map { ": " + $0 } ?? "")
            }
        }

        /// The text for the title Graphviz wrote as `raw` (XML-escaped).
        func text(for raw: String) -> String {
            let name = raw.replacingOccurrences(of: "&#45;", with: "-").replacingOccurrences(of: "&gt;", with: ">")
            if name == "cjm" { return title }
            if name.hasPrefix("cluster_"), let number = Int(name.dropFirst(8)), graph.clusters.indices.contains(number - 1) {
                return graph.clusters[number - 1].label ?? ""
            }
            if name.contains("->") { return edges[name] ?? "" }
            if name.hasPrefix("n"), let number = Int(name.dropFirst()), graph.nodes.indices.contains(number - 1) {
                let node = graph.nodes[number - 1]
                return node.tooltip ?? Self.label(of: node)
            }
            // Nothing of ours (a name this version of Graphviz made up): shown as nothing.
            return ""
        }

        static func label(of node: Node) -> String {
            node.label.filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// `text` safe inside an XML element (and, with `attribute`, inside double quotes).
    static func escaped(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
