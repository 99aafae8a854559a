import CoachText
import Testing

@Test(arguments: [
    ("kursus", "Jeg vil gerne på kurset i foråret", true),
    ("kursus", "Kurserne er gode", true),
    ("kursus", "KURSER i ledelse", true),
    ("uddannelse", "uddannelsen varer et år", true),
    ("ved ikke", "Det ved jeg ikke", false),
    ("ved ikke", "jeg ved ikke", true),
    ("kursus", "en kurve", false),
    ("cafe", "Mødet på Café Nord", true),
    ("jeg", "Det er godt", false),
])
func danishMentions(needle: String, text: String, expected: Bool) {
    #expect(MentionMatcher(phrases: [needle], language: .danish).matches(text) == expected)
}

@Test(arguments: [
    ("course", "I took two courses", true),
    ("training", "I trained the new hires", true),
    ("don't know", "I don't know", true),
    ("certification", "the certificate", true),
    ("manager", "management matters", true),
    ("manager", "the manuscript", false),
])
func englishMentions(needle: String, text: String, expected: Bool) {
    #expect(MentionMatcher(phrases: [needle], language: .english).matches(text) == expected)
}
