import CJMViewGraph
import Glibc

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
        out.reserveCapacity(svg.count + svg.count / 8 + 4096)
        let tagEnd = open + 5
        out += svg[..<tagEnd]
        out += Array("role=\"img\" aria-label=\"".utf8)
        appendEscaped(title, attribute: true, to: &out)
        out += Array("\" ".utf8)
        out += svg[tagEnd...close]
        out += Array("\n<title>".utf8)
        appendEscaped(title, to: &out)
        out += Array("</title>".utf8)
        if let summary = graph.summary {
            out += Array("\n<desc>".utf8)
            appendEscaped(summary, to: &out)
            out += Array("</desc>".utf8)
        }
        let opening = Array("<title>".utf8), closing = Array("</title>".utf8)
        var position = close + 1
        while let start = find(opening, in: svg, from: position), let end = find(closing, in: svg, from: start + opening.count) {
            out += svg[position..<(start + opening.count)]
            appendEscaped(names.text(for: svg[(start + opening.count)..<end]), to: &out)
            out += closing
            position = end + closing.count
        }
        out += svg[position...]
        return out
    }

    /// Where `pattern` first occurs in `bytes` at or after `start` (candidates found with
    /// `memchr`, checked with `memcmp`).
    private static func find(_ pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = pattern.first, start >= 0 else { return nil }
        return bytes.withUnsafeBytes { haystack -> Int? in
            pattern.withUnsafeBytes { needle -> Int? in
                guard let base = haystack.baseAddress else { return nil }
                var index = start
                let last = haystack.count - needle.count
                while index <= last {
                    guard let hit = memchr(base + index, Int32(first), last - index + 1) else { return nil }
                    index = base.distance(to: UnsafeRawPointer(hit))
                    if memcmp(base + index, needle.baseAddress!, needle.count) == 0 { return index }
                    index += 1
                }
                return nil
            }
        }
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

        /// The text for the title Graphviz wrote as `raw` (XML-escaped: only `-` and `>` of the
        /// generated names come escaped, as `&#45;` and `&gt;`).
        func text(for raw: ArraySlice<UInt8>) -> String {
            let name = String(decoding: Self.unescaped(raw), as: UTF8.self)
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

        /// `raw` with `&#45;` back to `-` and `&gt;` back to `>`.
        private static func unescaped(_ raw: ArraySlice<UInt8>) -> [UInt8] {
            let dash = Array("&#45;".utf8), greater = Array("&gt;".utf8)
            var name: [UInt8] = []
            name.reserveCapacity(raw.count)
            var index = raw.startIndex
            while index < raw.endIndex {
                if raw[index] == UInt8(ascii: "&") {
                    if raw[index...].starts(with: dash) {
                        name.append(UInt8(ascii: "-"))
                        index += dash.count
                        continue
                    }
                    if raw[index...].starts(with: greater) {
                        name.append(UInt8(ascii: ">"))
                        index += greater.count
                        continue
                    }
                }
                name.append(raw[index])
                index += 1
            }
            return name
        }

        static func label(of node: Node) -> String {
            node.label.filter { !$0.isEmpty }.joined(separator: " ")
        }
    }

    /// `text` safe inside an XML element (and, with `attribute`, inside double quotes).
    static func escaped(_ text: String, attribute: Bool = false) -> String {
        var out: [UInt8] = []
        appendEscaped(text, attribute: attribute, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text` escaped as `escaped` does, byte by byte: every byte it changes is ASCII,
    /// which never occurs inside a multi-byte character. A line break that ends `\r\n` stays
    /// as it is in an attribute (one character, not a line feed).
    private static func appendEscaped(_ text: String, attribute: Bool = false, to out: inout [UInt8]) {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case UInt8(ascii: "<"): out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case UInt8(ascii: ">"): out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case UInt8(ascii: "\"") where attribute: out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case UInt8(ascii: "\n") where attribute && previous != UInt8(ascii: "\r"): out.append(UInt8(ascii: " "))
            default: out.append(byte)
            }
            previous = byte
        }
    }
}
