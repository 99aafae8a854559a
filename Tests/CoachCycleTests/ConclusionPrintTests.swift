import CoachEngine
import CoachLibrary
import CoachCycle
import CoachScript
import CoachStore
import Foundation
import GoldenFiles
import Testing

/// The conclusion's page printed to PDF by headless Chromium, as a person prints it: a full
/// follow-up (five agreements, three goals, feedback, reflections) fits one A4 page.
/// Needs `chromium` and `pdfinfo`/`pdftotext` (poppler-utils), which `.ci/run` installs.
@Test func aFullConclusionPrintsOnOneA4Page() throws {
    let library = DialogueLibrary(folder: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("dialogues"))
    let program = ScriptProgram(try #require(DialogueLibrary.loadScript(at: library.scriptURL("opfoelgning", language: "da")).result.script))
    let lines = [
        "27. november 2026",
        "Kursus i projektledelse hos DI", "Mentorordning med en erfaren projektleder", "Plan for onboarding af nye kolleger",
        "Fast ugentligt 1:1 med min leder", "Deltagelse i arkitekturforum", "",
    ] + [
        ["Min leder", "2027-03-01"], ["Begge", "2027-04-30"], ["Mig", "2027-05-04"], ["Min leder", "2027-01-15"], ["Mig", "2027-02-01"],
    ].flatMap { $0 } + [
        "Lede et projekt alene", "Præsentere for ledelsen", "Kunne Kubernetes i drift", "",
        "Jeg leder Apollo-projektets næste fase med Lene som sparringspartner", "2027-06-30", "Fasen leveres til tiden i juni uden hjælp fra Lene",
        "Kursus i præsentationsteknik hos Teknologisk Institut i februar", "2027-03-31", "Jeg holder oplægget på afdelingsmødet i marts",
        "Certificering (CKA) og to uger i driftsteamet i januar", "2027-04-15", "Jeg tager vagten alene i april uden eskalering",
        "Ros for leverancen af Apollo 2 tre uger før tid og for sparringen med de nye kolleger; ønske om mere synlighed i styregruppen",
        "Jeg vil tænke over, om jeg vil være projektleder på fuld tid, eller om arkitekturen trækker mere",
        "15/2-2027",
    ]
    let at = Timestamp(millisecondsSince1970: 1_795_780_000_000)
    let file = SessionFile(name: "opf", created: at, transcript: Transcript(script: program.script, events: [.started(at: at)] + lines.map { .answered($0, at: at) }))
    let created = try #require(LocalDate(year: 2026, month: 11, day: 27))
    let followUp = FollowUp(file, program: program, created: created)
    #expect(followUp.agreements.count == 5 && followUp.goals.count == 3 && followUp.nextCheckIn != nil, "every answer landed where it belongs")
    let html = MUSConclusion(followUp, strings: CycleStrings(.danish)).render(.html, copy: .own, today: created)

    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mus-coach-conclusion-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("konklusion.html")
    let pdf = folder.appendingPathComponent("konklusion.pdf")
    try html.write(to: page, atomically: true, encoding: .utf8)
    try run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(pdf.path)", page.absoluteString])
    let info = try run("pdfinfo", [pdf.path])
    #expect(info.split(separator: "\n").contains { $0.hasPrefix("Pages:") && $0.hasSuffix(" 1") }, "\(info)")
    let text = try run("pdftotext", [pdf.path, "-"])
    #expect(text.contains("MUS-konklusion") && text.contains("Udviklingsplan") && text.contains("2027-02-15"))
}
