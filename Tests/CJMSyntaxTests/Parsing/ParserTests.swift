import Testing
@testable import CJMSyntax

@Suite struct ParserTests {
    @Test func threeStatementShapes() {
        let result = parse("fill: \"#ffcc00\"\na.b -> c\nstage x")
        #expect(result.diagnostics.isEmpty)
        let statements = result.syntax.statements
        guard case .property(let fill) = statements[0], case .edge(let edge) = statements[1], case .element(let stage) = statements[2] else {
            Issue.record("wrong shapes: \(statements)")
            return
        }
        #expect(fill.name.name == "fill")
        #expect(fill.value == .string(StringLiteral("#ffcc00", range: fill.value.range)))
        #expect(edge.from.components == ["a", "b"])
        #expect(stage.id?.name == "x")
    }

    @Test func idComesFirstThenFlagsInAnyOrderWithLabelAndAttributes() throws {
        let result = parse(#"stage "Успешно" won count: 5 final lost"#)
        #expect(result.diagnostics.isEmpty)
        let stage = try #require(elements(result.syntax.statements).first)
        #expect(stage.id?.name == "won")
        #expect(stage.label?.value == "Успешно")
        #expect(stage.flags.map(\.name) == ["final", "lost"])
        #expect(stage.attributes.map(\.name.name) == ["count"])
    }

    @Test func elementRangeRunsFromKeywordToLastTokenOrClosingBrace() throws {
        let result = parse("  stage x \"Лид\" count: 12  # note\nsite {\n  page a\n}")
        let parsed = elements(result.syntax.statements)
        #expect(result.start(parsed[0].range).column == 3)
        #expect(result.end(parsed[0].range).column == 26)
        #expect(result.end(parsed[1].range).line == 4 && result.end(parsed[1].range).column == 2)
        let body = try #require(parsed[1].body)
        #expect(result.start(body.range).line == 2 && result.start(body.range).column == 6)
    }

    @Test func elementRangeEndsAtWhicheverPartComesLast() throws {
        // The range is derived from the parts, so it must end at the last one whatever its kind,
        // and at the brace of a block left unclosed at the end of the file.
        let result = parse("stage s count: 5 \"Этап\"\nstage t \"Этап\" won\nstage u won count: 7\npipeline p {\n  stage v")
        let parsed = elements(result.syntax.statements)
        #expect(parsed.map { result.end($0.range).column } == [24, 19, 21, 10])
        #expect(parsed.map { result.end($0.range).line } == [1, 2, 3, 5])
        #expect(parsed.allSatisfy { result.start($0.range).column == 1 })
    }

    @Test func blockOnOneLine() throws {
        let result = parse(#"site { page home "Главная" }"#)
        #expect(result.diagnostics.isEmpty)
        let site = try #require(elements(result.syntax.statements).first)
        let siteBody = try #require(site.body)
        let page = try #require(elements(siteBody.statements).first)
        #expect(page.id?.name == "home")
        #expect(page.label?.value == "Главная")
    }

    @Test func semicolonsSeparateStatements() {
        let result = parse("phase a; phase b;phase c")
        #expect(result.diagnostics.isEmpty)
        #expect(elements(result.syntax.statements).compactMap(\.id?.name) == ["a", "b", "c"])
    }

    @Test func valueKinds() throws {
        let result = parse(#"x a: b.c s: "т" n: -2 p: 40% d: 2h l: ads, repair.done, "z""#)
        #expect(result.diagnostics.isEmpty)
        let x = try #require(elements(result.syntax.statements).first)
        let values = x.attributes.map(\.value)
        guard case .reference(let ref) = values[0], case .string(let s) = values[1],
              case .number(-2, false, _) = values[2], case .number(40, true, _) = values[3],
              case .duration(2, .hours, _) = values[4], case .list(let items, let listRange) = values[5] else {
            Issue.record("unexpected values \(values)")
            return
        }
        #expect(ref.components == ["b", "c"])
        #expect(s.value == "т")
        #expect(items.count == 3)
        #expect(result.start(listRange).column == 39 && result.end(listRange).column == 60)
    }

    @Test func listMayBreakAfterAComma() throws {
        let result = parse("view v show: ads,\n   repair\nconvert -> a,\n  b")
        #expect(result.diagnostics.isEmpty)
        let view = try #require(elements(result.syntax.statements).first)
        guard case .list(let items, _) = view.attributes.first?.value else {
            Issue.record("show: should be a list")
            return
        }
        #expect(items.count == 2)
        #expect(edges(result.syntax.statements).first?.targets.map(\.text) == ["a", "b"])
    }

    @Test func trailingCommaDoesNotSwallowTheNextStatement() {
        let result = parse("  view v show: ads,\n  phase p\n  a -> b,\n  phase q")
        #expect(locations(result.diagnostics) == ["E010@1:20", "E010@3:10"])
        #expect(result.diagnostics[0].message == "expected a value after 'show:', found the end of the line")
        #expect(elements(result.syntax.statements).compactMap(\.id?.name) == ["v", "p", "q"])
    }

    @Test func edgeWithLabelAndAttributes() throws {
        let result = parse(#"email -> manual, home "ссылка" style: dashed count: 3"#)
        #expect(result.diagnostics.isEmpty)
        let edge = try #require(edges(result.syntax.statements).first)
        #expect(edge.targets.map(\.text) == ["manual", "home"])
        #expect(edge.label?.value == "ссылка")
        #expect(edge.attributes.map(\.name.name) == ["style", "count"])
        #expect(result.start(edge.range).column == 1 && result.end(edge.range).column == 54)
    }

    @Test func emptyFileHasNoStatements() {
        let result = parse("")
        #expect(result.diagnostics.isEmpty)
        #expect(result.syntax.statements.isEmpty)
        #expect(parse("\n\n  # only a comment\n").syntax.statements.isEmpty)
    }
}
