import CoachEngine
import CoachScript
import CoachSummary
import Foundation
import GoldenFiles
import Testing

/// A golden plan's answers, each text answer with a marker of its own, and sharing choices drawn at
/// random: the markers say where each answer went.
private struct MarkedSession {
    var transcript: Transcript
    /// Marker → the answer id it was written into.
    var markers: [String: String] = [:]

    init(plan: String, seed: UInt64) throws {
        let fixture = try Fixture(plan: plan)
        var random = SplitMix(seed: seed)
        var conversation = Conversation(program: fixture.program)
        var events: [Event] = []
        for event in fixture.transcript.events {
            var event = event
            // Only free text takes a marker without changing what the answer means.
            if case .answered(let text, let at) = event, !text.isEmpty, let position = conversation.position,
               case .text = fixture.program.questions[position.index].kind, let step = conversation.currentStep {
                let marker = Self.marker(markers.count)
                markers[marker] = StepID(question: step.question, item: step.item).description
                event = .answered(text + " " + marker, at: at)
            }
            _ = conversation.apply(event)
            events.append(event)
        }
        // Every answer gets none, one or two choices; the last holds. Lists are chosen for as a whole too.
        let ids = Set(conversation.records.map { fixture.program.step(of: $0).description })
        var at = events.last!.timestamp.millisecondsSince1970
        for id in ids.sorted() {
            for _ in 0..<random.next(below: 3) {
                at += 1
                events.append(.sharingChanged(answer: id, to: random.next(below: 2) == 0 ? .private : .shared, at: Timestamp(millisecondsSince1970: at)))
            }
        }
        transcript = Transcript(script: fixture.transcript.script, events: events)
        self.program = fixture.program
    }

    let program: ScriptProgram

    /// `zqxavw`, `zqxbvw` …: letters only (a digit would be read as a number), and none inside another.
    private static func marker(_ number: Int) -> String {
        var number = number
        var letters = ""
        repeat {
            letters.append(Character(UnicodeScalar(UInt8(97 + number % 26))))
            number /= 26
        } while number > 0
        return "zqx" + letters + "vw"
    }

    /// The markers of the answers that ended up private.
    var privateMarkers: [String] {
        let conversation = transcript.replay(on: program).conversation
        let choices = SharingChoices(transcript.events)
        let privateIDs = Set(conversation.records.filter { conversation.sharing(of: $0, choices: choices) == .private }
            .map { program.step(of: $0).description })
        return markers.filter { privateIDs.contains($0.value) }.map(\.key)
    }
}

/// Deterministic draws, so that a failure can be run again.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// The text and HTML parts of a mail draft, decoded from base64.
func decodedParts(ofMail mail: String) -> [String] {
    mail.components(separatedBy: "\r\n\r\n").dropFirst(2).map { part in
        let base64 = part.components(separatedBy: "\r\n--").first!.replacingOccurrences(of: "\r\n", with: "")
        return String(decoding: Data(base64Encoded: base64) ?? Data(), as: UTF8.self)
    }
}

