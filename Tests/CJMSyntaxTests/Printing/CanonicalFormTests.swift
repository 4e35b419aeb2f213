import Testing
@testable import CJMSyntax

@Suite("Canonical form")
struct CanonicalFormTests {
    /// The canonical text of `text`, which must parse without errors.
    private func canonical(_ text: String) -> String {
        let parsed = parse(text)
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        return CanonicalForm.text(of: parsed.syntax, source: parsed.source)
    }

    /// Every comment's text, trailing spaces dropped, in order.
    private func comments(_ text: String) -> [String] {
        parse(text).syntax.trivia.comments.map { comment in
            var text = Substring(comment.text)
            while text.last == " " { text.removeLast() }
            return String(text)
        }
    }

    @Test func commentsStayWhereTheyWereWrittenAndBlocksSpreadOut() {
        let messy = """


        # header comment
        journey "Тест 😀" {   # after the brace
          crm bitrix "Битрикс24"   # trailing


          channel calls "Звонки" kind: phone count: 420 ; channel tg "TG" kind: messenger  # after tg
          leads { stage new "Новый" count: 10; stage q "Квал" count: 5 }
          pipeline repair "Ремонт" {
            # above the stage
            stage new "Н"
            stage lost "П" lost {}
            # at the end of the block
          }  # after the closing brace
          view v "Вид" show: channels,  # inside a list
              repair
          calls -> repair.new "ссылка"   # on an edge
          style channel {
            fill: "#ffe14d"  # on a property
          }
        }
        # at the end


        """
        let expected = """
        # header comment
        journey "Тест 😀" {  # after the brace
          crm bitrix "Битрикс24"  # trailing

          channel calls "Звонки" kind: phone count: 420
          channel tg    "TG"     kind: messenger  # after tg
          leads {
            stage new "Новый" count: 10
            stage q   "Квал"  count: 5
          }
          pipeline repair "Ремонт" {
            # above the stage
            stage new  "Н"
            stage lost "П" lost {}
            # at the end of the block
          }  # after the closing brace
          # inside a list
          view v "Вид" show: channels, repair
          calls -> repair.new "ссылка"  # on an edge
          style channel {
            fill: "#ffe14d"  # on a property
          }
        }
        # at the end

        """
        #expect(canonical(messy) == expected)
        #expect(canonical(expected) == expected)
        #expect(comments(expected) == comments(messy))
    }

    @Test func literalsAreKeptAsWrittenAndReferencesLoseTheirSpaces() {
        let text = "journey \"J\" {\n  touchpoint t \"Т\" emotion: -1 count: 40% {\n    auto a \"\\\"Э\\\"\" after: 1.5h\n  }\n  t -> a . b\n}\n"
        let result = canonical(text)
        #expect(result.contains("emotion: -1 count: 40%"))
        #expect(result.contains("auto a \"\\\"Э\\\"\" after: 1.5h"))
        #expect(result.contains("  t -> a.b\n"))
    }

    @Test func paddingNeverPushesALinePastOneHundredColumns() {
        let long = String(repeating: "д", count: 60)
        let text = """
        journey "J" {
          page a "\(long)" url: "/a"
          page much_longer_id "B" url: "/b" phase: consideration count: 1000 kind: something_long
        }
        """
        let lines = canonical(text).split(separator: "\n")
        // The second line would cross 100 columns with its attributes moved past the long label:
        // it gives up that padding but keeps its label in the column.
        #expect(lines[1] == "  page a              \"\(long)\" url: \"/a\"")
        #expect(lines[2] == "  page much_longer_id \"B\" url: \"/b\" phase: consideration count: 1000 kind: something_long")
        #expect(lines.allSatisfy { $0.count <= CanonicalForm.lineWidth })
    }

    @Test func blankLinesAndElementsWithBlocksBreakTheColumns() {
        let text = """
        journey "J" {
          phase a "A"
          phase longer "B"

          phase c "C"
          ads y "Y" {
            campaign c "К" { group g "Г" { ad x "X" } }
            campaign long_campaign "К2"
          }
        }
        """
        let result = canonical(text)
        #expect(result.contains("  phase a      \"A\"\n  phase longer \"B\"\n\n  phase c \"C\"\n"))
        #expect(result.contains("    campaign c \"К\" {\n"))
        #expect(result.contains("    campaign long_campaign \"К2\"\n"))
    }

    @Test func commentLinesKeepTheColumnsOfTheirNeighbours() {
        let text = """
        journey "J" {
          channel a "A" kind: phone
          # cjm-ignore W002 — a reason
          channel longer "B" kind: email crm: manual
          channel c "C"   # cjm-ignore W009
        }
        """
        #expect(canonical(text) == """
            journey "J" {
              channel a      "A" kind: phone
              # cjm-ignore W002 — a reason
              channel longer "B" kind: email crm: manual
              channel c      "C"  # cjm-ignore W009
            }

            """)
    }

    @Test func lintAndFiguresLinesPrintAsWritten() {
        let text = """
        journey "J" {
          lint   ignore: W012 ,empty-phase   min_conversion: 20%
          figures   "counts.csv"
        }
        """
        #expect(canonical(text) == """
            journey "J" {
              lint ignore: W012, empty-phase min_conversion: 20%
              figures "counts.csv"
            }

            """)
    }

    @Test func formattingTwiceChangesNothingAndKeepsEveryCommentOfALargeJourney() {
        let text = generatedJourney(bytes: 40_000)
        let once = canonical(text)
        #expect(canonical(once) == once)
        #expect(comments(once) == comments(text))
        #expect(!comments(text).isEmpty)
    }

    @Test func anEmptyFileStaysEmpty() {
        #expect(canonical("") == "")
        #expect(canonical("\n\n# only a comment\n\n") == "# only a comment\n")
    }
}
