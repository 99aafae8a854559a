import CoachEngine
import CoachPlan
import CoachScript
import CoachSummary
import Foundation

/// A persona's preparation held with the bundled script, their brief, and each expectation checked.
public struct PersonaBrief: Sendable {
    public var persona: Persona
    public var program: ScriptProgram
    public var transcript: Transcript
    public var brief: Brief
    /// What goes to the manager.
    public var agenda: ManagerAgenda
    public var checks: [PersonaCheck]
    /// The checks of what the manager reads (`ComposedCheck`).
    public var composedChecks: [PersonaCheck]
    /// Persona answers the dialogue never asked for.
    public var unused: [String]
}

extension DialogueLibrary {
    public struct PersonaError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Every `*.yaml` persona in `folder`, in name order, run with this library's scripts and checked.
    public func personaBriefs(in folder: URL) throws -> [PersonaBrief] {
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        var programs: [String: ScriptProgram] = [:]
        return try files.map { file in
            let persona = try Persona(yaml: String(contentsOf: file, encoding: .utf8), path: Self.displayPath(file))
            let program: ScriptProgram
            if let known = programs[persona.script] {
                program = known
            } else {
                guard let script = Self.loadScript(at: self.folder.appendingPathComponent("\(persona.script).yaml")).result.script else {
                    throw PersonaError(description: "\(Self.displayPath(file)): the script \(persona.script) does not load")
                }
                program = ScriptProgram(script)
                programs[persona.script] = program
            }
            let run = try PersonaRunner.run(persona, on: program)
            let knowledge = try briefKnowledge(program.script.language)
            let brief = BriefBuilder.build(run.transcript, program: program, knowledge: knowledge)
            let agenda = ManagerAgenda(run.transcript, program: program, knowledge: knowledge)
            return PersonaBrief(persona: persona, program: program, transcript: run.transcript, brief: brief, agenda: agenda,
                                checks: PersonaCheck.checks(persona, brief: brief),
                                composedChecks: ComposedCheck.checks(persona, brief: brief, agenda: agenda), unused: run.unused)
        }
    }
}
