import Foundation
import Testing

/// poppler-utils (`pdfinfo`, `pdftotext`, `pdftoppm`), for reading the PDFs `cjm` writes as
/// a PDF viewer would. Installed with apt-get on first use when missing; the tests that need
/// it are skipped, saying so, when that is impossible (no apt-get, no root, no network).
enum Poppler {
    static let skipMessage: Comment = "needs poppler-utils (pdfinfo, pdftotext, pdftoppm); `apt-get install poppler-utils` did not work here"

    /// Whether the tools run, after trying to install them once.
    static let available: Bool = {
        if runs(["pdfinfo", "-v"]) { return true }
        let sudo = getuid() == 0 ? [] : ["sudo", "-n"]
        _ = try? run(sudo + ["apt-get", "update", "-qq"])
        _ = try? run(sudo + ["env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y", "-qq", "--no-install-recommends", "poppler-utils"])
        return runs(["pdfinfo", "-v"])
    }()

    /// Each page's width and height in points, from `pdfinfo`.
    static func pageSizes(_ pdf: URL) throws -> [(width: Double, height: Double)] {
        let info = try run(["pdfinfo", "-f", "1", "-l", "100000", pdf.path]).stdout
        return info.split(separator: "\n").compactMap { line -> (Double, Double)? in
            // "Page    2 size: 595.276 x 841.89 pts (A4)"
            guard line.hasPrefix("Page "), let sizePart = line.split(separator: ":").last else { return nil }
            let numbers = sizePart.split(separator: " ").compactMap { Double($0) }
            return numbers.count >= 2 ? (numbers[0], numbers[1]) : nil
        }
    }

    /// The text of pages `first...last` (all when nil), from `pdftotext`.
    static func text(_ pdf: URL, page: Int? = nil, raw: Bool = false) throws -> String {
        let range = page.map { ["-f", String($0), "-l", String($0)] } ?? []
        return try run(["pdftotext"] + (raw ? ["-raw"] : []) + range + [pdf.path, "-"]).stdout
    }

    /// Page `page` as a grayscale bitmap at `dpi` (one byte a pixel, 0 black, 255 white).
    static func grayPixels(_ pdf: URL, page: Int, dpi: Int) throws -> (width: Int, height: Int, pixels: [UInt8]) {
        let data = try run(["pdftoppm", "-r", String(dpi), "-gray", "-f", String(page), "-l", String(page), pdf.path]).stdoutData
        // PGM: "P5\n<width> <height>\n255\n" and the pixels.
        var fields: [Int] = []
        var index = 2
        var current = ""
        while fields.count < 3, index < data.count {
            let byte = data[index]
            if byte == 0x20 || byte == 0x0A {
                if !current.isEmpty { fields.append(Int(current) ?? 0); current = "" }
            } else {
                current.append(Character(UnicodeScalar(byte)))
            }
            index += 1
        }
        return (fields[0], fields[1], Array(data[index...]))
    }

    private static func runs(_ arguments: [String]) -> Bool {
        (try? run(arguments).status) == 0
    }

    private static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stdoutData: [UInt8]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self), Array(data))
    }
}
