import Foundation
import Testing

/// `cjm watch` end to end: the real binary serving on loopback, its page and event stream
/// fetched with plain sockets, the journey edited on disk as an editor saves it.
@Suite("cjm watch", .serialized)
struct WatchCommandTests {
    static let journey = """
        journey "Проверка превью" {
          channel calls "Звонки" kind: phone
          leads "Лиды" {
            stage new "Новый лид"
            stage won "Сделка" won
          }
        }

        """

    /// A folder with `journey.cjm` (and `files`), removed by the caller.
    static func folder(_ text: String = journey, files: [String: String] = [:]) throws -> URL {
        let folder = try makeScratchFolder()
        try text.write(to: folder.appendingPathComponent("journey.cjm"), atomically: false, encoding: .utf8)
        for (name, contents) in files { try contents.write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8) }
        return folder
    }

    /// Writes `text` over `name` in place, as most editors save.
    static func save(_ text: String, to name: String = "journey.cjm", in folder: URL) throws {
        try text.write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
    }

    @Test func servesThePageAndItsEventsFollowsEditsShowsErrorsAboveTheLastGoodMapAndStopsOnCtrlC() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watch = try WatchProcess(["journey.cjm"], in: folder)
        #expect(watch.waitForStderr("drew flow"))

        let page = try LoopbackHTTP.get("/", port: watch.port)
        #expect(page.status == 200)
        #expect(page.headers.lowercased().contains("content-type: text/html; charset=utf-8"))
        #expect(page.body.contains("<svg") && page.body.contains("Звонки"), "the page arrives with the map in it")
        #expect(page.body.contains("new EventSource(\"/events?view=\""))
        #expect(page.body.contains("<option value=\"board\""), "the menu offers the board")

        let events = try EventStreamReader(path: "/events", port: watch.port)
        let menu = try #require(events.next(named: "menu"))
        #expect(menu.data.contains("\"title\":\"Проверка превью\"") && menu.data.contains("[\"board\","))
        let first = try #require(events.next(named: "map"))
        #expect(events.head.lowercased().contains("content-type: text/event-stream"))
        #expect(first.data.hasPrefix("<svg") && first.data.contains("Звонки"))

        try Self.save(Self.journey.replacingOccurrences(of: "\"Звонки\"", with: "\"Входящие звонки\""), in: folder)
        let edited = try #require(events.next(named: "map"), "a save brings a new map without asking")
        #expect(edited.data.contains("Входящие звонки"))
        #expect(Int(edited.id ?? "") ?? 0 > Int(first.id ?? "") ?? 0)

        try Self.save(Self.journey.replacingOccurrences(of: "kind: phone", with: "kind: phon"), in: folder)
        let failure = try #require(events.next(named: "failure"))
        #expect(failure.data.contains("journey.cjm:2:32: error[E031]: `phon` is not a valid `kind:`"))
        #expect(failure.data.contains("did you mean `phone`?"))
        #expect(failure.data.contains("    2 |   channel calls \"Звонки\" kind: phon"), "the source line, as in the terminal")
        #expect(failure.data.contains("^~~~"), "and the caret")
        #expect(watch.waitForStderr("error[E031]"), "the terminal shows the same diagnostic")
        let kept = try LoopbackHTTP.get("/map.svg", port: watch.port)
        #expect(kept.status == 200 && kept.body.contains("Входящие звонки"), "the last good map stays served")
        let pageWithError = try LoopbackHTTP.get("/", port: watch.port)
        #expect(pageWithError.body.contains("error[E031]") && pageWithError.body.contains("Входящие звонки"),
                "a page opened now shows the error above the last good map")

        #expect(watch.interrupt() == 0, "Ctrl-C ends it with exit 0: \(watch.stderr)")
        #expect(watch.stderr.contains("cjm watch: stopped"))
    }

    @Test func menuSwitchesToTheBoardAndToNamedViews() throws {
        let folder = try Self.folder(Self.journey.replacingOccurrences(of: "\n}\n", with: "\n  view only_leads \"Только лиды\" show: leads\n}\n"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let watch = try WatchProcess(["journey.cjm"], in: folder)
        let board = try EventStreamReader(path: "/events?view=board", port: watch.port)
        let boardMap = try #require(board.next(named: "map"))
        #expect(boardMap.data.contains("id=\"board\""), "the board is drawn for a page that asks for it")
        let view = try EventStreamReader(path: "/events?view=only_leads", port: watch.port)
        let viewMap = try #require(view.next(named: "map"))
        #expect(viewMap.data.contains("Новый лид") && !viewMap.data.contains("Звонки"))
        let page = try LoopbackHTTP.get("/?view=only_leads", port: watch.port)
        #expect(page.body.contains("<option value=\"only_leads\" selected>Только лиды (only_leads)</option>"))
        let missing = try EventStreamReader(path: "/events?view=nope", port: watch.port)
        let failure = try #require(missing.next(named: "failure"))
        #expect(failure.data.contains("no view 'nope'"))
        #expect(watch.interrupt() == 0)
    }

    @Test func answersOnLoopbackOnlyAndOnlyToLoopbackNames() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watch = try WatchProcess(["journey.cjm"], in: folder)
        #expect(try LoopbackHTTP.get("/", port: watch.port).status == 200)
        #expect(try LoopbackHTTP.get("/", port: watch.port, host: "localhost:\(watch.port)").status == 200)
        #expect(try LoopbackHTTP.get("/", port: watch.port, host: "attacker.example").status == 403,
                "a name pointed at 127.0.0.1 by someone else's page is refused")
        let others = Self.ownAddresses().filter { !$0.hasPrefix("127.") }
        for address in others {
            #expect(throws: LoopbackHTTP.IOFailure.self, "nothing listens on \(address)") {
                let socket = try LoopbackHTTP.connect(port: watch.port, address: address, timeout: 2)
                close(socket)
            }
        }
        if others.isEmpty { print("note: this machine has no IPv4 address but loopback; only the Host check was tested") }
        #expect(watch.interrupt() == 0)
    }

    @Test func answersGetOnlyAndRefusesWhatIsNotHTTPWithAStatus() throws {
        let folder = try Self.folder(Self.journey.replacingOccurrences(of: "\n}\n", with: "\n  view только_лиды \"Только лиды\" show: leads\n}\n"))
        defer { try? FileManager.default.removeItem(at: folder) }
        let watch = try WatchProcess(["journey.cjm"], in: folder)
        // A Cyrillic view name in the query, percent-encoded as the page's encodeURIComponent writes it.
        let encoded = "%D1%82%D0%BE%D0%BB%D1%8C%D0%BA%D0%BE_%D0%BB%D0%B8%D0%B4%D1%8B"
        let events = try EventStreamReader(path: "/events?view=\(encoded)", port: watch.port)
        let map = try #require(events.next(named: "map"))
        #expect(map.data.contains("Новый лид") && !map.data.contains("Звонки"), "the view the query names is drawn")
        let host = "Host: 127.0.0.1:\(watch.port)\r\n"
        let post = try LoopbackHTTP.exchange("POST / HTTP/1.1\r\n\(host)Content-Length: 5\r\n\r\nhello", port: watch.port)
        #expect(post.status == 405 && post.headers.contains("Allow: GET"), "\(post.headers)")
        #expect(try LoopbackHTTP.exchange("GET /\r\n\r\n", port: watch.port).status == 400)
        #expect(try LoopbackHTTP.exchange("GET / HTTP/1.1\r\n\r\n", port: watch.port).status == 400, "HTTP/1.1 without Host")
        let cookies = "Cookie: " + String(repeating: "a=b; ", count: 8000) + "\r\n"
        #expect(try LoopbackHTTP.exchange("GET / HTTP/1.1\r\n\(host)\(cookies)\r\n", port: watch.port).status == 431,
                "a 40 KB head is refused, and the answer arrives although the rest was never read")
        let unknown = try LoopbackHTTP.get("/favicon.ico", port: watch.port)
        #expect(unknown.status == 404 && unknown.headers.contains("Connection: close"))
        let page = try LoopbackHTTP.get("/map.svg?view=\(encoded)", port: watch.port)
        #expect(page.status == 200 && page.body.contains("Новый лид") && page.headers.contains("Content-Length: \(page.body.utf8.count)"))
        #expect(page.headers.contains("Cache-Control: no-store") && page.headers.contains("X-Content-Type-Options: nosniff"))

        let taken = try CJMProcess.run(["watch", "journey.cjm", "--port", "\(watch.port)"], in: folder)
        #expect(taken.status == 64 && taken.stderr.contains("the port is in use"), "\(taken.stderr)")
        #expect(watch.interrupt() == 0)
    }

    @Test func aBurstOfSavesIsOneRenderAndIncludedFilesAreWatched() throws {
        let main = Self.journey.replacingOccurrences(of: "\n}\n", with: "\n  include \"part.cjm\"\n}\n")
        let folder = try Self.folder(main, files: ["part.cjm": "channel mail \"Почта\" kind: email\n"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let watch = try WatchProcess(["journey.cjm"], in: folder)
        let events = try EventStreamReader(path: "/events", port: watch.port)
        _ = try #require(events.next(named: "map"))

        // An editor's save: truncate and write, then write again a few milliseconds later.
        try Self.save("", to: "part.cjm", in: folder)
        usleep(5_000)
        try Self.save("channel mail \"Рассылка\" kind: email\n", to: "part.cjm", in: folder)
        usleep(10_000)
        try Self.save("channel mail \"Рассылка\" kind: email\n", to: "part.cjm", in: folder)
        let map = try #require(events.next(named: "map"), "a change of an included file is seen")
        #expect(map.data.contains("Рассылка"))
        #expect(events.next(timeout: 2) == nil, "the burst was taken as one save: \(watch.stderr)")
        #expect(watch.stderr.components(separatedBy: "drew flow").count - 1 == 2, "\(watch.stderr)")

        // Renaming a new file over the old one (how vim and many editors save) is seen too.
        let staged = folder.appendingPathComponent(".journey.cjm.tmp")
        try main.replacingOccurrences(of: "Проверка превью", with: "Переименованный").write(to: staged, atomically: false, encoding: .utf8)
        _ = rename(staged.path, folder.appendingPathComponent("journey.cjm").path)
        let renamed = try #require(events.next(named: "map"))
        #expect(renamed.data.contains("Переименованный"))
        #expect(watch.interrupt() == 0)
    }

    @Test func aNewerSaveSupersedesARenderInProgress() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generator = repositoryRoot.appendingPathComponent("scripts/generate-journey.py").path
        let big = try ExternalProgram.run(["sh", "-c", "python3 '\(generator)' --elements 1500 --seed 3 > big.txt 2>/dev/null"], in: folder)
        #expect(big.status == 0)
        let bigJourney = try String(contentsOf: folder.appendingPathComponent("big.txt"), encoding: .utf8)
        let watch = try WatchProcess(["journey.cjm"], in: folder)
        let events = try EventStreamReader(path: "/events", port: watch.port)
        _ = try #require(events.next(named: "map"))

        try Self.save(bigJourney, in: folder)
        _ = try #require(events.next(named: "drawing"), "the big journey's render starts")
        usleep(300_000)
        try Self.save(Self.journey.replacingOccurrences(of: "\"Звонки\"", with: "\"После большого\""), in: folder)
        let map = try #require(events.next(named: "map", timeout: 30))
        #expect(map.data.contains("После большого"), "the first map after both saves is the newer one")
        #expect(watch.stderr.contains("flow superseded by a newer save"), "\(watch.stderr)")
        #expect(watch.interrupt() == 0)
    }

    @Test func writesTheOutputOnEveryGoodRenderOnly() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watch = try WatchProcess(["journey.cjm", "--view", "board", "-o", "maps/board.svg"], in: folder)
        let out = folder.appendingPathComponent("maps/board.svg")
        #expect(watch.waitForStderr("wrote maps/board.svg"))
        #expect(try String(contentsOf: out, encoding: .utf8).contains("id=\"board\""))
        try Self.save(Self.journey.replacingOccurrences(of: "Проверка превью", with: "Обновлено"), in: folder)
        #expect(watch.waitForStderr("wrote maps/board.svg", count: 2))
        let good = try Data(contentsOf: out)
        #expect(String(decoding: good, as: UTF8.self).contains("Обновлено"))
        try Self.save(Self.journey.replacingOccurrences(of: "kind: phone", with: "kind: phon"), in: folder)
        #expect(watch.waitForStderr("error[E031]"))
        usleep(300_000)
        #expect(try Data(contentsOf: out) == good, "a broken save leaves the written map alone")
        #expect(watch.interrupt() == 0)
    }

    /// `--direction`, `--legend` and `--width` reach the maps as `cjm render` takes them: the
    /// file written is the render's, byte for byte; W103 is logged; the page fits the map at
    /// that width.
    @Test func takesTheRendersShapeFlags() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The flow map of this journey reads down at 120 px; its board (no phases) does not.
        let flags = ["--direction", "down", "--legend", "off", "--width", "120"]
        let watch = try WatchProcess(["journey.cjm", "-o", "flow.svg"] + flags, in: folder)
        #expect(watch.waitForStderr("wrote flow.svg"))
        let page = try LoopbackHTTP.get("/", port: watch.port)
        #expect(page.body.contains("#cjm-map.cjm-fit > svg { width: 120px; max-width: 100%;"))
        let board = try EventStreamReader(path: "/events?view=board", port: watch.port)
        #expect(board.next(named: "map") != nil)
        #expect(watch.waitForStderr("warning[W103]: shown 120 px wide, the smallest text of `board`"), "\(watch.stderr)")
        #expect(!watch.stderr.contains("of `flow`"), "\(watch.stderr)")
        #expect(watch.interrupt() == 0)
        let written = try Data(contentsOf: folder.appendingPathComponent("flow.svg"))
        let rendered = try CJMProcess.run(["render", "journey.cjm", "-o", "-"] + flags, in: folder)
        #expect(rendered.status == 0 && written == rendered.stdout, "the watch draws what render draws")
        let plain = try CJMProcess.run(["render", "journey.cjm", "-o", "-"], in: folder)
        #expect(plain.stdout != written, "and the flags changed the map")
        let bad = try CJMProcess.run(["watch", "journey.cjm", "--direction", "up"], in: folder)
        #expect(bad.status == 64 && bad.stderr.contains("unknown --direction 'up'"), "\(bad.stderr)")
    }

    @Test func refusesWhatCannotBeWatched() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let missing = try CJMProcess.run(["watch", "nope.cjm"], in: folder)
        #expect(missing.status == 66 && missing.stderr.contains("nope.cjm: no such file"))
        let view = try CJMProcess.run(["watch", "journey.cjm", "--view", "bord"], in: folder)
        #expect(view.status == 64 && view.stderr.contains("no view 'bord'") && view.stderr.contains("did you mean 'board'?"), "\(view.stderr)")
        let stdin = try CJMProcess.run(["watch", "-"], in: folder)
        #expect(stdin.status == 64)
        let onto = try CJMProcess.run(["watch", "journey.cjm", "-o", "journey.cjm"], in: folder)
        #expect(onto.status == 64 && onto.stderr.contains("cannot tell the format of journey.cjm"))
    }

    /// A real browser: headless Chromium opens the page, the journey is edited, and the page's
    /// DOM shows the new label without a reload (a marker set in the page before the edit
    /// survives it). `CJM_WATCH_SCREENSHOTS=FOLDER` also keeps PNGs of the page, to look at.
    @Test func aBrowserShowsTheEditWithoutAReload() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let watch = try WatchProcess(["journey.cjm"], in: folder)
        let browser = try HeadlessChromium(url: "http://127.0.0.1:\(watch.port)/")
        let shots = ProcessInfo.processInfo.environment["CJM_WATCH_SCREENSHOTS"].map { URL(fileURLWithPath: $0) }

        #expect(Self.poll { (try? browser.evaluate("document.getElementById('cjm-status').className === '' && "
                                                    + "document.getElementById('cjm-status').textContent.length > 0 && "
                                                    + "!document.getElementById('cjm-status').textContent.startsWith('подключение')")) == "1" })
        #expect(try browser.evaluate("document.querySelector('#cjm-map svg').textContent").contains("Звонки"))
        #expect(try browser.evaluate("document.getElementById('cjm-view').options.length") == "2")
        _ = try browser.evaluate("window.cjmNotReloaded = 'yes'")
        if let shots { try browser.screenshot().write(to: shots.appendingPathComponent("watch-1-map.png")) }

        try Self.save(Self.journey.replacingOccurrences(of: "\"Звонки\"", with: "\"Браузер видит правку\""), in: folder)
        #expect(Self.poll { (try? browser.evaluate("document.querySelector('#cjm-map svg').textContent"))?.contains("Браузер видит правку") == true },
                "the new label reaches the page: \(watch.stderr)")
        #expect(try browser.evaluate("window.cjmNotReloaded") == "yes", "without a reload")

        try Self.save(Self.journey.replacingOccurrences(of: "kind: phone", with: "kind: phon"), in: folder)
        #expect(Self.poll { (try? browser.evaluate("document.getElementById('cjm-failure').hidden")) == "0" })
        #expect(try browser.evaluate("document.getElementById('cjm-failure-text').textContent").contains("error[E031]"))
        #expect(try browser.evaluate("document.querySelector('#cjm-map svg').textContent").contains("Браузер видит правку"),
                "the last good map stays beneath the error")
        if let shots { try browser.screenshot().write(to: shots.appendingPathComponent("watch-2-error.png")) }

        _ = try browser.evaluate("(() => { const menu = document.getElementById('cjm-view'); menu.value = 'board'; "
                                 + "menu.dispatchEvent(new Event('change')); return 1 })()")
        try Self.save(Self.journey, in: folder)
        #expect(Self.poll { (try? browser.evaluate("document.querySelector('#cjm-map svg g.graph')?.id ?? ''")) == "board" },
                "the menu switches to the board")
        if let shots { try browser.screenshot().write(to: shots.appendingPathComponent("watch-3-board.png")) }
        #expect(watch.interrupt() == 0)
    }

    /// Asks `condition` every 100 ms for up to `timeout` seconds; whether it came true.
    static func poll(timeout: Double = 20, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition() { return true }
            usleep(100_000)
        }
        return false
    }

    /// This machine's IPv4 addresses.
    static func ownAddresses() -> [String] {
        var list: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&list) == 0 else { return [] }
        defer { freeifaddrs(list) }
        var addresses: [String] = []
        var entry = list
        while let current = entry {
            if let address = current.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) {
                var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
                address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { inet in
                    var raw = inet.pointee.sin_addr
                    _ = inet_ntop(AF_INET, &raw, &text, socklen_t(text.count))
                }
                addresses.append(String(cString: text))
            }
            entry = current.pointee.ifa_next
        }
        return addresses
    }
}
