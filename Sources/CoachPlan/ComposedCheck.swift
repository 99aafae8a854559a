import CoachSummary

/// What the manager reads, checked on a persona: the agenda is a composed case in the person's
/// voice (no verdict, to-do, opener or hedge; nothing twice; short paragraphs; one page), and the
/// judgement agrees with what the person said (issue 40). Every persona gets the general checks;
/// a persona's `expect` keys add its own.
public enum ComposedCheck {
    /// The most words a paragraph or a point may have, and the whole agenda.
    public static let paragraphWords = 90
    public static let agendaWords = 450

    static let verdicts = ["stærkt argumenteret", "kan styrkes", "svagt argumenteret", "strongly argued", "needs work", "weakly argued"]
    static let todos = ["[", "Find ud af", "Undersøg", "Find out", "Look into"]
    static let openers = ["Ja,", "Jamen", "Nej,", "Altså", "Yes,", "Well,", "Um", "So,"]
    static let hedges = ["tror jeg", "ved ikke", "synes egentlig", " vel ", "I think", "I guess", "I don't know", "sort of", "kind of"]
    /// Words of a private company that do not fit a public workplace.
    static let companyWords = ["kunder", "kunde", "virksomheden", "virksomhedens", "forretning", "customers", "the company", "business"]

    public static func checks(_ persona: Persona, brief: Brief, agenda: ManagerAgenda) -> [PersonaCheck] {
        var checks: [PersonaCheck] = []
        func check(_ expectation: String, _ passed: Bool, _ found: @autoclosure () -> String) {
            checks.append(PersonaCheck(expectation: expectation, passed: passed, found: passed ? nil : found()))
        }
        let sent = agenda.render(.text)
        let lines = sent.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let sentences = lines.flatMap(Self.sentences)

        check("agenda: no verdict", !verdicts.contains { sent.contains($0) }, verdicts.filter { sent.contains($0) }.joined(separator: ", "))
        check("agenda: no to-do", !todos.contains { sent.contains($0) }, todos.filter { sent.contains($0) }.joined(separator: ", "))
        let opening = sentences.filter { sentence in openers.contains { sentence.hasPrefix($0) } }
        let hedged = hedges.filter { sent.contains($0) }
        check("agenda: no opener or hedge", opening.isEmpty && hedged.isEmpty, (opening.map { "»\($0.prefix(40))«" } + hedged).joined(separator: ", "))
        for (name, text) in [("agenda", sent), ("brief", brief.render(.text))] {
            let repeated = Self.repeatedLines(text)
            check("\(name): no line twice", repeated.isEmpty, repeated.map { "»\($0.prefix(60))«" }.joined(separator: ", "))
            let long = text.split(separator: "\n").filter { Self.words($0) > paragraphWords }
            check("\(name): no paragraph over \(paragraphWords) words", long.isEmpty, long.map { "\(Self.words($0)) words: »\($0.prefix(50))«" }.joined(separator: ", "))
        }
        let words = Self.words(sent)
        check("agenda: at most \(agendaWords) words", words <= agendaWords, "\(words) words")

        let expect = persona.expect.composed
        for fact in expect.agendaMustContain { check("agenda holds: \(fact)", sent.contains(fact), "not in the agenda") }
        for text in expect.agendaMustNotContain { check("agenda leaves out: \(text)", !sent.contains(text), "in the agenda") }
        if let isPublic = expect.publicWorkplace, isPublic {
            let said = companyWords.filter { word in sent.lowercased().contains(word) && !persona.saidSomewhere(word) }
            check("agenda: the words of a public workplace", said.isEmpty, said.joined(separator: ", "))
        }
        func wish(_ name: String) -> WishArgument? { brief.wishes.first { $0.wish.text == name } }
        func paragraph(_ name: String) -> String? { agenda.paragraph(about: name) }
        for (name, fact) in expect.gains.sorted(by: { $0.key < $1.key }) {
            let gain = wish(name)?.benefit?.text ?? ""
            let judged = wish(name)?.judgement.benefit == .given
            check("gain of \(name): \(fact)", judged && gain.contains(fact) && (paragraph(name)?.lowercased().contains(fact.lowercased()) ?? false),
                  "judged \(wish(name)?.judgement.benefit.rawValue ?? "no such wish"); agenda: \(paragraph(name)?.prefix(80) ?? "no paragraph")")
        }
        for (name, text) in expect.notGain.sorted(by: { $0.key < $1.key }) {
            let pitched = wish(name)?.pitch.contains { $0.text.contains(text) && $0.sources.contains { $0.hasSuffix("/gavn") || $0.contains("/gavn/") } } ?? false
            check("not the gain of \(name): \(text)", !pitched && !(paragraph(name)?.lowercased().contains(text.lowercased()) ?? false), "presented as the gain")
        }
        for name in expect.vagueGain {
            let verdict = wish(name)?.judgement
            check("gain still vague: \(name)", verdict.map { $0.benefit != .given && $0.rating != .strong } ?? false,
                  verdict.map { "\($0.benefit), \($0.rating)" } ?? "no such wish")
        }
        for (name, need) in expect.needsMet.sorted(by: { $0.key < $1.key }) {
            let linked = (wish(name)?.meetsNeeds.contains { $0.text.contains(need) } ?? false)
                || brief.suggestedQuestions.contains { $0.text.contains(need) && $0.text.contains(name) }
                || brief.feedback.contains { $0.text.contains(need) && $0.text.contains(name) }
            check("common ground of \(name): \(need)", linked, "not linked")
        }
        for text in expect.notFramework {
            let listed = brief.framework.contains { $0.text.contains(text) } || brief.wishes.contains { $0.framework.contains { $0.text.contains(text) } }
            check("not the framework: \(text)", !listed && !sent.contains(text), "listed as the framework")
        }
        for name in expect.budgetGap {
            let compared = brief.feedback.contains { $0.kind == .overBudget && $0.text.contains(name) }
            check("cost over budget said: \(name)", compared, "not compared")
        }
        for fact in expect.criticismFactKept {
            check("criticism's fact kept: \(fact)", brief.render(.text).contains(fact) || sent.contains(fact), "dropped")
        }
        return checks
    }

    /// Sentences of a line, by their end marks.
    static func sentences(_ line: String) -> [String] {
        let cleaned = line.drop { "•-*0123456789. ".contains($0) }
        return cleaned.split(whereSeparator: { ".!?".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func words(_ text: some StringProtocol) -> Int {
        text.split(whereSeparator: { $0.isWhitespace }).count
    }

    /// Lines of five words or more that appear twice (numbering, bullets and labels aside).
    static func repeatedLines(_ text: String) -> [String] {
        var seen: Set<String> = []
        var repeated: [String] = []
        for line in text.split(separator: "\n") {
            var body = line.trimmingCharacters(in: .whitespaces).drop { "•-*0123456789. ".contains($0) }
            if let colon = body.firstIndex(of: ":"), body.distance(from: body.startIndex, to: colon) < 30 { body = body[body.index(after: colon)...] }
            let normal = body.trimmingCharacters(in: .whitespaces).lowercased()
            guard words(normal) >= 5 else { continue }
            if !seen.insert(normal).inserted { repeated.append(normal) }
        }
        return repeated
    }
}

extension Persona {
    /// Whether the person used the word themselves (then the agenda may say it too).
    func saidSomewhere(_ word: String) -> Bool {
        answers.values.contains { answer in
            switch answer {
            case .text(let text): text.lowercased().contains(word)
            case .items(let items): items.contains { $0.lowercased().contains(word) }
            }
        } || probeReplies.values.contains { $0.contains { $0.lowercased().contains(word) } }
    }
}
