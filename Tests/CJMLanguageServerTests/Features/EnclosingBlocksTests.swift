@testable import CJMLanguageServer
import CJMSyntax
import Testing

/// Where the cursor stands while a block's `}` is not typed yet: the parser ends the block
/// where indentation does, so the statements after it are not taken for its children.
@Suite struct EnclosingBlocksTests {
    static let text = """
    journey "Мебель" {
      pipeline кресла "Кресла" {
        stage новая "Новая"

      touchpoint звонок "Звонок"
      channel сайт "Сайт"
    }
    """

    func chain(atLine line: Int, column: Int) -> [String] {
        let source = SourceFile(path: "t.cjm", text: Self.text)
        let syntax = Parser.parse(source).syntax
        let offset = TextPosition(line: line, character: column).offset(in: source)
        return EnclosingBlocks.chain(at: offset, in: syntax.statements).map(\.keyword.name)
    }

    @Test func theBlankLineInTheUnclosedPipelineIsInsideIt() {
        #expect(chain(atLine: 3, column: 4) == ["journey", "pipeline"])
        #expect(chain(atLine: 2, column: 4) == ["journey", "pipeline"])
    }

    @Test func theLinesAfterItAreInTheJourney() {
        #expect(chain(atLine: 4, column: 2) == ["journey"])
        #expect(chain(atLine: 5, column: 20) == ["journey"])
    }
}
