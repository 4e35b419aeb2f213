import Testing
@testable import CJMModel
@testable import CJMGraphviz

/// The checker's URL policy (CJMModel) and the renderer's (`SafeURL`, CJMGraphviz) are two
/// pieces of code, as no stage imports another's: every URL `cjm check` accepts must also be
/// accepted when it is drawn, or a checked file fails to render (an empty `url: ""` once did).
@Suite struct URLPolicyAgreementTests {
    /// Schemes, separators, whitespace, controls and casings combined into a few thousand URLs.
    static var urls: [String] {
        let heads = ["", "http", "HTTPS", "mailto", "tel", "javascript", "JaVaScRiPt", "data", "vbscript", "file", "a\\b", "x y", "ht\ttp", "ftp"]
        let joins = ["", ":", "://", ":/", "//", "/", "\\", "\\\\", "?", "#", " :", ": "]
        let tails = ["", "example.com", "/pay", "a b", "\"q\"", "<b>", "%", "%2", "%41", "&x=1", "]]>", "\n", "\t", "\u{0}", "\u{7F}", "ж", "\u{202E}"]
        let leads = ["", " ", "\t", "\n", "\u{1}", "/", "\\"]
        var all: [String] = []
        for lead in leads { for head in heads { for join in joins { for tail in tails { all.append(lead + head + join + tail) } } } }
        return all
    }

    @Test func everyURLTheCheckerAcceptsTheRendererAccepts() {
        var accepted = 0
        for url in Self.urls where URLPolicy.problem(with: url) == nil {
            accepted += 1
            #expect(SafeURL.forGraphviz(url) != nil, "checker accepts \(url.debugDescription), the renderer refuses it")
        }
        // The set is not vacuous: many pass, many do not.
        #expect(accepted > 500)
        #expect(accepted < Self.urls.count / 2)
    }

    @Test(arguments: ["", " /pay", "ht\ttp://x", "a\\b:c", "\t/x", "/x\n", "\\\\evil.example", "/\\evil.example"])
    func theDriftsOfIssue20AreRefusedByTheChecker(url: String) {
        #expect(URLPolicy.problem(with: url) != nil)
    }
}
