@testable import CoachEngine
import CoachScript
import Testing

/// A choice is answered as people answer: by number, id, label, or its first words; what follows
/// the option is kept as a comment. An answer that names no option, or two alike, is asked again.
@Suite struct ChoiceMatchTests {
    static let demands = [ChoiceOption(id: "passede", label: "Ja, de passede"), ChoiceOption(id: "til-tider", label: "Til tider urealistiske"),
                          ChoiceOption(id: "urealistiske", label: "Ofte urealistiske")]
    static let followedUp = [ChoiceOption(id: "ja", label: "Ja"), ChoiceOption(id: "delvist", label: "Delvist"), ChoiceOption(id: "nej", label: "Nej")]
    static let deadlines = [ChoiceOption(id: "altid", label: "Altid"), ChoiceOption(id: "for-det-meste", label: "For det meste"),
                            ChoiceOption(id: "sjaeldent", label: "Sjældent")]
    static let followedUpEnglish = [ChoiceOption(id: "ja", label: "Yes"), ChoiceOption(id: "delvist", label: "Partly"), ChoiceOption(id: "nej", label: "No")]
    static let policies = [ChoiceOption(id: "ja-kender", label: "Ja, og jeg kender dem"), ChoiceOption(id: "ja-ukendt", label: "Ja, men jeg har ikke læst dem"),
                           ChoiceOption(id: "nej", label: "Nej"), ChoiceOption(id: "ved-ikke", label: "Ved ikke")]

    @Test(arguments: [
        ("ofte", demands, 2, nil), ("Ofte urealistiske", demands, 2, nil), ("til tider", demands, 1, nil), ("ja", demands, 0, nil),
        ("ofte — især i december", demands, 2, "især i december"),
        ("ja var på det i marts", followedUp, 0, "var på det i marts"), ("delvis", followedUp, 1, nil), ("Delvist, kun halvdelen", followedUp, 1, "kun halvdelen"),
        ("nej ikke endnu", followedUp, 2, "ikke endnu"), ("3", followedUp, 2, nil), ("2 — kun halvdelen", followedUp, 1, "kun halvdelen"),
        ("ja og jeg kender dem godt", policies, 0, "godt"), ("ja-ukendt — læser den i uge 3", policies, 1, "læser den i uge 3"), ("ved ikke", policies, 3, nil),
        // Another option's words that start a comment are the comment's.
        ("Sjældent, for det meste skrider de pga. sene ændringer", deadlines, 2, "for det meste skrider de pga. sene ændringer"),
        ("Yes, no problems", followedUpEnglish, 0, "no problems"),
    ] as [(String, [ChoiceOption], Int, String?)])
    func anOptionIsNamedAsPeopleNameIt(answer: String, options: [ChoiceOption], index: Int, comment: String?) {
        #expect(ChoiceMatch.match(answer, options: options) == ChoiceMatch.Match(index: index, comment: comment))
    }

    @Test(arguments: [("kender dem ikke", policies), ("5", policies), ("måske", followedUp), ("de", demands)]
          as [(String, [ChoiceOption])])
    func anAnswerThatNamesNoOptionIsAskedAgain(answer: String, options: [ChoiceOption]) {
        #expect(ChoiceMatch.read(answer, options: options) == .noOption)
    }

    @Test(arguments: [("ja og nej", followedUp), ("delvist eller nej", followedUp), ("ja til tider", demands), ("ja", policies),
                      ("nej, ved ikke", policies)] as [(String, [ChoiceOption])])
    func anAnswerThatNamesTwoOptionsIsAskedAgain(answer: String, options: [ChoiceOption]) {
        #expect(ChoiceMatch.read(answer, options: options) == .severalOptions)
    }
}
