import CoachEngine
import CoachPlan
import CoachScript
import CoachSummary
import CoachText
import Foundation

/// The dialogue folder on disk: scripts (`NAME.LANG.yaml`) and golden tests (`tests/*.plan`).
public struct DialogueLibrary: Sendable {
    public var folder: URL

    public init(folder: URL) {
        self.folder = folder
    }

    /// The folder to use: an explicit one, `$MUS_COACH_DIALOGUES`, `./dialogues`, the one an install
    /// put beside the program (`PREFIX/share/mus-coach/dialogues` for `PREFIX/bin/mus-coach`), or a
    /// `dialogues` folder above it (as in a source checkout). The program is found as the running
    /// executable, so a symlink or a bare name on `PATH` leads to the same place.
    public static func locate(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                              currentDirectory: String = FileManager.default.currentDirectoryPath,
                              executable: String? = runningExecutable()) -> DialogueLibrary? {
        if let explicit { return DialogueLibrary(folder: URL(fileURLWithPath: explicit)) }
        if let fromEnvironment = environment["MUS_COACH_DIALOGUES"], !fromEnvironment.isEmpty {
            return DialogueLibrary(folder: URL(fileURLWithPath: fromEnvironment))
        }
        let local = URL(fileURLWithPath: currentDirectory).appendingPathComponent("dialogues")
        if holdsDialogues(local) { return DialogueLibrary(folder: local) }
        guard let executable else { return nil }
        var directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let installed = directory.deletingLastPathComponent().appendingPathComponent(installedPath)
        if holdsDialogues(installed) { return DialogueLibrary(folder: installed) }
        while directory.path != "/" {
            let candidate = directory.appendingPathComponent("dialogues")
            if holdsDialogues(candidate) { return DialogueLibrary(folder: candidate) }
            directory.deleteLastPathComponent()
        }
        return nil
    }

    /// Where an install puts the dialogues, relative to the prefix.
    public static let installedPath = "share/mus-coach/dialogues"

    /// The running program's own file: the kernel's link on Linux, whatever `argv[0]` was.
    public static func runningExecutable() -> String? {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return path }
        return Bundle.main.executablePath
    }

    private static func holdsDialogues(_ folder: URL) -> Bool {
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("mus.da.yaml").path)
    }

    /// A script given as a path, or as a name (`mus`) with a language, or a name with its language (`mus.en`).
    public func scriptURL(_ nameOrPath: String, language: String?) -> URL {
        let manager = FileManager.default
        if nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml") || nameOrPath.contains("/") {
            return URL(fileURLWithPath: nameOrPath)
        }
        if let language {
            let named = folder.appendingPathComponent("\(nameOrPath).\(language).yaml")
            if manager.fileExists(atPath: named.path) { return named }
        }
        return folder.appendingPathComponent("\(nameOrPath).yaml")
    }

    /// The synonym groups for matching wishes with needs (`synonyms.LANG.txt`); none when the file is absent.
    public func synonyms(_ language: Language) -> Synonyms {
        let url = folder.appendingPathComponent("synonyms.\(language.rawValue).txt")
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(validating: data, as: UTF8.self) else {
            return .empty(language)
        }
        return Synonyms(text: text, language: language)
    }

    /// Every script in the folder, sorted by name (the objection banks beside them are no scripts).
    public func scriptURLs() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("objections.") }.sorted().map { folder.appendingPathComponent($0) }
    }

    /// The objection banks in the folder (`objections.LANG.yaml`), sorted by name.
    public func objectionBankURLs() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasPrefix("objections.") && $0.hasSuffix(".yaml") }.sorted().map { folder.appendingPathComponent($0) }
    }

    public func planURLs() -> [URL] {
        let tests = folder.appendingPathComponent("tests")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: tests.path)) ?? []
        return names.filter { $0.hasSuffix(".plan") }.sorted().map { tests.appendingPathComponent($0) }
    }

    /// Reads and checks a script; a file that cannot be read becomes a diagnostic like any other.
    public static func loadScript(at url: URL) -> (result: LoadResult, source: String?) {
        let path = displayPath(url)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let problem = FileManager.default.fileExists(atPath: url.path) ? "cannot read the file" : "no such file"
            return (LoadResult(script: nil, diagnostics: [.error(.unreadableFile, problem, at: SourceLocation(path: path, line: 1, column: 1))]), nil)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let offset = firstInvalidUTF8Offset(data)
            return (LoadResult(script: nil, diagnostics: [.error(.unreadableFile, "the file is not valid UTF-8 (byte \(offset))",
                                                                   at: SourceLocation(path: path, line: 1, column: 1))]), nil)
        }
        return (ScriptLoader.load(text: text, path: path), text)
    }

    /// Runs one plan file; the script it names is looked up beside the plan's folder.
    public func runPlan(at url: URL) -> PlanOutcome {
        let path = Self.displayPath(url)
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(validating: data, as: UTF8.self) else {
            return .broken("\(path): cannot read the plan as UTF-8 text")
        }
        let plan: Plan
        do {
            plan = try PlanParser.parse(text, path: path)
        } catch {
            return .broken(error.description)
        }
        let scriptURL = plan.script.hasSuffix(".yaml")
            ? url.deletingLastPathComponent().appendingPathComponent(plan.script)
            : folder.appendingPathComponent(plan.script + ".yaml")
        let (loaded, source) = Self.loadScript(at: scriptURL)
        guard let script = loaded.script else {
            let renderer = DiagnosticRenderer(sources: source.map { [Self.displayPath(scriptURL): $0] } ?? [:])
            return .broken("\(path): its script does not load:\n" + renderer.render(loaded.diagnostics))
        }
        return .ran(PlanRunner.run(plan, on: ScriptProgram(script)))
    }

    public enum PlanOutcome: Sendable {
        case ran(PlanResult)
        case broken(String)
    }

    /// Paths below the working directory are shown relative to it, as compilers do.
    public static func displayPath(_ url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = FileManager.default.currentDirectoryPath + "/"
        return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
    }

    private static func firstInvalidUTF8Offset(_ data: Data) -> Int {
        var iterator = data.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput, .error: return offset
            }
        }
    }
}
