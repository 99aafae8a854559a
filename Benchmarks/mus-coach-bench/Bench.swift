import CoachEngine
import CoachLibrary
import CoachScript
import CoachSummary
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Prints the speed and memory figures the README quotes. Run in release:
/// `swift run -c release mus-coach-bench [--sessions N]`; `mus-coach-bench serve` measures the gateway server.
@main
struct Bench {
    static func main() throws {
        let arguments = CommandLine.arguments
        let sessions = arguments.firstIndex(of: "--sessions").flatMap { Int(arguments[$0 + 1]) } ?? 10_000
        /// `--threads N` runs the engine with N threads only (for profiling); by default with one, then all cores.
        let threads = arguments.firstIndex(of: "--threads").flatMap { Int(arguments[$0 + 1]) }
        guard let library = DialogueLibrary.locate(explicit: nil) else {
            print("cannot find the dialogues folder; run from the repository or set MUS_COACH_DIALOGUES")
            exit(1)
        }
        let coach = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("mus-coach")
        if arguments.dropFirst().first == "quality" {
            try QualityBench.measure(library, misses: arguments.contains("--misses"))
            return
        }
        func value(after flag: String) -> String? {
            arguments.firstIndex(of: flag).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
        }
        if arguments.dropFirst().first == "briefs" {
            try BriefBench.measure(library, all: arguments.contains("--all"), show: value(after: "--show"), agendaOf: value(after: "--agenda"),
                                   format: value(after: "--format").flatMap(BriefFormat.init) ?? .text)
            return
        }
        if arguments.dropFirst().first == "serve" {
            ServeBench.measure(program: coach, sessions: sessions)
            return
        }
        let url = library.scriptURL("mus", language: "da")
        let text = try String(contentsOf: url, encoding: .utf8)
        measureLoading(text)
        let script = ScriptLoader.load(text: text, path: "mus.da.yaml").script!
        let program = ScriptProgram(script)
        measureBrief(library, program: program)
        if let threads {
            measureEngine(program, sessions: sessions, threads: threads)
            return
        }
        measureEngine(program, sessions: sessions, threads: 1)
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if cores > 1 { measureEngine(program, sessions: sessions, threads: cores) }
        print(String(format: "process peak resident memory: %.1f MiB", Double(peakResidentKiB()) / 1024))
        if FileManager.default.isExecutableFile(atPath: coach.path) {
            ColdStart.measure(program: coach)
            ColdStart.measureNote(program: coach)
        } else {
            print("cold start: build mus-coach in the same configuration first (swift build -c release)")
        }
    }

    /// Loading and checking the bundled Danish script, from text to a checked `Script`.
    static func measureLoading(_ text: String) {
        for _ in 0..<20 { _ = ScriptLoader.load(text: text, path: "mus.da.yaml") }
        var samples: [Double] = []
        for _ in 0..<200 {
            let start = ContinuousClock.now
            let result = ScriptLoader.load(text: text, path: "mus.da.yaml")
            samples.append(milliseconds(ContinuousClock.now - start))
            precondition(result.script != nil)
        }
        samples.sort()
        print(String(format: "load+check mus.da.yaml (%d lines): median %.2f ms, p90 %.2f ms, min %.2f ms (200 runs)",
                     text.split(separator: "\n", omittingEmptySubsequences: false).count,
                     samples[100], samples[180], samples[0]))
    }

    /// A brief for the full Danish happy path (the golden plan's transcript), in-process.
    static func measureBrief(_ library: DialogueLibrary, program: ScriptProgram) {
        guard case .ran(let result) = library.runPlan(at: library.folder.appendingPathComponent("tests/glad-vej.da.plan")) else {
            print("brief: the golden plan glad-vej.da did not run")
            return
        }
        let transcript = Transcript(script: program.script, events: result.events)
        let knowledge = try! library.briefKnowledge(program.script.language)
        var samples: [Double] = []
        for run in 0..<220 {
            let start = ContinuousClock.now
            let brief = BriefBuilder.build(transcript, program: program, knowledge: knowledge)
            let markdown = brief.render(.markdown)
            if run >= 20 { samples.append(milliseconds(ContinuousClock.now - start)) }
            precondition(!markdown.isEmpty)
        }
        samples.sort()
        print(String(format: "brief for a full transcript (%d events), built and rendered as Markdown: median %.2f ms, p90 %.2f ms (200 runs)",
                     transcript.events.count, samples[100], samples[180]))
    }

