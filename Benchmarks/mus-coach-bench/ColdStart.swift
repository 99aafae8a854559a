import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The whole `mus-coach` process, from spawn to the first question on its stdout, as a person
/// starting the coach waits for it. Each run starts a new session in a throw-away folder.
enum ColdStart {
    static func measure(program: URL, runs: Int = 40) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("mus-coach-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: home) }
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        environment["XDG_STATE_HOME"] = home.appendingPathComponent("state").path
        var toQuestion: [Double] = []
        var toExit: [Double] = []
        for run in 0..<runs {
            guard let (question, exit) = once(program, ["--new", "--session", "bench-\(run)"], environment: environment,
                                              marker: "Hvornår skal du holde din MUS-samtale?"), let question else {
                print("cold start: could not run \(program.path)")
                return
            }
            toQuestion.append(question)
            toExit.append(exit)
        }
        toQuestion.sort()
        toExit.sort()
        print(String(format: "cold start to the first question on screen (whole process, %d runs): median %.1f ms, p90 %.1f ms; "
                     + "to exit at end of input: median %.1f ms", runs, toQuestion[runs / 2], toQuestion[runs * 9 / 10], toExit[runs / 2]))
    }

    /// `mus-coach note`, whole process, each run adding a note to a throw-away journal: the note
    /// must be taken in well under 50 ms.
    static func measureNote(program: URL, runs: Int = 40) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("mus-coach-bench-notes-\(getpid())")
        defer { try? FileManager.default.removeItem(at: home) }
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = home.appendingPathComponent("data").path
        var samples: [Double] = []
        for run in 0..<runs {
            guard let (_, exit) = once(program, ["note", "Resultat nummer \(run) med et tal og en dato", "--tag", "resultat"],
                                       environment: environment, marker: nil) else {
                print("note: could not run \(program.path)")
                return
            }
            samples.append(exit)
        }
        samples.sort()
        print(String(format: "mus-coach note, from spawn to exit with the note synced (whole process, %d runs, journal growing to %d notes): "
                     + "median %.1f ms, p90 %.1f ms", runs, runs, samples[runs / 2], samples[runs * 9 / 10]))
    }

    /// Milliseconds until `marker` is on stdout (nil without one) and until the process's exit.
    private static func once(_ program: URL, _ commandArguments: [String], environment: [String: String], marker text: String?) -> (Double?, Double)? {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        let executable: String = program.path
        let arguments: [String] = [executable] + commandArguments
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        let start = ContinuousClock.now
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, envp) == 0 else { return nil }
        close(pipe[1])
        var output: [UInt8] = []
        var question: Double?
        let marker = text.map { Array($0.utf8) }
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(pipe[0], $0.baseAddress, 65536) }
            if count <= 0 { break }
            output += buffer[..<count]
            if question == nil, let marker, output.firstRange(of: marker) != nil { question = milliseconds(ContinuousClock.now - start) }
        }
        close(pipe[0])
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return (question, milliseconds(ContinuousClock.now - start))
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
