import ArgumentParser
import CoachLibrary
import Foundation

/// Puts this program and its dialogues where a shell finds them: `PREFIX/bin/mus-coach` and
/// `PREFIX/share/mus-coach/dialogues`, which the program looks for beside itself.
struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: ProgramLanguage.text(
            "Installér programmet og dets dialoger under et præfiks (standard: ~/.local).",
            "Install this program and its dialogues under a prefix (default ~/.local)."),
        discussion: ProgramLanguage.text(
            "Kør den fra en release-build: swift run -c release mus-coach install. En tidligere installation under samme præfiks erstattes.",
            "Run it from a release build: swift run -c release mus-coach install. An earlier install under the same prefix is replaced.")
    )

    @Option(help: .text(
        "Præfikset: programmet lægges i PREFIX/bin, dialogerne i PREFIX/share/mus-coach.",
        "The prefix: the program goes to PREFIX/bin, the dialogues to PREFIX/share/mus-coach."))
    var prefix: String = NSString(string: "~/.local").expandingTildeInPath

    @OptionGroup var options: DialogueOptions

    func run() throws {
        let library = try options.library()
        guard let executable = DialogueLibrary.runningExecutable() else { throw CLIError(ProgramLanguage.text("kan ikke se, hvor programmets fil ligger", "cannot tell where this program's file is")) }
        let root = URL(fileURLWithPath: NSString(string: prefix).expandingTildeInPath)
        let program = root.appendingPathComponent("bin/mus-coach")
        let dialogues = root.appendingPathComponent(DialogueLibrary.installedPath)
        do {
            try replace(program, with: URL(fileURLWithPath: executable))
            try replace(dialogues, with: library.folder)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError(ProgramLanguage.text("kan ikke installere under \(root.path): \(error.localizedDescription)", "cannot install under \(root.path): \(error.localizedDescription)"))
        }
        Console.line(ProgramLanguage.text("installeret: ", "installed ") + program.path)
        Console.line(ProgramLanguage.text("installeret: ", "installed ") + dialogues.path)
        let bin = program.deletingLastPathComponent().path
        let path = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map(String.init) ?? []
        if !path.contains(bin) {
            Console.line(ProgramLanguage.text("\(bin) er ikke i din PATH; tilføj den, fx:", "\(bin) is not on your PATH; add it, e.g.:"))
            Console.line("  export PATH=\"\(bin):$PATH\"")
        }
    }

    /// Copies `source` beside `target` first and renames it over: a running copy is never half written.
    private func replace(_ target: URL, with source: URL) throws {
        let manager = FileManager.default
        guard source.standardizedFileURL.resolvingSymlinksInPath() != target.standardizedFileURL.resolvingSymlinksInPath() else { return }
        try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let staged = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).installing")
        try? manager.removeItem(at: staged)
        try manager.copyItem(at: source, to: staged)
        if manager.fileExists(atPath: target.path), (try? target.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
            try manager.removeItem(at: target)
        }
        guard rename(staged.path, target.path) == 0 else {
            throw CLIError(ProgramLanguage.text("kan ikke flytte \(staged.path) til \(target.path): \(String(cString: strerror(errno)))", "cannot move \(staged.path) to \(target.path): \(String(cString: strerror(errno)))"))
        }
    }
}
