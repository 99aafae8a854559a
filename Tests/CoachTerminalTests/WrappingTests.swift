import CoachTerminal
import Testing

@Test func wrappingBreaksBetweenWordsAndLeavesACommandLineWhole() {
    let style = TerminalStyle(colors: false, width: 30)
    let text = "Dine svar er gemt i sessionen »forberedelse-2026«. Fortsæt senere med:\n  mus-coach --session forberedelse-2026"
    let lines = style.wrapHanging(text).split(separator: "\n").map(String.init)
    #expect(lines.last == "  mus-coach --session forberedelse-2026", "the command stays on one line, to be copied")
    for line in lines.dropLast() {
        #expect(line.count <= 30, "\(line)")
    }
    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
    #expect(lines.flatMap { $0.split(separator: " ") } == words, "no word is cut")
}
