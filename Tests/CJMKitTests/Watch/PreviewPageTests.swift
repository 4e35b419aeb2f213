@testable import CJMKit
import CJMMaps
import Testing

/// The page's HTML: user text escaped, the map inlined, words in the journey's language.
struct PreviewPageTests {
    @Test func titlesLabelsAndErrorsAreEscapedAndTheViewCannotEndTheScript() {
        let menu = PreviewState.Menu(title: "A & <b>\"B\"</b>", maps: [.init(name: "flow", label: "flow"), .init(name: "v", label: "<i>V</i>")],
                                     language: .english)
        let html = PreviewPage.html(view: "</script><script>alert(1)</script>", menu: menu,
                                    shown: .init(map: nil, failure: "x.cjm:1:1: error: `<` here & there"))
        #expect(html.contains("<title>A &amp; &lt;b&gt;&quot;B&quot;&lt;/b&gt; — cjm watch</title>"))
        #expect(html.contains("&lt;i&gt;V&lt;/i&gt; (v)</option>"))
        #expect(html.contains("x.cjm:1:1: error: `&lt;` here &amp; there"))
        #expect(!html.contains("</script><script>alert(1)"))
        #expect(html.contains("\"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\""))
        #expect(html.contains("No map yet"))
    }

    @Test func theMapIsInlinedAndTheWordsFollowTheJourneysLanguage() {
        let menu = PreviewState.Menu(title: "Путь", maps: [.init(name: "flow", label: "flow"), .init(name: "board", label: "board")],
                                     language: .russian)
        let html = PreviewPage.html(view: "board", menu: menu, shown: .init(map: .init(revision: 3, svg: "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg id=\"x\"></svg>\n")))
        #expect(html.contains("<html lang=\"ru\">"))
        #expect(html.contains("<option value=\"board\" selected>Доска по фазам (board)</option>"))
        #expect(html.contains("<div id=\"cjm-map\" class=\"cjm-fit\" title=\"Щелчок: по ширине окна или в натуральную величину\"><svg id=\"x\"></svg>"))
        #expect(!html.contains("<?xml") && !html.contains("<!DOCTYPE svg"))
        #expect(html.contains("<pre id=\"cjm-failure\" hidden>"))
    }
}
