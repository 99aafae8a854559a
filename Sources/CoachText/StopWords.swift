/// Words too common to say what an answer is about, folded.
public enum StopWords {
    private static let danish: Set<String> = Set("""
        og i at det en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun nu \
        over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog noget \
        ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine vor \
        mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan kan får få gør gøre lidt mere mest \
        så jeg dine vores jeres fordi hvordan hvilke hvilken hvorfor bare godt gerne rigtig helt
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
    private static let english: Set<String> = Set("""
        i me my myself we our ours you your he him his she her it its they them their what which who whom this that these \
        those am is are was were be been being have has had having do does did doing a an the and but if or because as \
        until while of at by for with about against between into through during before after above below to from up down \
        in out on off over under again further then once here there when where why how all any both each few more most \
        other some such no nor not only own same so than too very s t can will just don should now would could also get \
        really want like
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

    public static func contains(_ foldedWord: String, _ language: Language) -> Bool {
        danish.contains(foldedWord) || english.contains(foldedWord)
    }
}
