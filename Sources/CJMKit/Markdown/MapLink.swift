import CJMSyntax

/// The Markdown image link that shows an embedded map: `![alt](target)` alone on its line.
struct MapLink: Equatable {
    /// The text shown when the picture cannot be: the map's title.
    var alt: String
    /// The SVG's path relative to the document, as written (percent-encoded where needed).
    var target: String

    /// A link to `fileName` (beside the document) described by `title`.
    init(title: String, fileName: String) {
        alt = title
        target = Self.encoded(fileName)
    }

    /// Reads `line` as an image link alone on its line (surrounding spaces aside); nil otherwise.
    /// An optional `"title"` after the target and `<…>` around it are allowed, as CommonMark does.
    init?(parsing line: String) {
        let text = line.trimmingSpaces
        guard text.hasPrefix("!["), text.hasSuffix(")") else { return nil }
        // The alt text ends at the first `](` not escaped by a backslash.
        var alt = ""
        var index = text.index(text.startIndex, offsetBy: 2)
        var escaped = false
        while index < text.endIndex {
            let character = text[index]
            if escaped {
                alt.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "]" {
                break
            } else {
                alt.append(character)
            }
            index = text.index(after: index)
        }
        let rest = text[index...]
        guard rest.hasPrefix("](") else { return nil }
        var destination = String(rest.dropFirst(2).dropLast()).trimmingSpaces
        if destination.hasPrefix("<"), let close = destination.firstIndex(of: ">") {
            destination = String(destination[destination.index(after: destination.startIndex)..<close])
        } else if let space = destination.firstIndex(where: { $0 == " " || $0 == "\t" }) {
            destination = String(destination[..<space])
        }
        guard !destination.isEmpty else { return nil }
        self.alt = alt
        target = destination
    }

    /// The link as written into the document.
    var markdown: String {
        var escapedAlt = ""
        for character in alt {
            switch character {
            case "\\", "[", "]": escapedAlt += "\\" + String(character)
            case "\n", "\r", "\t": escapedAlt += " "
            default: escapedAlt.append(character)
            }
        }
        return "![\(escapedAlt)](\(target))"
    }

    /// `name` with the characters a link destination cannot hold as they are percent-encoded;
    /// letters of every script stay readable (GitHub, GitLab and mkdocs take them as written).
    static func encoded(_ name: String) -> String {
        // Bytes of non-ASCII scalars are all 0x80 or above, so they stay as written.
        PercentEncoding.encoded(name) { byte in
            byte >= 0x21 && byte != 0x7F && !" %()<>[]#?\\\"'".utf8.contains(byte)
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
