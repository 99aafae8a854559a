import CoachProtocol
import Testing

private func feed(_ framer: inout LineFramer, _ text: String) -> [LineFramer.Frame] {
    Array(text.utf8).withUnsafeBytes { framer.feed($0) }
}

private func line(_ text: String) -> LineFramer.Frame { .line(Array(text.utf8)) }

@Test func splitsLinesAcrossReadsAndDropsCarriageReturnsAndBlankLines() {
    var framer = LineFramer(limit: 100)
    #expect(feed(&framer, "{\"a\":1}\r\n\n  \n{\"b\"") == [line("{\"a\":1}")])
    #expect(feed(&framer, ":2}\n{\"c\":3}") == [line("{\"b\":2}")])
    #expect(framer.finish() == [line("{\"c\":3}")])
    #expect(framer.finish() == [])
}

@Test func anOverlongLineIsDroppedToItsNewlineAndReportedOnce() {
    var framer = LineFramer(limit: 8)
    #expect(feed(&framer, "12345") == [])
    #expect(feed(&framer, "67890") == [.tooLong(bytes: 10)])
    #expect(feed(&framer, "more of the same line") == [])
    #expect(feed(&framer, "end\nok\n") == [line("ok")])
}

@Test func aLineOfExactlyTheLimitIsKept() {
    var framer = LineFramer(limit: 4)
    #expect(feed(&framer, "1234\n12345\n") == [line("1234"), .tooLong(bytes: 5)])
}
