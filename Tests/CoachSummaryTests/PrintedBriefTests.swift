import CoachLibrary
import CoachSummary
import Foundation
import GoldenFiles
import Testing

/// The HTML brief printed to PDF by headless Chromium, as a person prints it: the agenda fits the
/// first A4 page and a typical brief (the median persona) two, none more than three.
/// Needs `chromium` and `pdfinfo`/`pdftotext` (poppler-utils), which `.ci/run` installs.
@Test func theBriefPrintsOnTwoA4PagesWithTheAgendaOnTheFirst() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mus-coach-print-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var pages: [String: Int] = [:]
    for result in try dialogues.personaBriefs(in: personaFolder) {
        let (pdf, printedPages) = try printed(result.brief.render(.html), named: result.persona.name, in: folder)
        let count: Int = try #require(printedPages)
        pages[result.persona.name] = count
        let first = try run("pdftotext", ["-f", "1", "-l", "1", pdf.path, "-"])
        let strings = BriefStrings(result.persona.script.hasSuffix(".en") ? .english : .danish)
        #expect(first.contains(strings.agenda) && first.contains(strings.wishes),
                "\(result.persona.name): the agenda ends on the first page")
    }
    print("printed pages per persona: \(pages.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
    let sorted = pages.values.sorted()
    #expect(sorted[sorted.count / 2 - (sorted.count.isMultiple(of: 2) ? 1 : 0)] <= 2, "a typical brief prints on two pages: \(pages)")
    #expect(sorted.last ?? 0 <= 3, "no brief prints on more than three pages: \(pages)")
}

/// The agenda a manager gets, printed as they would print it: one A4 page for every persona.
@Test func theAgendaPrintsOnOnePage() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mus-coach-agenda-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for result in try dialogues.personaBriefs(in: personaFolder) {
        let (_, pages) = try printed(result.agenda.render(.html), named: result.persona.name, in: folder)
        #expect(pages == 1, "\(result.persona.name)'s agenda prints on \(pages.map(String.init) ?? "?") pages")
    }
}

/// A page printed to PDF by headless Chromium in `folder`, and how many pages it took (nil when
/// `pdfinfo` does not say).
private func printed(_ html: String, named name: String, in folder: URL) throws -> (pdf: URL, pages: Int?) {
    let page = folder.appendingPathComponent("\(name).html")
    let pdf = folder.appendingPathComponent("\(name).pdf")
    try html.write(to: page, atomically: true, encoding: .utf8)
    try run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                         "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                         "--print-to-pdf=\(pdf.path)", page.absoluteString])
    let info = try run("pdfinfo", [pdf.path])
    let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
    return (pdf, pages)
}
