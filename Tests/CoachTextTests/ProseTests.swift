import CoachText
import Testing

/// An answer and what it added when asked again read as sentences, not glued together.
@Test func partsOfAnAnswerAreSetDownAsSentences() {
    #expect(Prose.sentences(of: "kurset og så øve med sygeplejersken\ngå med Hanne de første to vagter")
            == "Kurset og så øve med sygeplejersken. Gå med Hanne de første to vagter.")
    #expect(Prose.sentences(of: "Ved at øve mig.\nfx på teammødet i marts?") == "Ved at øve mig. Fx på teammødet i marts?")
    #expect(Prose.sentences(of: "Min leder") == "Min leder", "one part stays as it was written")
}
