import Foundation
import CoachText

/// The brief's fixed phrasing, in the script's language.
public struct BriefStrings: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    func text(_ da: String, _ en: String) -> String { language == .danish ? da : en }

    public var title: String { text("Min forberedelse til MUS", "My preparation for the MUS") }
    public var wants: String { text("Det vil jeg have ud af samtalen", "What I want from this MUS") }
    public var results: String { text("Resultater at fremhæve", "Results to highlight") }
    public var tasks: String { text("Opgaver og motivation", "Tasks and motivation") }
    public var collaboration: String { text("Samarbejde og trivsel", "Collaboration and well-being") }
    public var future: String { text("Fremtid, bidrag og kompetencer", "The future, my contribution and skills") }
    public var wishes: String { text("Udviklingsønsker og argumentation", "Development wishes and the case for each") }
    public var needs: String { text("Arbejdspladsens behov", "Your workplace's needs") }
    public var commonGround: String { text("Fælles interesser", "Common ground") }
    public var questions: String { text("Spørgsmål til min leder", "Questions for my manager") }
    public var feedback: String { text("Coachens bemærkninger", "Coach's remarks") }
    public var checklist: String { text("Tjekliste", "Checklist") }
    public var detail: String { text("Konkret", "In practice") }
    public var why: String { text("Hvorfor det er vigtigt for mig", "Why it matters to me") }
    public var benefit: String { text("Sådan gavner det arbejdspladsen", "How it serves the workplace") }
    public var meetsNeeds: String { text("Dækker behovet", "Meets the need") }
    public var evidence: String { text("Det har jeg allerede vist", "What I have already shown") }
    public var takes: String { text("Det kræver", "What it takes") }
    public var nextStep: String { text("Forslag til næste skridt", "Proposed next step") }
    public var ownWishes: String { text("Mine ønsker", "My wishes") }
    public var companyNeeds: String { text("Arbejdspladsens behov", "Your workplace's needs") }
    public var shared: String { text("Fælles", "Shared") }
    public var noNeedFor: String { text("Uden koblet behov", "Not yet linked to a need") }
    public var needNoWish: String { text("Behov uden ønske", "Needs without a wish") }
    public var sources: String { text("kilde", "source") }
    public var nothing: String { text("Intet endnu.", "Nothing yet.") }
    public var agendaTitle: String { text("Mine punkter til MUS-samtalen", "My points for our MUS talk") }
    /// The agenda's sections, in the person's voice.
    var agendaWants: String { text("Det vil jeg gerne have ud af samtalen", "What I would like from the talk") }
    var agendaAlso: String { text("Også på dagsordenen", "Also on the agenda") }
    var agendaQuestions: String { text("Mine spørgsmål", "My questions") }
    var agendaResults: String { text("Det har jeg nået i år", "What I achieved this year") }
    var and: String { text("og", "and") }
    func greeting(_ manager: String?) -> String { text("Hej", "Dear") + (manager.map { " \($0)" } ?? "") + "," }
    var mailIntro: String {
        text("Her er mine punkter til vores MUS-samtale, så du kan se dem inden.", "Here are my points for our MUS talk, for you to see beforehand.")
    }
    func closing(_ person: String?) -> String { text("Venlig hilsen", "Kind regards") + (person.map { "\n\($0)" } ?? "") }
    var agendaDemands: String { text("Krav og ressourcer", "Demands and resources") }
    var agendaWork: String { text("Arbejdsgangen", "How the work runs") }
    var agendaWorkingTogether: String { text("Vores samarbejde", "How we work together") }

    /// A clause that says what a wish takes, opened as such ("at min rute …" → "det kræver, at min
    /// rute …", "et kursus på 5 dage" → "det kræver: et kursus på 5 dage"), so the case ends on its ask.
    func itTakes(_ clause: String) -> String {
        let lower = clause.lowercased()
        if language == .danish, lower.hasPrefix("at ") { return "det kræver, " + clause.prefix(1).lowercased() + clause.dropFirst() }
        // A clause that says it itself ("det koster 18.000 kr", "it takes two days") is left as said.
        let words = lower.split { !$0.isLetter }.map(String.init)
        if words.contains(where: ["kræver", "koster", "takes", "costs", "requires"].contains)
            || zip(words, words.dropFirst()).contains(where: { $0 == ("would", "need") }) { return clause }
        return text("det kræver: ", "what it takes: ") + afterColon(clause)
    }
    var agendaWellBeing: String { text("Trivsel og arbejdsmængde", "Well-being and workload") }
    func agendaAgreement(_ agreement: String, status: String) -> String {
        text("Aftalen fra sidst om »\(agreement)« (\(status.lowercased()))", "The agreement from last time on \"\(agreement)\" (\(status.lowercased()))")
    }

    func overBudget(_ wish: String, cost: String, budget: String, gap: String) -> String {
        text("»\(wish)« koster \(cost), og rammen, du nævnte, er \(budget): \(gap) mere. Forbered svaret på forskellen — kan du selv dække den, dele det over to år, finde en billigere udbyder, eller er der en pulje til resten?",
             "\"\(wish)\" costs \(cost), and the budget you named is \(budget): \(gap) more. Prepare your answer to the gap — could you cover it yourself, split it over two years, find a cheaper provider, or is there a fund for the rest?")
    }

    func beforeTheTalk(_ plan: String) -> String { text("Inden samtalen: \(plan)", "Before the talk: \(plan)") }
    func feedbackOn(_ what: String) -> String { text("Din feedback på: \(what).", "Your feedback on: \(what).") }
    public var privateMark: String { text("(privat)", "(private)") }
    public var privateNote: String {
        text("Punkter mærket (privat) bliver hos dig: de kommer ikke med i det, du sender din leder (mus-coach agenda).",
             "Points marked (private) stay with you: they are left out of what you send your manager (mus-coach agenda).")
    }
    public var scalesCaption: String { text("Dine svar på skalaerne", "Your answers on the scales") }

    func nextStep(wish: String, takes: String?) -> String {
        if let takes {
            return text("Aftal »\(wish)«: \(takes) — og en dato for opfølgning.", "Agree on \"\(wish)\": \(takes) — and a date to follow up.")
        }
        return text("Aftal et første skridt for »\(wish)« og en dato for opfølgning.", "Agree on a first step for \"\(wish)\" and a date to follow up.")
    }

    func benefitRemark(_ wish: String, _ benefit: WishJudgement.Benefit) -> String {
        switch benefit {
        case .evasive:
            text("»\(wish)«: dit svar om gevinsten er et undvigende svar, ikke et argument. Find ét konkret eksempel på, hvad arbejdspladsen får ud af det, før du beder om det.",
                 "\"\(wish)\": your answer about the gain is an evasion, not an argument. Find one concrete example of what the workplace gets from it before you ask.")
        case .ownSake:
            text("»\(wish)« er begrundet med, hvad det giver dig selv. Det må du gerne ønske, men din leder skal kunne se, hvad arbejdspladsen får ud af det — ellers står ønsket svagt.",
                 "\"\(wish)\" is argued by what it gives you. You may well want it, but your manager needs to see what the workplace gets from it — otherwise the wish stands weak.")
        default:
            text("»\(wish)«: skriv, hvordan det gavner arbejdspladsen, og hvilket behov det dækker — det er det stærkeste argument, og det mangler.",
                 "\"\(wish)\": say how it serves your workplace and which need it meets — that is the strongest argument, and it is missing.")
        }
    }

    func genericBenefit(_ wish: String) -> String {
        text("»\(wish)«: gevinsten er sagt i generelle ord. Sig hvad, hvor meget og hvornår — fx et tal, en opgave eller dem, det gør en forskel for — så din leder kan se den.",
             "\"\(wish)\": the gain is put in general words. Say what, how much and when — a number, a task or the people it makes a difference for — so your manager can see it.")
    }

    func thinAnswers(short: Int, of total: Int) -> String {
        text("Din forberedelse er tynd: \(short) af \(total) svar var på højst fire ord, som du først skrev dem. Din leder får mest ud af eksempler, tal og datoer — uddyb især dine resultater og ønsker, før samtalen (råd 5).",
             "Your preparation is thin: \(short) of \(total) answers were four words or fewer as first written. Your manager gets most from examples, numbers and dates — expand your results and wishes above all before the talk (tip 5).")
    }

    var talk: String { text("Samtalen", "The talk") }
    var participantsLabel: String { text("Deltagere", "Participants") }

    func stillVague(_ answer: String, question: String) -> String {
        text("Til »\(question)« svarede du »\(answer)«, også efter det uddybende spørgsmål. Find et eksempel, et tal eller et tidspunkt før samtalen (råd 5).",
             "To \"\(question)\" you answered \"\(answer)\", after the follow-up too. Find an example, a number or a time frame before the talk (tip 5).")
    }

    func wishWithoutNeed(_ wish: String) -> String {
        text("»\(wish)« er ikke koblet til nogen af de behov, du nævnte. Knyt det til et behov, eller tilføj behovet.",
             "\"\(wish)\" is not linked to any of the needs you named. Tie it to one, or add the need.")
    }

    var resultsNotConcrete: String {
        text("Dine resultater mangler noget konkret: tilføj tal, projektnavne eller datoer (råd 5: vær så konkret som muligt).",
             "Your results lack anything concrete: add numbers, project names or dates (tip 5: be as concrete as possible).")
    }

    func personalCriticism(_ question: String, facts: String?) -> String {
        guard let facts else {
            return text("Det, du skrev til »\(question)«, handler om en person, ikke om arbejdet, og er ikke med her. Tag ét konkret eksempel med: hvad skete der, og hvad betød det for arbejdet (råd 9).",
                        "What you wrote for \"\(question)\" is about a person, not the work, and is left out here. Bring one concrete example instead: what happened, and what it meant for the work (tip 9).")
        }
        return text("Det, du skrev til »\(question)«, dømmer en person; det er ikke med her. Hold dig til det, der sker, og hvad det betyder for arbejdet: »\(facts)« (råd 9).",
                    "What you wrote for \"\(question)\" judges a person; it is left out here. Keep to what happens and what it does to the work: \"\(facts)\" (tip 9).")
    }

    public var agenda: String { text("Dagsorden", "Agenda") }
    public var framework: String { text("Rammerne: det, organisationen tilbyder", "The framework: what the organisation offers") }
    public var suggestedQuestions: String { text("Spørgsmål, dine svar lægger op til", "Questions your answers suggest") }
    public var pitch: String { text("Sådan kan du sige det", "How you might put it") }
    public var judgement: String { text("Vurdering", "Assessment") }
    public var fits: String { text("Rammerne", "The framework") }

    func ifManagerSays(_ objection: String) -> String {
        text("Hvis din leder siger »\(objection)«", "If your manager says \"\(objection)\"")
    }

    var prepare: String { text("Forbered dig: ", "Prepare: ") }

    func rating(_ rating: WishJudgement.Rating) -> String {
        switch rating {
        case .strong: text("stærkt argumenteret", "strongly argued")
        case .needsWork: text("kan styrkes", "needs work")
        case .weak: text("svagt argumenteret", "weakly argued")
        }
    }

    /// Where a point already quoted above would stand again: its first words, so the reader knows
    /// which of the points above it is.
    func seeAbove(_ point: String) -> String {
        let words = point.split(whereSeparator: \.isWhitespace)
        let start = words.prefix(Self.seeAboveWords).joined(separator: " ").trimming(",.;:")
        let quoted = words.count > Self.seeAboveWords ? start + " …" : start
        return text("»\(quoted)« (se ovenfor)", "\"\(quoted)\" (see above)")
    }

    private static let seeAboveWords = 6

    /// The judgement of a wish and its reasons, one line; naming the wish where the line stands
    /// apart from its heading (in text, a judgement said of two wishes is then not the same line).
    func judgementLine(_ judgement: WishJudgement, wish: String? = nil) -> String {
        let benefit: String = switch judgement.benefit {
        case .given: text("gevinst givet", "gain given")
        case .generic: text("gevinst i generelle ord", "gain in general words")
        case .evasive: text("gevinst undvegen", "gain evaded")
        case .ownSake: text("kun til egen gavn", "for your own sake only")
        case .missing: text("ingen gevinst", "no gain given")
        }
        let reasons = [
            benefit,
            judgement.meetsNeed ? text("dækker et behov", "meets a need") : text("intet behov koblet", "no need linked"),
            judgement.backed ? text("belæg fra dine resultater", "backed by your results") : text("intet belæg endnu", "no backing yet"),
            judgement.concreteAsk ? text("konkret ønske", "concrete ask") : text("ønsket mangler hvad, hvor meget eller hvornår", "the ask lacks what, how much or when"),
        ]
        let named = wish.map { text("»\($0)« er ", "\"\($0)\" is ") } ?? ""
        return named + rating(judgement.rating) + ": " + reasons.joined(separator: "; ")
    }

    func scaleName(_ tags: Set<String>, question: String) -> String {
        if tags.contains("work-life") { return text("Balance mellem arbejde og fritid", "Work-life balance") }
        if tags.contains("trivsel") { return text("Trivsel", "Well-being") }
        if tags.contains("leder") { return text("Samarbejdet med min leder", "Working with my manager") }
        return question
    }

    func wellBeingPoint(scores: [String], causes: [String], proposal: String?) -> String {
        func sentence(_ text: String) -> String {
            let trimmed = text.trimming(" .")
            return trimmed.isEmpty ? trimmed : trimmed + "."
        }
        var line = scores.joined(separator: ", ")
        line = causes.isEmpty ? sentence(line) : line + ": " + sentence(causes.joined(separator: "; "))
        if let proposal { line += text(" Mit forslag: ", " My proposal: ") + sentence(proposal) }
        return line
    }

    func demandsPoint(_ example: String) -> String {
        text("Krav og ressourcer passede ikke: \(example)", "Demands did not fit the resources: \(example)")
    }

    func agreementLine(_ agreement: String, status: String, said: String?) -> String {
        text("»\(agreement)«", "\"\(agreement)\"") + " (\(status.lowercased()))" + (said.map { ": \($0)" } ?? "")
    }

    func agreementsPoint(_ lines: [String]) -> String {
        text("Aftaler fra sidst, der ikke er holdt: ", "Agreements from last time not kept: ") + lines.joined(separator: "; ")
    }

    func priorityPoint(_ priority: String) -> String { text("Vigtigst: ", "Most important: ") + priority }

    func wishPoint(_ wish: String, rating: WishJudgement.Rating, benefit: String?) -> String {
        "\(wish) (\(self.rating(rating)))" + (benefit.map { ": \($0)" } ?? "")
    }

    func askFeedback(_ topic: String) -> String {
        text("Vil du give mig feedback på det her: »\(topic)«?", "Could you give me feedback on this: \"\(topic)\"?")
    }

    func possibleCommonGround(_ wish: String, _ challenge: String) -> String {
        text("Kan »\(wish)« hjælpe med det, du nævnte: »\(challenge)«? Så er det et fælles behov — sig det i din sag.",
             "Could \"\(wish)\" help with what you mentioned: \"\(challenge)\"? Then it is a shared need — say so in your case.")
    }

    func askPath(_ path: String) -> String {
        text("Hvad skal der til, for at jeg når dertil: »\(path)«?", "What would it take for me to get there: \"\(path)\"?")
    }

    var askPotential: String { text("Hvor ser du mit potentiale, og hvad skal jeg blive bedre til?", "Where do you see my potential, and what should I get better at?") }

    func pitchWish(_ wish: String, detail: String?) -> String {
        text("Mit ønske: \(wish)", "My wish: \(wish)") + (detail.map { " — \($0)" } ?? "")
    }

    func pitchNeed(_ need: String) -> String { text("Det dækker et behov, vi har: \(need)", "It meets a need we have: \(need)") }

    var pitchFindNeed: String {
        text("[Find det behov i afdelingen, ønsket dækker.]", "[Find the need of the department the wish meets.]")
    }

    func pitchBenefit(_ benefit: String) -> String { text("Gevinsten: \(benefit)", "The gain: \(benefit)") }

    func pitchFindBenefit(_ benefit: WishJudgement.Benefit) -> String {
        text("[Find ét eksempel på gevinsten for arbejdspladsen: sparet tid, færre fejl, bedre kvalitet.]",
             "[Find one example of the gain for the workplace: time saved, fewer errors, better quality.]")
    }

    func pitchShown(_ shown: String) -> String { text("Det har jeg allerede vist: \(shown)", "I have already shown it: \(shown)") }

    var pitchFindShown: String {
        text("[Find én gang, du har vist, at du kan det.]", "[Find one time you have shown you can do it.]")
    }

    /// States the frame without claiming the wish fits it: the person checks that.
    func pitchFramework(_ frame: String) -> String { text("Rammerne: \(frame)", "The framework: \(frame)") }

    func pitchTakes(_ takes: String) -> String { text("Det kræver: \(takes)", "It takes: \(takes)") }

    func pitchFindTakes(_ said: String?) -> String {
        text("[Find ud af, hvad det kræver: tid, pris og hvornår", "[Find out what it takes: time, cost and when")
            + (said.map { text(" (du skrev: »\($0)«)", " (you wrote: \"\($0)\")") } ?? "") + ".]"
    }

    var pitchProposal: String {
        text("Jeg foreslår, at vi aftaler et første skridt og en dato for opfølgning.", "I propose we agree on a first step and a date to follow up.")
    }

    func lowScore(_ question: String, _ value: Int, _ max: Int) -> String {
        text("Du svarede \(value)/\(max) på »\(question)«. Det er værd at tage op i samtalen.",
             "You answered \(value)/\(max) to \"\(question)\". It is worth raising in the talk.")
    }

    func agreementOpen(_ agreement: String, _ status: String) -> String {
        text("Aftalen »\(agreement)« er ikke fulgt op (\(status)). Tag den med.",
             "The agreement \"\(agreement)\" has not been followed up (\(status)). Bring it up.")
    }
}
