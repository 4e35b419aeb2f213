#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the raw bytes of a file into a `SourceFile`, refusing what the rest of the pipeline
/// must never see: files over the size cap (E006) and text that is not UTF-8 (E001).
public enum SourceDecoder {
    /// Decodes `bytes` read from `path`.
    ///
    /// A leading UTF-8 byte order mark is dropped (Windows editors add one); CRLF line ends are
    /// kept as they are, the lexer reads them as line ends, and a lone CR becomes an LF
    /// (`SourceFile`). Locations in the returned diagnostic
    /// count lines from 1 and columns in Unicode scalars from 1, after the byte order mark.
    public static func decode(path: String, bytes: [UInt8], limits: Limits = .standard) -> Result<SourceFile, Diagnostic> {
        let start = SourceLocation(line: 1, column: 1, offset: 0)
        guard bytes.count <= limits.maxFileBytes else {
            let message = "the file is \(ByteCount(bytes.count)); the limit is \(ByteCount(limits.maxFileBytes))"
            return .failure(.error(.fileTooLarge, message, at: SourceSpan(file: path, start: start, end: start)))
        }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        // Without a byte order mark the file keeps the very array that was read (no copy).
        let body = hasBOM ? Array(bytes[3...]) : bytes
        let bad = body.withUnsafeBufferPointer { UTF8Validation.firstInvalidByte(in: $0) }
        if let bad {
            return .failure(body.withUnsafeBufferPointer { invalidUTF8(path: path, body: $0, at: bad, hadBOM: hasBOM) })
        }
        return .success(SourceFile(path: path, validUTF8: body))
    }

    /// The file as a diagnostic about it shows it, for a file `decode` refused as not UTF-8:
    /// the byte order mark dropped and each ill-formed sequence replaced by U+FFFD, so the
    /// E001 line prints with a caret under the replacement character (its column counts the
    /// valid text before it, which is the same either way). Nil for a file over the size cap,
    /// which is never read as text.
    public static func shownFile(path: String, bytes: [UInt8], limits: Limits = .standard) -> SourceFile? {
        guard bytes.count <= limits.maxFileBytes else { return nil }
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        return SourceFile(path: path, text: String(decoding: hasBOM ? bytes[3...] : bytes[...], as: UTF8.self))
    }

    /// E001 at the first bad byte, with a hint at the usual cause.
    private static func invalidUTF8(path: String, body: UnsafeBufferPointer<UInt8>, at bad: Int, hadBOM: Bool) -> Diagnostic {
        var line = 1
        var lineStart = 0
        for i in 0..<bad where body[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        var column = 1
        for i in lineStart..<bad where body[i] & 0xC0 != 0x80 { column += 1 }
        let location = SourceLocation(line: line, column: column, offset: bad)
        let after = SourceLocation(line: line, column: column + 1, offset: bad + 1)
        let byte = body[bad]
        var message = "the file is not valid UTF-8: byte 0x\(hex(byte)) cannot stand here"
        let looksUTF16 = !hadBOM && body.count >= 2 && ((body[0] == 0xFF && body[1] == 0xFE) || (body[0] == 0xFE && body[1] == 0xFF))
        if looksUTF16 {
            message += "; the file looks like UTF-16, save it as UTF-8"
        } else {
            message += "; if it was saved in another encoding (such as Windows-1251), save it as UTF-8"
        }
        return .error(.invalidUTF8, message, at: SourceSpan(file: path, start: location, end: after))
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }
}

/// A byte count printed for people: `300 MB (314572800 bytes)`.
struct ByteCount: CustomStringConvertible {
    let bytes: Int
    init(_ bytes: Int) { self.bytes = bytes }

    var description: String {
        let mib = 1024 * 1024
        if bytes >= mib, bytes % mib == 0 { return "\(bytes / mib) MiB (\(bytes) bytes)" }
        if bytes >= mib { return "\(bytes / mib) MiB and more (\(bytes) bytes)" }
        return "\(bytes) bytes"
    }
}
