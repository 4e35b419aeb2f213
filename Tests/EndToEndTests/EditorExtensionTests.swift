import Foundation
import Testing

/// The VS Code extension in editors/vscode: its JSON files, the files its manifest names, and
/// the TextMate grammar run by a real TextMate tokenizer over the templates.
@Suite struct EditorExtensionTests {
    static let folder = repositoryRoot.appendingPathComponent("editors/vscode")

    static func json(_ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent(name))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(name) is a JSON object")
    }

    @Test func theManifestRegistersTheLanguageAndNamesFilesThatExist() throws {
        let manifest = try Self.json("package.json")
        let contributes = try #require(manifest["contributes"] as? [String: Any])
        let languages = contributes["languages"] as? [[String: Any]] ?? []
        #expect(languages.first?["id"] as? String == "cjm")
        #expect(languages.first?["extensions"] as? [String] == [".cjm"])
        let grammars = contributes["grammars"] as? [[String: Any]] ?? []
        #expect(grammars.first?["scopeName"] as? String == "source.cjm")
        var named = [manifest["main"] as? String, languages.first?["configuration"] as? String, grammars.first?["path"] as? String]
        named += (manifest["files"] as? [String] ?? []).map(Optional.some)
        for path in named {
            let path = try #require(path)
            #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(path).path), "\(path) exists")
        }
        // The client starts the server as `cjm lsp`.
        let client = try String(contentsOf: Self.folder.appendingPathComponent("extension.js"), encoding: .utf8)
        #expect(client.contains(#"args: ["lsp"]"#))
        #expect((manifest["dependencies"] as? [String: Any])?["vscode-languageclient"] != nil)

        let configuration = try Self.json("language-configuration.json")
        #expect((configuration["comments"] as? [String: Any])?["lineComment"] as? String == "#")
        #expect(configuration["brackets"] as? [[String]] == [["{", "}"]])
        let pairs = configuration["autoClosingPairs"] as? [[String: Any]] ?? []
        #expect(pairs.contains { $0["open"] as? String == "\"" })
    }

    /// `[line, column, text, scopes]` of every token of `files`, from textmate-grammar-python
    /// (installed from PyPI when missing; the test is skipped, saying why, when it cannot be).
    static func tokens(_ files: [URL]) throws -> [(file: String, line: Int, column: Int, text: String, scopes: [String])] {
        let check = try ExternalProgram.run(["python3", "-c", "import textmate_grammar"])
        if check.status != 0 {
            let install = try ExternalProgram.run(["python3", "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                                                   "--timeout", "20", "--retries", "1", "textmate-grammar-python"], timeout: 240)
            guard install.status == 0 else {
                try Test.cancel("textmate-grammar-python is not installed and PyPI could not provide it: \(install.output.suffix(300))")
            }
        }
        let run = try ExternalProgram.run(["python3", folder.appendingPathComponent("test/tokenize-textmate.py").path,
                                           folder.appendingPathComponent("syntaxes/cjm.tmLanguage.json").path] + files.map(\.path))
        try #require(run.status == 0, "the tokenizer ran: \(run.output.suffix(500))")
        return try run.output.split(separator: "\n").map { line in
            let item = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [Any]
            return (item[0] as! String, item[1] as! Int, item[2] as! Int, item[3] as! String, item[4] as! [String])
        }
    }

    @Test func theGrammarScopesEveryKindOfToken() throws {
        let tokens = try Self.tokens([Self.folder.appendingPathComponent("test/sample.cjm")])
        func scopes(_ text: String, line: Int) -> [String] {
            tokens.first { $0.line == line && $0.text == text }?.scopes ?? ["(no token \(text) on line \(line))"]
        }
        #expect(scopes("# Every kind of token the grammar colours, on one page.", line: 0) == ["comment.line.number-sign.cjm"])
        #expect(scopes("journey", line: 1) == ["keyword.other.element.cjm"])
        #expect(scopes("\\\"", line: 1) == ["string.quoted.double.cjm", "constant.character.escape.cjm"])
        // Adjacent tokens of the same scopes come out as one.
        #expect(scopes("\\u{1F6CB}\\t", line: 1) == ["string.quoted.double.cjm", "constant.character.escape.cjm"])
        #expect(scopes("\\\\", line: 1) == ["string.quoted.double.cjm", "constant.character.escape.cjm"])
        #expect(scopes("theme", line: 1) == ["variable.parameter.attribute.cjm"])
        #expect(scopes("звонки", line: 2) == ["entity.name.type.id.cjm"], "a Cyrillic id")
        #expect(scopes("1200", line: 2) == ["constant.numeric.cjm"])
        #expect(scopes("3.5", line: 3) == ["constant.numeric.cjm"])
        #expect(scopes("40%", line: 3) == ["constant.numeric.percentage.cjm"])
        #expect(scopes("stage", line: 4) == ["keyword.other.element.cjm"], "a statement after `;`")
        #expect(tokens.filter { $0.line == 4 && $0.text == "won" }.map(\.scopes) == [["entity.name.type.id.cjm"], ["constant.language.flag.cjm"]],
                "the first `won` is the stage's id, the second its flag")
        #expect(scopes("lost", line: 5) == ["constant.language.flag.cjm"])
        #expect(scopes("2h", line: 6) == ["constant.numeric.duration.cjm"])
        #expect(scopes("-1", line: 9) == ["constant.numeric.cjm"])
        #expect(scopes("page", line: 10) == ["keyword.other.element.cjm"], "a statement after `{`")
        #expect(scopes("->", line: 11) == ["keyword.operator.arrow.cjm"])
        #expect(scopes("диваны.новый", line: 11) == ["variable.other.reference.cjm"])
        #expect(scopes("dashed", line: 11) == ["variable.other.reference.cjm"])
    }

    @Test func everyTokenOfTheTemplatesHasAScope() throws {
        let templates = try FileManager.default.contentsOfDirectory(at: repositoryRoot.appendingPathComponent("templates"),
                                                                    includingPropertiesForKeys: nil).filter { $0.pathExtension == "cjm" }
        try #require(templates.count >= 3)
        let tokens = try Self.tokens(templates)
        let bare = tokens.filter { $0.scopes.isEmpty && !$0.text.allSatisfy(\.isWhitespace) }
        #expect(bare.isEmpty, "unscoped: \(bare.prefix(5).map { "\($0.file):\($0.line + 1): \($0.text)" })")
        // Every arrow of the templates is an operator; every `#` line a comment.
        #expect(tokens.filter { $0.text.contains("->") }.allSatisfy { $0.scopes.contains("keyword.operator.arrow.cjm") || $0.scopes.first?.hasPrefix("string") == true || $0.scopes.first?.hasPrefix("comment") == true })
        #expect(tokens.contains { $0.scopes == ["comment.line.number-sign.cjm"] })
    }
}
