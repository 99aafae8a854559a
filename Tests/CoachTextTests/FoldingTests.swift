import CoachText
import Testing

@Test(arguments: [
    ("ÆØÅ", "æøå"), ("Café", "cafe"), ("Malmö", "malmø"), ("Ärlig", "ærlig"), ("naïve", "naive"), ("KURSUS", "kursus"),
])
func folding(text: String, folded: String) {
    #expect(Folding.fold(text) == folded)
}

@Test(arguments: [
    ("  Ja, det har jeg", "ja"), ("NEJ!", "nej"), ("«Øh» måske", "øh"), ("Én gang", "en"), ("... ", ""), ("", ""),
])
func firstWordIsFoldedAndStopsAtTheFirstNonLetter(text: String, word: String) {
    var first = ""
    var read = 0
    Tokenizer.words(in: text) { word in
        first = word
        read += 1
        return false
    }
    #expect(first == word)
    #expect(read <= 1, "reading stops when asked to")
}

@Test func tokensKeepDanishLettersAndMarkNames() {
    let tokens = Tokenizer.tokens(in: "Vi leverede Apollo i Q3. Det gav 20% færre fejl")
    #expect(tokens.map(\.text) == ["vi", "leverede", "apollo", "i", "q3", "det", "gav", "20", "færre", "fejl"])
    #expect(tokens.filter(\.isCapitalizedMidSentence).map(\.text) == ["apollo", "q3"])
    #expect(tokens.filter(\.hasDigit).map(\.text) == ["q3", "20"])
}
