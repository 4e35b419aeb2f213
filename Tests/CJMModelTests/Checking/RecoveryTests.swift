import Foundation
import Testing
import CJMSyntax
import CJMModel

/// One structural mistake in a real journey gives at most two errors from the whole check,
/// the first at its cause: every `}` and every `{` of the templates and the spec example left
/// out in turn, and every line's first and last string left unclosed or unopened in turn.
@Suite struct RecoveryTests {
    static let journeys: [String] = ["templates/online-store.cjm", "templates/service-center.cjm", "templates/blank.cjm", "Tests/Fixtures/spec-example.cjm"]

    static func read(_ path: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The errors of checking `text`, as `E011@58:86` (line and column from 1).
    func errors(_ text: String) -> (CheckResult, [Diagnostic]) {
        let result = check(text)
        return (result, result.diagnostics.filter { $0.severity == .error })
    }

    /// For each line that holds only `}`, the line and column (in characters) of the `{` it closes.
    static func openingBraces(_ lines: [Substring]) -> [Int: (line: Int, column: Int)] {
        var open: [(line: Int, column: Int)] = []
        var matches: [Int: (line: Int, column: Int)] = [:]
        for (index, line) in lines.enumerated() {
            var inString = false
            var escaped = false
            for (column, character) in line.unicodeScalars.enumerated() {
                if inString {
                    if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                    continue
                }
                if character == "#" { break }
                if character == "\"" { inString = true }
                if character == "{" { open.append((index + 1, column + 1)) }
                if character == "}", let opening = open.popLast(), line.trimmingCharacters(in: .whitespaces) == "}" {
                    matches[index + 1] = opening
                }
            }
        }
        return matches
    }

    @Test(arguments: journeys) func eachMissingBraceIsOneErrorAtItsBlock(path: String) throws {
        let text = try Self.read(path)
        #expect(errors(text).1.isEmpty, "\(path) checks clean as written")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let braces = Self.openingBraces(lines)
        #expect(braces.count >= 8, "\(path) has blocks to take braces from")
        for (number, opening) in braces.sorted(by: { $0.key < $1.key }) {
            var broken = lines
            broken.remove(at: number - 1)
            let (result, found) = errors(broken.joined(separator: "\n"))
            let place = "\(path) without the '}' of line \(number)"
            #expect((1...2).contains(found.count), "\(place): \(found.map(\.message))")
            guard let first = found.first else { continue }
            #expect(first.code == .unclosedBlock && first.range.start.line == opening.line && first.range.start.column == opening.column,
                    "\(place): \(first.code.rawValue)@\(first.range.start.line):\(first.range.start.column) \(first.message)")
            // The note points at the line that now stands where the `}` was (comments and blank
            // lines are skipped); the journey's own `}` was the last line, with nothing after it.
            guard let next = broken[(number - 1)...].firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }) else { continue }
            #expect(first.notes.first?.range?.start.line == next + 1, "\(place): \(first.notes.map(\.message))")
            // The partial journey is still built, for the language server and later errors.
            #expect(result.journey != nil, "\(place)")
        }
    }

    @Test(arguments: journeys) func eachUnclosedStringIsOneErrorOnItsLine(path: String) throws {
        let text = try Self.read(path)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var tried = 0
        for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            // The closing quotes of the line's first and last strings (no escapes in these files).
            let quotes = line.indices.filter { line[$0] == "\"" }
            guard quotes.count >= 2 else { continue }
            for closing in Set([quotes[1], quotes[quotes.count - 1]]) {
                var broken = lines
                var changed = line
                changed.remove(at: closing)
                broken[index] = changed
                let (_, found) = errors(broken.joined(separator: "\n"))
                let place = "\(path) line \(index + 1) without the quote at character \(line.distance(from: line.startIndex, to: closing) + 1)"
                #expect((1...2).contains(found.count), "\(place): \(found.map(\.message))")
                #expect(found.first?.code == .unterminatedString && found.first?.range.start.line == index + 1, "\(place): \(found.map(\.message))")
                tried += 1
            }
        }
        #expect(tried >= 30)
    }

    @Test(arguments: journeys) func eachMissingOpeningBraceIsOneErrorAtItsLine(path: String) throws {
        let text = try Self.read(path)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var tried = 0
        for (index, line) in lines.enumerated() where line.hasSuffix(" {") && !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            var broken = lines
            broken[index] = line.dropLast(2)
            let (_, found) = errors(broken.joined(separator: "\n"))
            let place = "\(path) without the '{' of line \(index + 1)"
            #expect((1...2).contains(found.count), "\(place): \(found.map(\.message))")
            // At the end of the line, where the `{` belongs.
            #expect(found.first?.code == .unmatchedCloseBrace && found.first?.range.start.line == index + 1
                        && found.first?.range.start.column == broken[index].unicodeScalars.count + 1,
                    "\(place): \(found.map { "\($0.code.rawValue)@\($0.range.start.line):\($0.range.start.column) \($0.message)" })")
            tried += 1
        }
        #expect(tried >= 8)
    }

    @Test(arguments: journeys) func eachUnopenedStringIsOneErrorOnItsLine(path: String) throws {
        let text = try Self.read(path)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var tried = 0
        for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            // The opening quote of the line's first string, when it is the element's label (after
            // the keyword and id, before any attribute) and made of words: punctuation in an
            // unquoted label (a comma, a number) reads as tokens of its own, reported before the quote
            // is reached.
            let quotes = line.indices.filter { line[$0] == "\"" }
            guard quotes.count >= 2, !line[..<quotes[0]].contains(":"), !line[..<quotes[0]].contains("->"),
                  line[line.index(after: quotes[0])..<quotes[1]].allSatisfy({ $0.isLetter || $0 == " " }) else { continue }
            var broken = lines
            var changed = line
            changed.remove(at: quotes[0])
            broken[index] = changed
            let (_, found) = errors(broken.joined(separator: "\n"))
            let place = "\(path) line \(index + 1) without its label's opening quote"
            #expect((1...2).contains(found.count), "\(place): \(found.map(\.message))")
            #expect(found.contains { $0.code == .unterminatedString && $0.range.start.line == index + 1 }, "\(place): \(found.map(\.message))")
            #expect(found.first?.range.start.line == index + 1, "\(place): \(found.map(\.message))")
            tried += 1
        }
        #expect(tried >= 20)
    }

    @Test func theIssuesExamplesAreOneErrorEach() throws {
        // The pipeline `orders` of the online store without its `}`: once 11 errors.
        let text = try Self.read("templates/online-store.cjm")
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let pipeline = try #require(lines.firstIndex { $0.hasPrefix("  pipeline orders") })
        let close = try #require(lines[pipeline...].firstIndex { $0 == "  }" })
        lines.remove(at: close)
        let (_, brace) = errors(lines.joined(separator: "\n"))
        #expect(brace.map(\.code) == [.unclosedBlock])
        #expect(brace.first?.range.start.line == pipeline + 1)
        // At the next pipeline, after the blank line that followed the `}`.
        #expect(brace.first?.notes.first?.range?.start.line == close + 2)
        #expect(lines[close + 1].hasPrefix("  pipeline filters"))

        // A stage's label without its closing quote before the stage's `{`: once 17 errors.
        let quoted = text.replacingOccurrences(of: "\"Заказ оформлен\"", with: "\"Заказ оформлен")
        let (_, quote) = errors(quoted)
        #expect(quote.map(\.code) == [.unterminatedString])
    }
}
