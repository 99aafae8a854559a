import CoachSummary

/// A persona's expectations checked one by one against their brief, in the brief's own terms.
public struct PersonaCheck: Sendable, CustomStringConvertible {
    /// What was expected, e.g. `weak: Learn Rust in work time`.
    public var expectation: String
    public var passed: Bool
    /// What the brief shows instead, when it fails.
    public var found: String?

    public var description: String { (passed ? "ok   " : "FAIL ") + expectation + (found.map { " — \($0)" } ?? "") }

    public static func checks(_ persona: Persona, brief: Brief) -> [PersonaCheck] {
        let expect = persona.expect
        var checks: [PersonaCheck] = []
        func check(_ expectation: String, _ passed: Bool, _ found: @autoclosure () -> String) {
            checks.append(PersonaCheck(expectation: expectation, passed: passed, found: passed ? nil : found()))
        }
        let wishes = brief.wishes.map(\.wish.text)
        check("wishes: \(expect.wishes)", wishes.count == expect.wishes, "\(wishes.count): \(wishes)")
        func wish(_ name: String) -> WishArgument? { brief.wishes.first { $0.wish.text == name } }
        for name in expect.benefitMissing {
            let verdict = wish(name)?.judgement.benefit
            check("benefit flagged: \(name)", verdict.map { !$0.counts } ?? false, verdict.map { "\($0)" } ?? "no such wish")
        }
        for name in expect.benefitGiven {
            let verdict = wish(name)?.judgement.benefit
            check("benefit not flagged: \(name)", verdict?.counts ?? false, verdict.map { "\($0)" } ?? "no such wish")
        }
        for name in expect.weak {
            let rating = wish(name)?.judgement.rating
            check("weak: \(name)", rating == .weak, rating.map { "\($0)" } ?? "no such wish")
        }
        for name in expect.notWeak {
            let rating = wish(name)?.judgement.rating
            check("not weak: \(name)", rating.map { $0 != .weak } ?? false, rating.map { "\($0)" } ?? "no such wish")
        }
        let printed = brief.render(.text)
        let everywhere = BriefFormat.allCases.map { brief.render($0) }
        for fact in expect.mustAppear {
            check("appears: \(fact)", printed.contains(fact), "not in the printed brief")
        }
        for fact in expect.mustNotAppear {
            check("invented nowhere: \(fact)", !everywhere.contains { $0.contains(fact) }, "found in the brief")
        }
        for attack in expect.notATalkingPoint {
            check("not carried into the talk: \(attack)", !everywhere.contains { $0.contains(attack) }, "found in the brief")
        }
        let kinds = Set(brief.feedback.map(\.kind))
        let lowRaised = brief.agenda.contains { $0.kind == .wellBeing }
        check("low well-being on the agenda: \(expect.lowWellBeingRaised)", lowRaised == expect.lowWellBeingRaised, "\(lowRaised)")
        let reframed = kinds.contains(.personalCriticism)
        check("criticism reframed: \(expect.criticismReframed)", reframed == expect.criticismReframed, "\(reframed)")
        let thin = kinds.contains(.thinAnswers)
        check("thin answers noted: \(expect.thinAnswersNoted)", thin == expect.thinAnswersNoted, "\(thin)")
        return checks
    }
}
