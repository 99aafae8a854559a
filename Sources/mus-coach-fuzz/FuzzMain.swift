import CoachEngine
import CoachJSON
import CoachProtocol
import CoachScript
import CoachSpelling
import CoachStore
import CoachSummary
import CoachText
import Foundation

#if FUZZING
import CLibFuzzer
#endif

/// Feeds bytes to the script loader, the condition parser or the protocol (line framing, request
/// decoding and the session host): none may crash, hang or trap, and every protocol reply must be
/// valid JSON, whatever the input. Built with `-sanitize=fuzzer -DFUZZING` it runs libFuzzer; built normally
/// it replays corpus files given on the command line, which is how CI keeps found inputs fixed.
enum FuzzTarget: String {
    case script, condition, `protocol`

    func run(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .script:
            _ = ScriptLoader.load(text: text, path: "fuzz.yaml")
        case .condition:
            _ = ConditionParser.parse(text, scope: FuzzScope.scope, language: .danish)
        case .protocol:
            FuzzProtocol.run(bytes)
        }
    }
}

/// A scope with one question of each kind, so the parser's checks are reached, not just its errors.
enum FuzzScope {
    static let scope: ConditionScope = {
        let here = SourceLocation(path: "fuzz", line: 1, column: 1)
        let kinds: [(String, QuestionKind)] = [
            ("tekst", .text), ("ja-nej", .yesNo), ("skala", .scale(ScaleSpec(min: 1, max: 5, minLabel: nil, maxLabel: nil))),
            ("valg", .choice([ChoiceOption(id: "a", label: "A"), ChoiceOption(id: "b", label: "B")])), ("liste", .list),
        ]
        var questions: [String: ConditionScope.QuestionInfo] = [:]
        for (order, (id, kind)) in kinds.enumerated() {
            questions[id] = .init(kind: kind, order: order, listParent: nil, location: here)
        }
        return ConditionScope(questions: questions, position: kinds.count, current: ("tekst", .text))
    }()
}

/// One host per input over a small script in memory; the input is the byte stream a gateway sends.
enum FuzzProtocol {
    static let script: Script = ScriptLoader.load(text: """
        script: fuzz
        version: 1
        language: da
        title: Fuzz
        sections:
          - id: s
            title: S
            questions:
              - id: har
                ask: Har du?
                type: yes-no
              - id: hvad
                ask: Hvad, {answer:har}?
                probes:
                  - id: mere
                    if: vague
                    ask: Mere?
              - id: liste
                ask: Liste
                type: list
                each:
                  - id: hvorfor
                    ask: Hvorfor {item}?
        """, path: "fuzz.yaml").script!

    final class Backend: SessionBackend {
        var files: [String: SessionFile] = [:]
        func script(named name: String, language: String) -> Script? { name == "fuzz" && language == "da" ? FuzzProtocol.script : nil }
        func briefKnowledge(_ language: Language) throws -> BriefKnowledge { .empty(language) }
        func exists(name: String) -> Bool { files[name] != nil }
        func load(name: String) throws(StoreError) -> SessionFile {
            guard let file = files[name] else { throw .notFound(name: name, path: name) }
            return file
        }
        func write(_ file: SessionFile) throws(StoreError) { files[file.name] = file }
        func gatewaySessions() -> [SessionFile] { Array(files.values) }
        func spellChecker(_ language: Language) -> SpellChecker? { nil }
        /// Notes go to a throw-away file, emptied before each input.
        func notes(of user: String) -> NoteJournal { NoteJournal(url: FuzzProtocol.notesURL) }
    }

    static let notesURL = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("mus-coach-fuzz-notes-\(getpid()).jsonl")

    static func run(_ bytes: UnsafeRawBufferPointer) {
        try? FileManager.default.removeItem(at: notesURL)
        var host = SessionHost(configuration: HostConfiguration(maxLineBytes: 4096, maxSessions: 4, idleMilliseconds: 50,
                                                                defaultScript: "fuzz"),
                               backend: Backend())
        var framer = LineFramer(limit: 4096)
        var clock: Int64 = 0
        var journal: [UInt8] = []
        for frame in framer.feed(bytes) + framer.finish() {
            clock += 10
            host.handle(frame, at: Timestamp(millisecondsSince1970: clock))
            // Each line a batch of its own, durable at once, as the server's committer makes it.
            let batch = host.takeBatch()
            for reply in batch.replies.split(separator: 0x0A) {
                precondition((try? JSONParser.parse(Array(reply))) != nil, "a reply is not valid JSON")
            }
            journal += batch.records
            host.committed(through: batch.number)
            host.removed(batch.deletions)
            _ = try? host.evictIdle(now: Timestamp(millisecondsSince1970: clock))
        }
        _ = host.recover(journal.split(separator: 0x0A).map(Array.init))
    }
}

nonisolated(unsafe) var selectedTarget = FuzzTarget.script

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    selectedTarget.run(UnsafeRawBufferPointer(start: data, count: size))
    return 0
}

@main
struct FuzzMain {
    static func main() {
        var arguments = CommandLine.arguments
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
            FileHandle.standardError.write(Data("usage: mus-coach-fuzz script|condition|protocol [libFuzzer options | files...]\n".utf8))
            exit(2)
        }
        selectedTarget = target
        arguments.remove(at: 1)
        #if FUZZING
        var argc = Int32(arguments.count)
        var cStrings = arguments.map { strdup($0) } + [nil]
        cStrings.withUnsafeMutableBufferPointer { buffer in
            var argv = buffer.baseAddress
            exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                guard let data else { return 0 }
                return fuzzOneInput(data, size)
            })
        }
        #else
        var count = 0
        for path in arguments.dropFirst() {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: path)).map { $0.map { "\(path)/\($0)" } } ?? [path]
            for file in files {
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                data.withUnsafeBytes { target.run($0) }
                count += 1
            }
        }
        print("replayed \(count) inputs through the \(target.rawValue) target")
        #endif
    }
}
