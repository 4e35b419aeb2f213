/// The bytes a `RenderRequest` crosses into its `render-worker` child in.
///
/// Both ends are the same `cjm` binary, so the format is positional: every value is written
/// in declaration order, with no keys. Foundation's JSON coders cost more than the Graphviz
/// layout itself on maps of a thousand elements (figures in benchmarks/README.md).
///
/// Integers and doubles (finite only) are 8 bytes little-endian, strings a 4-byte length and UTF-8,
/// optionals a presence byte, arrays a 4-byte count. The stream opens with `magic`, so a
/// worker from another build refuses it instead of misreading it.
struct WireWriter {
    /// Opens every request; its last byte is the format's version.
    static let magic: [UInt8] = Array("cjm-wire".utf8) + [2]

    private(set) var bytes: [UInt8] = WireWriter.magic

    mutating func write(_ value: UInt64) {
        // As typed bytes the append is one copy; a raw buffer is appended byte by byte.
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0.assumingMemoryBound(to: UInt8.self)) }
    }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value))) }

    mutating func write(_ value: Double) { write(value.bitPattern) }

    mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func write(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            writeCount(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write(_ raw: [UInt8]) {
        writeCount(raw.count)
        bytes.append(contentsOf: raw)
    }

    mutating func write(_ values: [String]) {
        writeCount(values.count)
        for value in values { write(value) }
    }

    mutating func write(_ lists: [[String]]) {
        writeCount(lists.count)
        for list in lists { write(list) }
    }

    mutating func write(_ value: Double?) {
        write(value != nil)
        if let value { write(value) }
    }

    mutating func write<Value: WireCodable>(_ value: Value) { value.write(to: &self) }

    mutating func write<Value: WireCodable>(_ value: Value?) {
        write(value != nil)
        if let value { value.write(to: &self) }
    }

    mutating func write<Value: WireCodable>(_ values: [Value]) {
        writeCount(values.count)
        for value in values { value.write(to: &self) }
    }

    mutating func writeOptionals<Value: WireCodable>(_ values: [Value?]) {
        writeCount(values.count)
        for value in values { write(value) }
    }

    private mutating func writeCount(_ count: Int) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: count).littleEndian) { bytes.append(contentsOf: $0.assumingMemoryBound(to: UInt8.self)) }
    }
}

/// Reads what `WireWriter` wrote, refusing anything short, long or out of shape.
struct WireReader {
    private let bytes: [UInt8]
    private var offset = 0

    /// A reader positioned after the magic; throws when `bytes` does not start with it.
    init(_ bytes: [UInt8]) throws(RenderFailure) {
        self.bytes = bytes
        guard bytes.starts(with: WireWriter.magic) else { throw Self.malformed("it is not a request of this cjm build") }
        offset = WireWriter.magic.count
    }

    /// Throws unless every byte was read.
    func finish() throws(RenderFailure) {
        guard offset == bytes.count else { throw Self.malformed("\(bytes.count - offset) bytes are left over") }
    }

