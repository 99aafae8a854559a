import Foundation
import Testing

/// Compares text with a golden file; `MUS_COACH_RECORD=1 swift test` writes the files anew
/// instead, so golden files are recorded, never edited by hand.
public func expectGolden(_ actual: String, at url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
    if ProcessInfo.processInfo.environment["MUS_COACH_RECORD"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "differs from \(url.lastPathComponent); re-record with MUS_COACH_RECORD=1 if the change is intended",
            sourceLocation: sourceLocation)
}
