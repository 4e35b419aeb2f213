import Foundation

/// The complete example of SPEC section 2, read from its one copy in Tests/Fixtures.
let specExample: String = {
    let path = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/spec-example.cjm").path
    // A missing fixture is a broken checkout; every test using it would fail anyway.
    return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}()
