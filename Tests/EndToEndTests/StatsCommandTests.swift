import Foundation
import Testing

/// `cjm stats` end to end; every figure checked is worked out by hand from the template.
@Suite("cjm stats")
struct StatsCommandTests {
    private static func template(_ name: String) -> String {
        repositoryRoot.appendingPathComponent("templates/\(name).cjm").path
    }

    @Test func theServiceCenterFunnelInCSV() throws {
        let outcome = try CJMProcess.run(["stats", Self.template("service-center"), "--format", "csv"])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = Set(outcome.stdoutText.split(separator: "\n").map(String.init))
        let expected = [
            "block,id,label,measure,value",
            "channels,telegram,Telegram-бот,count,180",
            "channels,telegram,Telegram-бот,share,19.46",   // 180 / 925
            "channels,,,total,925",                          // 180+90+160+70+110+60+180+50+25
            "leads,qualify,Квалификация,conversion,71.11",   // 640 / 900
            "leads,qualify,Квалификация,drop_off,260",
            "leads,need,Выяснение потребности,conversion,81.25",  // 520 / 640
            "leads,need,Выяснение потребности,cumulative,57.78",  // 520 / 900
            "pipeline:repair,diag,Диагностика,conversion,90",
            "pipeline:repair,invoice,Счёт на предоплату,conversion,79.17",  // 190 / 240
            "pipeline:repair,invoice,Счёт на предоплату,cumulative,63.33",  // 190 / 300
            "pipeline:repair,invoice,Счёт на предоплату,drop_off,50",
            "pipeline:repair,won,Оборудование выдано,conversion,96.88",     // 155 / 160
            "pipeline:repair,,,deals,300",
            "pipeline:repair,,,won,155",
            "pipeline:repair,,,win_rate,51.67",              // 155 / 300
            "pipeline:repair,,,revenue,1850000",
            "pipeline:repair,,,average_check,350",
            "pipeline:parts,shipped,Отгрузка,conversion,96",  // 96 / 100
            "pipeline:parts,shipped,Отгрузка,cumulative,56.47",  // 96 / 170
            "pipeline:parts,,,win_rate,55.29",               // 94 / 170
        ]
        for line in expected { #expect(lines.contains(line), "missing: \(line)") }
        #expect(lines.contains { $0.hasPrefix("pipeline:repair,,,biggest_drop_off,repair.offer → repair.invoice") })
    }

    @Test func theSpecExampleAsAnAlignedTableAndJSON() throws {
        let folder = try makeScratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The spec's example journey, as the repository keeps it (a clone has no spec beside it).
        let file = repositoryRoot.appendingPathComponent("Tests/Fixtures/spec-example.cjm")
        let table = try CJMProcess.run(["stats", file.path])
        #expect(table.status == 0)
        let lines = table.stdoutText.split(separator: "\n").map(String.init)
        // Cyrillic labels line up by terminal columns: the counts end in one column.
        let qualify = try #require(lines.first { $0.contains("Квалификация") })
        let new = try #require(lines.first { $0.contains("Новый лид") })
        #expect(qualify.contains("610  new           67,8%       67,8%       290"), "\(qualify)")
        #expect(new.range(of: "900")?.upperBound.utf16Offset(in: new) == qualify.range(of: "610")?.upperBound.utf16Offset(in: qualify))
        let json = try CJMProcess.run(["stats", file.path, "--format", "json"]).stdoutText
        #expect(json.contains(#"{"id":"qualify","label":"Квалификация","end":null,"count":610,"from":"new","conversion":67.78,"cumulative":67.78,"drop_off":290}"#))
        #expect(json.contains(#""summary":{"total":420}"#))
        #expect(json.contains(#""pages_without_ads":"site.home, site.manual""#))
        // Figures from a CSV replace the written ones, and the output says so.
        try "id;count\ncalls;500\nqualify;450\n".write(to: folder.appendingPathComponent("c.csv"), atomically: true, encoding: .utf8)
        let imported = try CJMProcess.run(["stats", file.path, "--figures", folder.appendingPathComponent("c.csv").path, "--format", "csv"])
        #expect(imported.status == 0)
        #expect(imported.stdoutText.contains("leads,qualify,Квалификация,conversion,50\n"))  // 450 / 900
        #expect(imported.stdoutText.contains("channels,,,total,500\n"))
    }
}
