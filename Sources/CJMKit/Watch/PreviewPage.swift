import CJMMaps
import CJMSyntax

/// The live preview's one HTML page: a menu of the journey's maps, the map itself inlined as
/// SVG (so its text is part of the page and its links work), and the diagnostics above it
/// when the last save did not check. The page arrives with what there is to show already in
/// it; an `EventSource` on `/events?view=NAME` then brings every change without a reload. No
/// external script, style or font.
enum PreviewPage {
    /// The page for `view`, showing `shown` under `menu`; fitted, the map is `shownWidth` CSS
    /// pixels wide when given (`--width`: as the docs column will show it), else the window's.
    static func html(view: String, menu: PreviewState.Menu, shown: PreviewState.Shown, shownWidth: Double? = nil) -> String {
        let fittedWidth = shownWidth.map { "width: \(Int($0))px; " } ?? ""
        let words = Words(menu.language)
        let title = menu.title.isEmpty ? "cjm watch" : menu.title
        let options = menu.maps.map { entry in
            "<option value=\"\(escaped(entry.name))\"\(entry.name == view ? " selected" : "")>\(escaped(optionText(entry, words)))</option>"
        }.joined()
        return """
            <!doctype html>
            <html lang="\(menu.language.tag)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escaped(title)) — cjm watch</title>
            <style>
              body { margin: 0; font: 15px/1.4 "DejaVu Sans", system-ui, sans-serif; background: #f2f2ee; color: #222; }
              #cjm-bar { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: .4em 1.2em; align-items: center;
                         padding: .5em 1em; background: #fff; border-bottom: 1px solid #d8d8d2; }
              #cjm-title { font-weight: bold; }
              #cjm-status { margin-left: auto; color: #6b6b66; font-size: 13px; }
              #cjm-status.cjm-offline { color: #b00020; }
              #cjm-failure { margin: 0; padding: .8em 1em; background: #fff1f0; border-bottom: 2px solid #c62828; color: #5f0b0b;
                             font: 13px/1.4 "DejaVu Sans Mono", monospace; white-space: pre-wrap; overflow-x: auto; }
              #cjm-failure-heading { display: block; margin-bottom: .6em; font: bold 14px/1.4 "DejaVu Sans", system-ui, sans-serif; }
              #cjm-map { padding: 1em; overflow: auto; }
              #cjm-map > svg { display: block; margin: 0 auto; background: #fff; box-shadow: 0 1px 4px #0003; cursor: zoom-out; }
              #cjm-map.cjm-fit > svg { \(fittedWidth)max-width: 100%; height: auto; cursor: zoom-in; }
              #cjm-map.cjm-stale > svg { opacity: .55; }
              #cjm-empty { color: #6b6b66; }
            </style>
            </head>
            <body>
            <div id="cjm-bar">
              <span id="cjm-title">\(escaped(title))</span>
              <label>\(words.map) <select id="cjm-view">\(options)</select></label>
              <span id="cjm-status">\(words.connecting)</span>
            </div>
            <pre id="cjm-failure"\(shown.failure == nil ? " hidden" : "")><span id="cjm-failure-heading">\(words.failureHeading)</span><span id="cjm-failure-text">\(escaped(shown.failure ?? ""))</span></pre>
            <div id="cjm-map" class="cjm-fit\(shown.failure == nil ? "" : " cjm-stale")" title="\(words.zoom)">\(shown.map.map { inlineSVG($0.svg) } ?? "<p id=\"cjm-empty\">\(words.noMapYet)</p>")</div>
            <script>
            "use strict";
            const words = \(words.script);
            const map = document.getElementById("cjm-map"), failure = document.getElementById("cjm-failure");
            const failureText = document.getElementById("cjm-failure-text"), status = document.getElementById("cjm-status");
            const menu = document.getElementById("cjm-view");
            let view = \(scriptString(view)), source = null;
            function shown(text, offline) {
              status.textContent = text + " " + new Date().toLocaleTimeString();
              status.className = offline ? "cjm-offline" : "";
            }
            function connect() {
              if (source) source.close();
              source = new EventSource("/events?view=" + encodeURIComponent(view));
              source.onopen = () => shown(words.connected, false);
              source.addEventListener("menu", event => {
                const menuData = JSON.parse(event.data);
                document.getElementById("cjm-title").textContent = menuData.title;
                document.title = menuData.title + " — cjm watch";
                document.documentElement.lang = menuData.language;
                menu.replaceChildren(...menuData.maps.map(([name, label]) =>
                  new Option(words.names[name] ? words.names[name] + " (" + name + ")" : (label && label !== name ? label + " (" + name + ")" : name), name)));
                menu.value = view;
              });
              source.addEventListener("drawing", () => shown(words.drawing, false));
              source.addEventListener("map", event => {
                map.innerHTML = event.data;
                map.classList.remove("cjm-stale");
                failure.hidden = true;
                shown(words.updated, false);
              });
              source.addEventListener("failure", event => {
                failureText.textContent = event.data;
                failure.hidden = false;
                map.classList.add("cjm-stale");
                shown(words.failed, false);
              });
              source.onerror = () => shown(words.offline, true);
            }
            menu.addEventListener("change", () => {
              view = menu.value;
              history.replaceState(null, "", "?view=" + encodeURIComponent(view));
              map.innerHTML = "";
              connect();
            });
            map.addEventListener("click", event => {
              if (!event.target.closest("a")) map.classList.toggle("cjm-fit");
            });
            connect();
            </script>
            </body>
            </html>

            """
    }

