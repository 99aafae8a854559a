import CoachText
import Testing

/// Expected stems are the reference Snowball implementation's output for the same words.
@Test(arguments: [
    ("kurser", "kurs"), ("kurset", "kurs"), ("kursus", "kursus"), ("kurserne", "kurs"),
    ("uddannelse", "uddan"), ("uddannelsen", "uddan"), ("uddannelser", "uddan"),
    ("udviklingsønsker", "udviklingsønsk"), ("virksomhedens", "virksom"),
    ("medarbejderudviklingssamtale", "medarbejderudviklingssamtal"), ("samarbejdet", "samarbejd"),
    ("kollegerne", "kolleg"), ("løst", "løst"), ("løsning", "løsning"), ("hurtigere", "hurt"),
    ("forbedringer", "forbedring"), ("ledelse", "led"), ("ledelsen", "led"), ("arbejdsopgaver", "arbejdsopgav"),
    ("motiveret", "motiv"), ("trivsel", "trivsel"), ("projekterne", "projek"), ("bestemmelse", "bestem"),
    ("indtægt", "indtæg"), ("heldigvis", "heldigvis"), ("igst", "ig"), ("mindst", "mindst"),
    ("kompetencer", "kompetenc"), ("kompetencen", "kompetenc"), ("erfaringer", "erfaring"),
])
func danishStem(word: String, stem: String) {
    #expect(DanishStemmer.stem(word) == stem)
}