/// No private answer reaches what is sent, in any format; and the agenda is not empty: shared
/// answers do reach it.
@Test(arguments: ["glad-vej.da", "happy-path.en", "lister.da", "prober.da"])
func nothingPrivateReachesTheAgenda(plan: String) throws {
    var sharedSeen = 0
    for seed in 0..<25 as Range<UInt64> {
        let session = try MarkedSession(plan: plan, seed: seed)
        let knowledge = try dialogues.briefKnowledge(session.program.script.language)
        let agenda = ManagerAgenda(session.transcript, program: session.program, knowledge: knowledge)
        let mail = agenda.render(.eml, recipient: "leder@example.dk")
        // The mail's parts as a mail client shows them, decoded; the message as written, too.
        let readable = [ManagerAgenda.Format.markdown, .html, .text].map { agenda.render($0) } + decodedParts(ofMail: mail)
        let outputs = readable + [mail]
        let privateMarkers = session.privateMarkers
        for marker in privateMarkers {
            for output in outputs { #expect(!output.contains(marker), "\(plan) seed \(seed): \(session.markers[marker]!) is private") }
        }
        #expect(agenda.leftOut.count >= Set(privateMarkers.map { session.markers[$0]! }).count)
        let shared = session.markers.keys.filter { !privateMarkers.contains($0) }
        sharedSeen += shared.filter { marker in readable.allSatisfy { $0.contains(marker) } }.count
        // The person's own brief keeps everything and marks what is private.
        let brief = BriefBuilder.build(session.transcript, program: session.program, knowledge: knowledge)
        #expect(Set(brief.privateAnswers).isSuperset(of: agenda.leftOut.map(\.id)))
    }
    #expect(sharedSeen > 0, "\(plan): no shared answer reached the agenda, so the test proves nothing")
}

/// The HTML agenda printed to PDF, as a person prints it before the talk: the text in the PDF holds
/// no private answer either. Needs `chromium` and `pdftotext`, which `.ci/run` installs.
@Test func thePrintedAgendaHoldsNoPrivateAnswer() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mus-coach-agenda-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let session = try MarkedSession(plan: "glad-vej.da", seed: 7)
    let agenda = ManagerAgenda(session.transcript, program: session.program, knowledge: try dialogues.briefKnowledge(.danish))
    let html = folder.appendingPathComponent("agenda.html")
    let pdf = folder.appendingPathComponent("agenda.pdf")
    try agenda.render(.html).write(to: html, atomically: true, encoding: .utf8)
    try run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                         "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(pdf.path)", html.absoluteString])
    let printed = try run("pdftotext", [pdf.path, "-"])
    #expect(printed.contains(BriefStrings(.danish).agendaTitle))
    #expect(!session.privateMarkers.isEmpty)
    for marker in session.privateMarkers { #expect(!printed.contains(marker), "\(session.markers[marker]!) is private") }
}

/// The bundled script keeps well-being, collaboration in the team and work-life balance private
/// until the person shares them; a choice for a list holds for its items' follow-ups.
@Test func theScriptsDefaultsAndThePersonsChoices() throws {
    let fixture = try Fixture(plan: "glad-vej.da")
    let program = fixture.program
    var choices = SharingChoices([])
    #expect(choices.sharing(of: StepID(question: "trivsel"), in: program) == .private)
    #expect(choices.sharing(of: StepID(question: "trivsel", probe: "hvad-paavirker"), in: program) == .private)
    #expect(choices.sharing(of: StepID(question: "lykkedes"), in: program) == .shared)
    let at = Timestamp(millisecondsSince1970: 1)
    choices = SharingChoices([.sharingChanged(answer: "trivsel", to: .shared, at: at), .sharingChanged(answer: "oensker", to: .private, at: at),
                              .sharingChanged(answer: "trivsel", to: .private, at: at), .sharingChanged(answer: "trivsel", to: .shared, at: at)])
    #expect(choices.sharing(of: StepID(question: "trivsel"), in: program) == .shared)
    #expect(choices.sharing(of: StepID(question: "gavn", item: .init(list: "oensker", index: 1)), in: program) == .private)
}

/// What goes to the manager, as the person would send it: the points, the wishes with their case,
/// results and questions — no coach's remarks, no judgement, no objections to prepare for.
@Test func goldenAgendas() throws {
    let danish = try Fixture(plan: "glad-vej.da")
    let agenda = ManagerAgenda(danish.transcript, program: danish.program, knowledge: try dialogues.briefKnowledge(.danish))
    try expectGolden(agenda.render(.markdown), "glad-vej.da.agenda.md")
    try expectGolden(agenda.render(.eml, date: Date(timeIntervalSince1970: 1_796_000_000)), "glad-vej.da.agenda.eml")
    let english = try Fixture(plan: "happy-path.en")
    try expectGolden(ManagerAgenda(english.transcript, program: english.program, knowledge: try dialogues.briefKnowledge(.english)).render(.text),
                     "happy-path.en.agenda.txt")
    let strings = BriefStrings(.danish)
    let markdown = agenda.render(.markdown)
    for word in [strings.feedback, strings.judgement, strings.checklist] { #expect(!markdown.contains(word)) }
    #expect(!markdown.contains(danish.brief.scales.first { $0.source == "trivsel" }!.question))
    #expect(agenda.leftOut.map(\.id) == ["trivsel", "samarbejde-team", "work-life"])
}
