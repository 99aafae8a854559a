import CoachScript
import Foundation
import Testing

func loadBundled(_ name: String) throws -> Script {
    let url = repositoryRoot.appendingPathComponent("dialogues/\(name).yaml")
    let result = ScriptLoader.load(text: try String(contentsOf: url, encoding: .utf8), path: "dialogues/\(name).yaml")
    #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
    return try #require(result.script)
}

@Test(arguments: ["mus.da", "mus.en"])
func bundledScriptLoadsClean(name: String) throws {
    let script = try loadBundled(name)
    #expect(script.id == "mus")
    #expect(script.sections.count == 11)
    #expect(script.tips.count == 13)
}

/// Answers, replays and the brief hang on ids: both languages must have the same ones, in the same places.
@Test(arguments: ["mus", "opfoelgning"])
func translationsShareEveryID(script: String) throws {
    let danish = try loadBundled("\(script).da")
    let english = try loadBundled("\(script).en")
    func shape(_ script: Script) -> [String] {
        script.tips.map { "tip \($0.id)" } + script.sections.flatMap { section in
            ["section \(section.id)"] + section.questions.flatMap { question in
                ([question] + question.each).map { question in
                    var line = "question \(question.id) \(question.kind.name) tips=\(question.tips) tags=\(question.tags)"
                    line += " probes=\(question.probes.map(\.id)) when=\(question.when != nil)"
                    if case .choice(let options) = question.kind { line += " options=\(options.map(\.id))" }
                    return line
                }
            }
        }
    }
    #expect(shape(danish) == shape(english))
    #expect(danish.language == .danish && english.language == .english)
}

@Test func graphOfASmallScript() throws {
    let text = """
    script: g
    version: 1
    language: da
    title: G
    sections:
      - id: a
        title: Første
        questions:
          - id: har
            ask: Har du?
            type: yes-no
          - id: hvad
            when: har == yes
            ask: Hvad har du?
            probes:
              - id: mere
                if: vague
                max: 2
                ask: Mere?
      - id: b
        title: Anden
        questions:
          - id: liste
            ask: Nævn ting
            type: list
            each:
              - id: hvorfor
                ask: Hvorfor "{item}"?
    """
    let script = try #require(ScriptLoader.load(text: text, path: "g.yaml").script)
    try expectGolden(ScriptGraph(script).render(.dot), "graph.dot")
    try expectGolden(ScriptGraph(script).render(.mermaid), "graph.mmd")
}