    /// Interleaved sessions, each answering the whole dialogue one turn per round; with more
    /// than one thread, each thread runs its own share of the sessions.
    static func measureEngine(_ program: ScriptProgram, sessions count: Int, threads: Int) {
        let residentBefore = residentBytes()
        let finished = Mutex<[[FinishedSession]]>([])
        let start = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let share = count / threads + (thread < count % threads ? 1 : 0)
            let conversations = runSessions(program, count: share, seed: thread * count)
            finished.withLock { $0.append(conversations) }
        }
        let elapsed = seconds(ContinuousClock.now - start)
        let residentAfter = residentBytes()
        let conversations = finished.withLock { $0.flatMap { $0 } }
        let turns = conversations.reduce(0) { $0 + $1.turns }
        print(String(format: "engine, %d thread%@: %d interleaved sessions, %d turns in %.3f s = %.0f turns/s (%.0f ns/turn per thread)",
                     threads, threads == 1 ? "" : "s", count, turns, elapsed, Double(turns) / elapsed,
                     elapsed * 1e9 * Double(threads) / Double(turns)))
        guard threads == 1 else { return }
        let records = conversations.reduce(0) { $0 + $1.conversation.records.count }
        let textBytes = conversations.reduce(0) { total, finished in
            total + finished.conversation.events.reduce(0) { sum, event in
                if case .answered(let text, _) = event { sum + text.utf8.count } else { sum }
            }
        }
        let perSession = Double(residentAfter - residentBefore) / Double(count)
        let text = Double(textBytes) / Double(count)
        print(String(format: "engine memory: %.0f bytes resident per finished session (%.1f answer records, %.0f bytes of answer text): "
                     + "%.0f bytes beyond the text", perSession, Double(records) / Double(count), text, perSession - text))
    }

    /// One thread's sessions, run to the end one turn each per round.
    static func runSessions(_ program: ScriptProgram, count: Int, seed: Int) -> [FinishedSession] {
        var conversations = [Conversation](repeating: Conversation(program: program), count: count)
        // Each person counts the answers they gave: the harness touches one record of its own per turn.
        var people = (0..<count).map { SimulatedPerson(seed: seed + $0) }
        for index in conversations.indices {
            _ = conversations[index].start(at: Timestamp(millisecondsSince1970: 0))
        }
        var active = Array(conversations.indices)
        var clock: Int64 = 0
        var outputs: [Output] = []
        while !active.isEmpty {
            clock += 1
            var stillActive: [Int] = []
            stillActive.reserveCapacity(active.count)
            for index in active {
                let position = conversations[index].position
                let answer = people[index].answer(position: position, program: program)
                outputs.removeAll(keepingCapacity: true)
                conversations[index].apply(.answered(answer, at: Timestamp(millisecondsSince1970: clock)), into: &outputs)
                if conversations[index].status == .active { stillActive.append(index) }
            }
            active = stillActive
        }
        // The start and each answer.
        return zip(conversations, people).map { FinishedSession(conversation: $0, turns: 1 + $1.turn) }
    }

    static func milliseconds(_ duration: Duration) -> Double { seconds(duration) * 1000 }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func residentBytes() -> Int {
        statusField("VmRSS:") * 1024
    }

    static func peakResidentKiB() -> Int {
        statusField("VmHWM:")
    }

    /// A figure in KiB from /proc/self/status.
    static func statusField(_ name: String) -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix(name) }
        return line.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
    }
}

/// A session at its end, with how many turns it took.
struct FinishedSession: Sendable {
    var conversation: Conversation
    var turns: Int
}

/// Answers like a person would: mostly concrete, sometimes vague enough to draw a probe.
struct SimulatedPerson {
    var seed: Int
    /// How many answers it gave.
    private(set) var turn = 0

    init(seed: Int) {
        self.seed = seed
    }

    static let concrete = [
        "Jeg leverede projekt Apollo tre uger før deadline og sparede kunden 200.000 kr.",
        "Fx planlagde jeg sprints i foråret, så teamet leverede til tiden hver måned",
        "Vi fik 30 % færre fejl efter jeg indførte kodegennemgang i marts",
    ]
    static let vague = ["Det gik fint", "Godt", "Det ved jeg ikke"]
    static let items = ["Kursus i softwarearkitektur", "Projektledelse", "Certificering i AWS"]

    /// Items given to the list being answered.
    private var listItems = 0

    mutating func answer(position: Conversation.Position?, program: ScriptProgram) -> String {
        turn += 1
        let variant = (seed &+ turn) % 7
        guard let position else { return "" }
        switch position {
        case .probe: return Self.concrete[variant % 3]
        case .listItems:
            guard listItems < 2 else { return "" }
            listItems += 1
            return Self.items[variant % 3]
        case .question(let index, _):
            switch program.questions[index].question.kind {
            case .text: return variant == 0 ? Self.vague[seed % 3] : Self.concrete[variant % 3]
            case .yesNo: return variant % 2 == 0 ? "ja" : "nej"
            case .choice(let options): return String(variant % options.count + 1)
            case .scale(let scale): return String(scale.min + variant % (scale.max - scale.min + 1))
            case .list:
                listItems = 1
                return Self.items[variant % 3]
            }
        }
    }
}
