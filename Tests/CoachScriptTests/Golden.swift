import Foundation
import GoldenFiles
import Testing

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try expectGolden(actual, at: repositoryRoot.appendingPathComponent("Tests/CoachScriptTests/Golden/\(name)"), sourceLocation: sourceLocation)
}