    mutating func read(_: UInt64.Type = UInt64.self) throws(RenderFailure) -> UInt64 {
        let end = try advance(by: 8)
        return UInt64(littleEndian: bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: end - 8, as: UInt64.self) })
    }

    mutating func read(_: Int.Type = Int.self) throws(RenderFailure) -> Int {
        Int(Int64(bitPattern: try read(UInt64.self)))
    }

    /// A finite number: `cjm` never sends NaN or an infinity, and NaN would also make a
    /// request unequal to itself (found by the `wire` fuzz target).
    mutating func read(_: Double.Type = Double.self) throws(RenderFailure) -> Double {
        let value = Double(bitPattern: try read(UInt64.self))
        guard value.isFinite else { throw Self.malformed("a number is not finite") }
        return value
    }

    mutating func read(_: Bool.Type = Bool.self) throws(RenderFailure) -> Bool {
        let end = try advance(by: 1)
        switch bytes[end - 1] {
        case 0: return false
        case 1: return true
        default: throw Self.malformed("a flag is neither 0 nor 1")
        }
    }

    mutating func read(_: String.Type = String.self) throws(RenderFailure) -> String {
        let count = try readCount()
        let end = try advance(by: count)
        return String(decoding: bytes[(end - count)..<end], as: UTF8.self)
    }

    mutating func read(_: String?.Type = String?.self) throws(RenderFailure) -> String? {
        try read(Bool.self) ? try read(String.self) : nil
    }

    mutating func read(_: [UInt8].Type = [UInt8].self) throws(RenderFailure) -> [UInt8] {
        let count = try readCount()
        let end = try advance(by: count)
        return Array(bytes[(end - count)..<end])
    }

    mutating func read(_: [String].Type = [String].self) throws(RenderFailure) -> [String] {
        let count = try readCount(ofValuesAtLeast: 4)
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(String.self)) }
        return values
    }

    mutating func read(_: [[String]].Type = [[String]].self) throws(RenderFailure) -> [[String]] {
        let count = try readCount(ofValuesAtLeast: 4)
        var lists: [[String]] = []
        lists.reserveCapacity(count)
        for _ in 0..<count { lists.append(try read([String].self)) }
        return lists
    }

    mutating func read(_: Double?.Type = Double?.self) throws(RenderFailure) -> Double? {
        try read(Bool.self) ? try read(Double.self) : nil
    }

    mutating func read<Value: WireCodable>(_: Value.Type = Value.self) throws(RenderFailure) -> Value {
        try Value(from: &self)
    }

    mutating func read<Value: WireCodable>(_: Value?.Type = Value?.self) throws(RenderFailure) -> Value? {
        try read(Bool.self) ? try Value(from: &self) : nil
    }

    mutating func read<Value: WireCodable>(_: [Value].Type = [Value].self) throws(RenderFailure) -> [Value] {
        let count = try readCount(ofValuesAtLeast: 1)
        var values: [Value] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try Value(from: &self)) }
        return values
    }

    mutating func readOptionals<Value: WireCodable>(_: [Value?].Type = [Value?].self) throws(RenderFailure) -> [Value?] {
        let count = try readCount(ofValuesAtLeast: 1)
        var values: [Value?] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(Value?.self)) }
        return values
    }

    /// A raw-value enum case, refusing values this build does not know.
    mutating func readCase<Value: RawRepresentable>(_: Value.Type = Value.self) throws(RenderFailure) -> Value where Value.RawValue == String {
        let raw = try read(String.self)
        guard let value = Value(rawValue: raw) else { throw Self.malformed("unknown \(Value.self) `\(raw)`") }
        return value
    }

    /// A list's count, refused when the list could not fit in the bytes left (so a corrupt
    /// count cannot make the worker reserve gigabytes).
    private mutating func readCount(ofValuesAtLeast size: Int) throws(RenderFailure) -> Int {
        let count = try readCount()
        guard count <= (bytes.count - offset) / size else { throw Self.malformed("a list is longer than the request") }
        return count
    }

    private mutating func readCount() throws(RenderFailure) -> Int {
        let end = try advance(by: 4)
        return Int(bytes[end - 4]) | Int(bytes[end - 3]) << 8 | Int(bytes[end - 2]) << 16 | Int(bytes[end - 1]) << 24
    }

    /// Moves past `count` bytes and returns the new offset.
    private mutating func advance(by count: Int) throws(RenderFailure) -> Int {
        guard count <= bytes.count - offset else { throw Self.malformed("it ends too early") }
        offset += count
        return offset
    }

    private static func malformed(_ detail: String) -> RenderFailure {
        .workerUnavailable("the render request could not be read: \(detail)")
    }
}

/// A value that crosses to the render worker in the wire format.
protocol WireCodable {
    func write(to writer: inout WireWriter)
    init(from reader: inout WireReader) throws(RenderFailure)
}
