import CoachText

/// The brief's fixed phrasing, in the script's language.
public struct BriefStrings: Sendable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    private func text(_ da: String, _ en: String) -> String { language == .danish ? da : en }

    public var title: String { text("Min forberedelse til MUS", "My preparation for the MUS") }
    public var wants: String { text("Det vil jeg have ud af samtalen", "What I want from this MUS") }
    public var results: String { text("Resultater at fremhæve", "Results to highlight") }
    public var tasks: String { text("Opgaver og motivation", "Tasks and motivation") }
    public var collaboration: String { text("Samarbejde og trivsel", "Collaboration and well-being") }
    public var future: String { text("Fremtid, bidrag og kompetencer", "The future, my contribution and skills") }
    public var wishes: String { text("Udviklingsønsker og argumentation", "Development wishes and the case for each") }
    public var needs: String { text("Virksomhedens behov", "The company's needs") }
    public var commonGround: String { text("Fælles interesser", "Common ground") }
    public var questions: String { text("Spørgsmål til min leder", "Questions for my manager") }
    public var feedback: String { text("Coachens bemærkninger", "Coach's remarks") }
    public var checklist: String { text("Tjekliste", "Checklist") }
    public var detail: String { text("Konkret", "In practice") }
    public var why: String { text("Hvorfor det er vigtigt for mig", "Why it matters to me") }
    public var benefit: String { text("Sådan gavner det virksomheden", "How it serves the company") }
    public var meetsNeeds: String { text("Dækker behovet", "Meets the need") }
    public var evidence: String { text("Det har jeg allerede vist", "What I have already shown") }
    public var takes: String { text("Det kræver", "What it takes") }
    public var nextStep: String { text("Forslag til næste skridt", "Proposed next step") }
    public var ownWishes: String { text("Mine ønsker", "My wishes") }
    public var companyNeeds: String { text("Virksomhedens behov", "The company's needs") }
    public var shared: String { text("Fælles", "Shared") }
    public var noNeedFor: String { text("Uden koblet behov", "Not yet linked to a need") }
    public var needNoWish: String { text("Behov uden ønske", "Needs without a wish") }
    public var sources: String { text("kilde", "source") }
    public var nothing: String { text("Intet endnu.", "Nothing yet.") }
    public var scalesCaption: String { text("Dine svar på skalaerne", "Your answers on the scales") }

    func nextStep(wish: String, takes: String?) -> String {
        if let takes {
            return text("Aftal «\(wish)»: \(takes) — og en dato for opfølgning.", "Agree on \"\(wish)\": \(takes) — and a date to follow up.")
        }
        return text("Aftal et første skridt for «\(wish)» og en dato for opfølgning.", "Agree on a first step for \"\(wish)\" and a date to follow up.")
    }

    func wishWithoutBenefit(_ wish: String) -> String {
        text("«\(wish)»: skriv, hvordan det gavner virksomheden, og hvilket behov det dækker — det er det stærkeste argument, og det mangler.",
             "\"\(wish)\": say how it serves the company and which need it meets — that is the strongest argument, and it is missing.")
    }

    func wishWithoutNeed(_ wish: String) -> String {
        text("«\(wish)» er ikke koblet til nogen af de behov, du nævnte. Knyt det til et behov, eller tilføj behovet.",
             "\"\(wish)\" is not linked to any of the needs you named. Tie it to one, or add the need.")
    }

    var resultsNotConcrete: String {
        text("Dine resultater mangler noget konkret: tilføj tal, projektnavne eller datoer (råd 5: vær så konkret som muligt).",
             "Your results lack anything concrete: add numbers, project names or dates (tip 5: be as concrete as possible).")
    }

    func personalCriticism(_ question: String) -> String {
        text("Det du skrev til «\(question)» kan lyde personligt. Hold kritikken faglig, og sig hvordan det påvirker dig (råd 9).",
             "What you wrote for \"\(question)\" may sound personal. Keep criticism professional and say how it affects you (tip 9).")
    }

    func lowScore(_ question: String, _ value: Int, _ max: Int) -> String {
        text("Du svarede \(value)/\(max) på «\(question)». Det er værd at tage op i samtalen.",
             "You answered \(value)/\(max) to \"\(question)\". It is worth raising in the talk.")
    }

    func agreementOpen(_ agreement: String, _ status: String) -> String {
        text("Aftalen «\(agreement)» er ikke fulgt op (\(status)). Tag den med.",
             "The agreement \"\(agreement)\" has not been followed up (\(status)). Bring it up.")
    }
}
