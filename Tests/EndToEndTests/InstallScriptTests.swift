import Foundation
import Testing

/// `scripts/install.sh` into a scratch prefix, as a user would run it, then the installed
/// `cjm` from another folder.
///
/// `swift test` holds SwiftPM's lock on .build while tests run, so the script cannot build
/// from here: it installs with `--no-build --configuration debug` what this test run built,
/// and the man page `scripts/test.sh` makes with the generate-manual plugin before the tests.
/// Where swift-argument-parser's generate-manual plugin writes cjm's man page.
let generatedManPage = repositoryRoot.appendingPathComponent(".build/plugins/GenerateManual/outputs/cjm/cjm.1")

@Suite("scripts/install.sh", .enabled(if: FileManager.default.fileExists(atPath: generatedManPage.path),
                                      "the man page is missing: run scripts/test.sh, or `swift package generate-manual --configuration debug` before `swift test`"))
struct InstallScriptTests {
    @Test func installsRunsFromAnywhereAndUninstallsLeavingThePrefixAsItWas() throws {
        let prefix = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: prefix) }
        // Someone else's files in the prefix, which neither step may touch.
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try "#!/bin/sh\n".write(to: prefix.appendingPathComponent("bin/other-tool"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("share/doc"), withIntermediateDirectories: true)
        try "notes".write(to: prefix.appendingPathComponent("share/doc/notes.txt"), atomically: true, encoding: .utf8)
        let before = try contents(of: prefix)

        let first = try install([prefix.path])
        #expect(first.status == 0, "\(first.stderr)")
        let again = try install([prefix.path])
        #expect(again.status == 0, "running it twice is harmless: \(again.stderr)")
        for place in ["bin/cjm", "share/man/man1/cjm.1", "share/bash-completion/completions/cjm",
                      "share/zsh/site-functions/_cjm", "share/fish/vendor_completions.d/cjm.fish"] {
            #expect(again.stderr.contains(prefix.appendingPathComponent(place).path), "the script says where \(place) went")
        }
        #expect(again.stderr.contains("scripts/install.sh --uninstall \(prefix.path)"))

        let installed = prefix.appendingPathComponent("bin/cjm")
        let version = try CJMProcess.run(["--version"], program: installed)
        #expect(version.status == 0)
        #expect(version.stdoutText.hasPrefix("cjm "))
        #expect(version.stdoutText.contains("\nGraphviz "))
        try checkAndRenderFromAnotherFolder(installed)
        try checkCompletions(prefix)
        try checkManPage(prefix.appendingPathComponent("share/man/man1/cjm.1"), installed: installed)

        let removed = try install(["--uninstall", prefix.path])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try contents(of: prefix) == before)
        let nothingLeft = try install(["--uninstall", prefix.path])
        #expect(nothingLeft.status == 0)
        #expect(nothingLeft.stderr.contains("nothing to remove"))
    }

    @Test func aPrefixTheInstallMadeGoesWithTheUninstall() throws {
        let parent = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let prefix = parent.appendingPathComponent("tools")
        #expect(try install([prefix.path]).status == 0)
        #expect(FileManager.default.isExecutableFile(atPath: prefix.appendingPathComponent("bin/cjm").path))
        #expect(try install(["--uninstall", prefix.path]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).isEmpty)
    }

    @Test func aCjmTheScriptDidNotInstallIsLeftAlone() throws {
        let prefix = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: prefix) }
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let foreign = prefix.appendingPathComponent("bin/cjm")
        try "someone else's".write(to: foreign, atomically: true, encoding: .utf8)
        let outcome = try install([prefix.path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("\(foreign.path) exists and was not installed by this script"))
        #expect(try String(contentsOf: foreign, encoding: .utf8) == "someone else's")
        #expect(try contents(of: prefix) == ["bin", "bin/cjm someone else's"])
    }

    /// The installed binary checks and renders a template from an unrelated folder with an
    /// system PATH, through a symlink too: it finds itself as its own render worker.
    private func checkAndRenderFromAnotherFolder(_ installed: URL) throws {
        let work = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("templates/service-center.cjm"),
                                         to: work.appendingPathComponent("journey.cjm"))
        let link = work.appendingPathComponent("cjm-link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: installed)
        let bare = ["PATH": "/usr/bin:/bin"]  // the system, not the build folder
        let check = try CJMProcess.run(["check", "journey.cjm"], in: work, environment: bare, program: installed)
        #expect(check.status == 0, "\(check.stderr)")
        let render = try CJMProcess.run(["render", "journey.cjm", "-f", "svg,png"], in: work, environment: bare, program: link)
        #expect(render.status == 0, "\(render.stderr)")
        let svg = try String(contentsOf: work.appendingPathComponent("journey.svg"), encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("Битрикс24"))
        let png = try Data(contentsOf: work.appendingPathComponent("journey.png"))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    }

    /// The three scripts are the generator's, and bash's actually completes.
    private func checkCompletions(_ prefix: URL) throws {
        let bash = prefix.appendingPathComponent("share/bash-completion/completions/cjm")
        let zsh = try String(contentsOf: prefix.appendingPathComponent("share/zsh/site-functions/_cjm"), encoding: .utf8)
        let fish = try String(contentsOf: prefix.appendingPathComponent("share/fish/vendor_completions.d/cjm.fish"), encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef cjm") && zsh.contains("render") && zsh.count > 1_000)
        #expect(fish.contains("complete -c 'cjm'") && fish.contains("render") && fish.count > 1_000)
        let script = """
            source "$1"
            complete_line() {
              COMPREPLY=(); COMP_LINE="$1"; COMP_POINT=${#1}
              read -ra COMP_WORDS <<< "$1"; [[ "$1" == *" " ]] && COMP_WORDS+=("")
              COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
              _cjm cjm "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
              echo "${COMPREPLY[*]}"
            }
            complete_line "cjm ren"; complete_line "cjm render --theme "; complete_line "cjm check --diagnostics "
            """
        let completed = try CJMProcess.run(["-c", script, "bash", bash.path], program: URL(fileURLWithPath: "/bin/bash"))
        #expect(completed.stdoutText == "render\ndefault print mono\ntext json\n", "\(completed.stderr)")
    }

    /// The man page is the generator's mdoc and names every subcommand `cjm --help` lists.
    private func checkManPage(_ page: URL, installed: URL) throws {
        let text = try String(contentsOf: page, encoding: .utf8)
        #expect(text.contains(".Dt CJM 1") && text.contains("Generated by swift-argument-parser"))
        let dump = try CJMProcess.run(["--experimental-dump-help"], program: installed).stdout
        let tool = try #require(try JSONSerialization.jsonObject(with: dump) as? [String: Any])
        let command = try #require(tool["command"] as? [String: Any])
        let names = try #require(command["subcommands"] as? [[String: Any]]).compactMap { $0["commandName"] as? String }
        #expect(names.contains("check") && names.contains("render"))
        for name in names { #expect(text.contains(".It Em \(name)\n"), "the man page names \(name)") }
        #expect(!text.contains("render-worker"))
    }

    private func install(_ arguments: [String]) throws -> CJMProcess.Outcome {
        try CJMProcess.run([repositoryRoot.appendingPathComponent("scripts/install.sh").path, "--no-build", "--configuration", "debug"] + arguments,
                           in: repositoryRoot, program: URL(fileURLWithPath: "/bin/bash"))
    }

    /// Every path under `folder`, relative and sorted, with each file's bytes folded in.
    private func contents(of folder: URL) throws -> [String] {
        let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.path).sorted()
        return try paths.map { path in
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            return isFolder.boolValue ? path : path + " " + String(decoding: try Data(contentsOf: url), as: UTF8.self).prefix(40)
        }
    }
}
