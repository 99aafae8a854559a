import Foundation

/// Runs a tool the tests check output with (Chromium, poppler-utils) and returns what it printed.
@discardableResult
public func run(_ tool: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [tool] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw ToolError(description: "\(tool) exited with \(process.terminationStatus); is it installed (.ci/run installs chromium and poppler-utils)?")
    }
    return String(decoding: data, as: UTF8.self)
}

private struct ToolError: Error, CustomStringConvertible {
    var description: String
}
