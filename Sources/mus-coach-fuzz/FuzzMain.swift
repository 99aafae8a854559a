import CoachScript
import Foundation

#if FUZZING
import CLibFuzzer
#endif

/// Feeds bytes to the script loader or the condition parser: neither may crash, hang or trap,
/// whatever the input. Built with `-sanitize=fuzzer -DFUZZING` it runs libFuzzer; built normally
/// it replays corpus files given on the command line, which is how CI keeps found inputs fixed.
enum FuzzTarget: String {
    case script, condition

    func run(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        switch self {
        case .script:
            _ = ScriptLoader.load(text: text, path: "fuzz.yaml")
        case .condition:
            _ = ConditionParser.parse(text, scope: FuzzScope.scope, language: .danish)
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
            FileHandle.standardError.write(Data("usage: mus-coach-fuzz script|condition [libFuzzer options | files...]\n".utf8))
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