    /// The `<svg>` element of a Graphviz SVG file, without the XML declaration, doctype and
    /// comments before it, for inlining in HTML.
    static func inlineSVG(_ svg: String) -> Substring {
        guard let start = svg.range(of: "<svg") else { return svg[...] }
        return svg[start.lowerBound...]
    }

    /// A menu entry: the built-in maps by what they are, a view by its label and id.
    private static func optionText(_ entry: PreviewState.Menu.Entry, _ words: Words) -> String {
        if let name = words.builtInNames[entry.name] { return "\(name) (\(entry.name))" }
        return entry.label.isEmpty || entry.label == entry.name ? entry.name : "\(entry.label) (\(entry.name))"
    }

    /// A JavaScript string literal that cannot end the script it stands in (`<` escaped).
    static func scriptString(_ text: String) -> String {
        JSONText.quoted(text).split(separator: "<", omittingEmptySubsequences: false).joined(separator: "\\u003c")
    }

    /// Text for HTML content and attribute values: `& < > "` escaped.
    static func escaped(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The page's own words in one language.
    private struct Words {
        var map, connecting, connected, drawing, updated, failed, offline, failureHeading, noMapYet, zoom: String
        var builtInNames: [String: String]

        init(_ language: MapLanguage) {
            switch language {
            case .russian:
                (map, connecting, connected, drawing, updated, failed, offline) =
                    ("Карта:", "подключение…", "подключено", "рисуется…", "обновлено", "ошибка", "нет связи с cjm watch, переподключение…")
                failureHeading = "Ошибка — ниже последняя удачная карта"
                noMapYet = "Карты ещё нет: исправьте ошибку выше и сохраните файл."
                zoom = "Щелчок: по ширине окна или в натуральную величину"
                builtInNames = ["flow": "Схема потоков", "board": "Доска по фазам"]
            case .english:
                (map, connecting, connected, drawing, updated, failed, offline) =
                    ("Map:", "connecting…", "connected", "drawing…", "updated", "error", "lost cjm watch, reconnecting…")
                failureHeading = "Error — the last good map is below"
                noMapYet = "No map yet: fix the error above and save the file."
                zoom = "Click: fit to the window or full size"
                builtInNames = ["flow": "Flow map", "board": "Phase board"]
            }
        }

        /// The words the script needs, as a JavaScript object.
        var script: String {
            let names = builtInNames.sorted { $0.key < $1.key }.map { "\(scriptString($0.key)): \(scriptString($0.value))" }.joined(separator: ", ")
            return "{ connected: \(scriptString(connected)), drawing: \(scriptString(drawing)), updated: \(scriptString(updated)), "
                + "failed: \(scriptString(failed)), offline: \(scriptString(offline)), names: { \(names) } }"
        }
    }
}
