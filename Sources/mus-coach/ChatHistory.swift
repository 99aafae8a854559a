import CoachStore
import Foundation

/// Where readline keeps the commands typed across runs: `$XDG_STATE_HOME/mus-coach/history`,
/// private to the user; none with `MUS_COACH_HISTORY=off`.
enum ChatHistory {
    static func path(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        if environment["MUS_COACH_HISTORY"] == "off" { return nil }
        let folder = XDG.state(environment).appendingPathComponent("mus-coach")
        try PrivateFiles.makeFolder(folder)
        return folder.appendingPathComponent("history").path
    }
}
