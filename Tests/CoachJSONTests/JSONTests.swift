@testable import CoachJSON
import Testing

@Test(arguments: [
    (#"{"a":[1,-2.5e3,true,false,null],"b":"x"}"#, #"{"a":[1,-2.5e3,true,false,null],"b":"x"}"#),
    (#" { "k" : "\u00e6\n\"\\\/" } "#, #"{"k":"æ\n\"\\/"}"#),
    (#""\ud83d\ude00""#, #""😀""#),
    (#"[]"#, #"[]"#),
    (#"{}"#, #"{}"#),
])
func parsesAndWritesBackCompact(input: String, compact: String) throws {
    var writer = JSONWriter()
    writer.value(try JSONParser.parse(Array(input.utf8)))
    #expect(String(decoding: writer.bytes, as: UTF8.self) == compact)
}

@Test(arguments: [
    "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"abc", "\"\\x\"", "\"\\ud800\"", "\"a\u{01}b\"", "{} {}", "[1 2]",
    "{\"a\":1,}", "'a'", "1e", "nul",
])
func refusesInvalidJSON(input: String) {
    #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(input.utf8)) }
}

@Test func refusesNestingPastTheLimitWithoutRecursingFurther() throws {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    do {
        _ = try JSONParser.parse(Array(deep.utf8), depthLimit: 32)
        Issue.record("deep nesting was accepted")
    } catch {
        #expect(error.kind == .tooDeep(limit: 32))
        #expect(error.offset == 32)
    }
    let fine = String(repeating: "[", count: 32) + String(repeating: "]", count: 32)
    #expect(throws: Never.self) { try JSONParser.parse(Array(fine.utf8), depthLimit: 32) }
}

@Test func numbersKeepTheirSourceText() throws {
    #expect(try JSONParser.parse(Array("1E+2".utf8)) == .number("1E+2"))
    #expect(try JSONParser.parse(Array("-0.50".utf8)) == .number("-0.50"))
}

@Test func writerEscapesControlCharactersAndQuotes() {
    var writer = JSONWriter()
    writer.string("a\u{0}\u{1F}\"\\\t\r")
    #expect(String(decoding: writer.bytes, as: UTF8.self) == #""a\u0000\u001f\"\\\t\r""#)
}

@Test(arguments: [(0.0, "0"), (1.0, "1"), (0.5, "0.5"), (0.021, "0.021"), (0.25, "0.25"), (0.0004, "0"), (0.9996, "1"), (0.307, "0.307")])
func fractionsHaveAtMostThreeDecimals(value: Double, text: String) {
    var writer = JSONWriter()
    writer.fraction(value)
    #expect(String(decoding: writer.bytes, as: UTF8.self) == text)
}

@Test func everyByteThatNeedsEscapingIsEscapedWhereverItFallsInALongString() throws {
    for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "\t"] {
        for position in 0..<20 {
            var text = String(repeating: "æbcdefgh", count: 3)
            text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: position))
            var writer = JSONWriter()
            writer.string(text)
            #expect(try JSONParser.parse(writer.bytes) == .string(text))
        }
    }
}

@Test func theEightByteCheckNeverMissesAByteThatNeedsEscaping() {
    for byte in UInt8.min...UInt8.max {
        let needs = byte < 0x20 || byte == 0x22 || byte == 0x5C
        for lane in 0..<8 {
            let word = (UInt64(0x61) &* 0x0101_0101_0101_0101) & ~(UInt64(0xFF) << (lane * 8)) | (UInt64(byte) << (lane * 8))
            if needs { #expect(JSONWriter.mayNeedEscape(word), "byte \(byte) in lane \(lane)") }
        }
    }
    #expect(!JSONWriter.mayNeedEscape(UInt64(0x61) &* 0x0101_0101_0101_0101))
}

@Test(arguments: [0, 7, 10, 99, 100, 1_234_567, 1_764_400_000_000, -1, -42, Int.max, Int.min])
func integersAreWrittenAsTheirDecimalText(_ value: Int) {
    var writer = JSONWriter(capacity: 16)
    writer.beginArray()
    writer.int(value)
    writer.int(value)
    writer.endArray()
    #expect(String(decoding: writer.bytes, as: UTF8.self) == "[\(value),\(value)]")
}

@Test func knownStringsChangeNothingInWhatIsParsed() throws {
    let known = KnownStrings(["id", "session", "session.answer", "abcdefgh"])
    let line = Array(#"{"session":"session.answer","id":"abcdefgh","x":"abcdefg","y":"sessio"}"#.utf8)
    let value = try JSONParser.parse(line, known: known)
    #expect(value["session"] == .string("session.answer"))
    #expect(value["id"] == .string("abcdefgh"))
    #expect(value["x"] == .string("abcdefg"))
    #expect(value["y"] == .string("sessio"))
    // At the very end of the input, fewer than eight bytes remain to be read.
    #expect(try JSONParser.parse(Array(#""id""#.utf8), known: known) == .string("id"))
}
