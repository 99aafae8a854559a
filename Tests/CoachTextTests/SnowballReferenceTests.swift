import CoachText
import Foundation
import Testing

/// The stemmers against the reference: Snowball's own implementation (PyPI `snowballstemmer`,
/// generated from Snowball's sources) on every plain word of Debian's hunspell dictionaries. The
/// README's test command installs both (`.ci/run`); without them this test fails and says what to install.
@Suite struct SnowballReferenceTests {
    @Test(arguments: [
        (Language.danish, "/usr/share/hunspell/da_DK.dic", "danish", "hunspell-da"),
        (Language.english, "/usr/share/hunspell/en_GB.dic", "english", "hunspell-en-gb"),
    ])
    func everyPlainWordOfTheDictionaryStemsAsTheReferenceDoes(language: Language, dictionary: String, algorithm: String, package: String) throws {
        guard let text = try? String(contentsOfFile: dictionary, encoding: .utf8) else {
            Issue.record("\(dictionary) is missing: install Debian's \(package) (.ci/run does)")
            return
        }
        let words = Self.plainWords(in: text, language: language)
        let reference = try Self.referenceStems(of: words, algorithm: algorithm)
        try #require(reference.count == words.count, "the reference stemmer answered \(reference.count) of \(words.count) words")
        let differing = zip(words, reference).filter { language.stem($0.0) != $0.1 }
        #expect(differing.isEmpty, """
            \(differing.count) of \(words.count) words stem otherwise than the reference, among them: \
            \(differing.prefix(10).map { "\($0.0) → \(language.stem($0.0)), reference \($0.1)" }.joined(separator: "; "))
            """)
        #expect(words.count > 50_000, "the dictionary holds \(words.count) plain words")
    }

    /// The dictionary's words (each line's text before its flags) written in lowercase letters of
    /// the language alone, as the coach passes them to the stemmer (folded); each once.
    static func plainWords(in dictionary: String, language: Language) -> [String] {
        let letters = Set("abcdefghijklmnopqrstuvwxyz" + (language == .danish ? "æøå" : ""))
        var seen: Set<String> = []
        return dictionary.split(separator: "\n").dropFirst().compactMap { line in
            let word = String(line.prefix { $0 != "/" && $0 != "\t" && $0 != " " })
            guard !word.isEmpty, word.allSatisfy(letters.contains), Folding.fold(word) == word, seen.insert(word).inserted else { return nil }
            return word
        }
    }

    /// The reference's stem of each word, in order, from one Python process.
    static func referenceStems(of words: [String], algorithm: String) throws -> [String] {
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = ["python3", "-c", """
            import sys
            try:
                import snowballstemmer
            except ImportError:
                sys.exit("snowballstemmer is missing: pip install snowballstemmer (.ci/run does)")
            stemmer = snowballstemmer.stemmer(sys.argv[1])
            sys.stdout.write("".join(stemmer.stemWord(line.rstrip("\\n")) + "\\n" for line in sys.stdin))
            """, algorithm]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        python.standardInput = input
        python.standardOutput = output
        python.standardError = errors
        try python.run()
        // Written from another thread: the reply fills its pipe while the words are still going in.
        let writer = Thread {
            input.fileHandleForWriting.write(Data(words.joined(separator: "\n").appending("\n").utf8))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let stems = output.fileHandleForReading.readDataToEndOfFile()
        let complaint = errors.fileHandleForReading.readDataToEndOfFile()
        python.waitUntilExit()
        guard python.terminationStatus == 0 else {
            Issue.record("the reference stemmer failed: \(String(decoding: complaint, as: UTF8.self))")
            return []
        }
        return String(decoding: stems, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }
}
