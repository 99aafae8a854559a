import CoachEngine
import CoachStore
import Foundation
import Testing

func temporaryFolder() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("mus-coach-store-\(UUID().uuidString)/mus-coach/sessions")
}

func sampleFile(_ name: String, updated: Int64 = 2_000) -> SessionFile {
    let transcript = Transcript(script: .init(id: "mus", version: 1, language: "da", contentHash: "fnv1a64:0"),
                                events: [.started(at: Timestamp(millisecondsSince1970: 1_000)),
                                         .answered("Jeg leverede Apollo i marts", at: Timestamp(millisecondsSince1970: 2_000))])
    var file = SessionFile(name: name, created: Timestamp(millisecondsSince1970: 1_000), transcript: transcript)
    file.updated = Timestamp(millisecondsSince1970: updated)
    return file
}

func mode(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

@Test func savedSessionsRoundTripAndArePrivate() throws {
    let store = try SessionStore(folder: temporaryFolder())
    try store.save(sampleFile("a"))
    #expect(try store.load("a") == sampleFile("a"))
    #expect(try mode(store.folder.path) == 0o700)
    #expect(try mode(store.folder.deletingLastPathComponent().path) == 0o700)
    #expect(try mode(store.url(of: "a").path) == 0o600)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.folder.path).filter { $0.hasSuffix(".tmp") }
    #expect(leftovers.isEmpty)
}

/// The file is written and read by the one event codec; a sharing choice is read back as it was.
@Test func aSharingChoiceIsSavedAndReadBack() throws {
    let store = try SessionStore(folder: temporaryFolder())
    var file = sampleFile("s")
    file.transcript.events.append(.sharingChanged(answer: "oensker[1]/gavn", to: .private, at: Timestamp(millisecondsSince1970: 3_000)))
    try store.save(file)
    #expect(try store.load("s") == file)
    let data = try Data(contentsOf: store.url(of: "s"))
    #expect(try SessionFile(json: [UInt8](data)) == file)
    #expect(String(decoding: data, as: UTF8.self).contains(#"{"answer":"oensker[1]/gavn","at":3000,"sharing":"private","type":"sharingChanged"}"#))
}

@Test func aCorruptedFileIsReportedByPathAndLeftAlone() throws {
    let store = try SessionStore(folder: temporaryFolder())
    let garbage = Data("{\"format\":\"mus-coach-session/1\",\"name\":".utf8)
    try garbage.write(to: store.url(of: "broken"))
    #expect(throws: StoreError.self) { try store.load("broken") }
    do {
        _ = try store.load("broken")
    } catch {
        guard case .corrupted(let path, let reason) = error else { Issue.record("\(error)"); return }
        #expect(path == store.url(of: "broken").path)
        #expect(reason.hasPrefix("not valid JSON"))
        #expect(error.description.contains("It is left as it is"))
    }
    #expect(try Data(contentsOf: store.url(of: "broken")) == garbage)
}

@Test func aMissingFieldIsNamed() throws {
    let store = try SessionStore(folder: temporaryFolder())
    try Data(#"{"format":"mus-coach-session/1","name":"x","created":1,"updated":1}"#.utf8).write(to: store.url(of: "x"))
    do {
        _ = try store.load("x")
        Issue.record("loaded a file without a transcript")
    } catch {
        #expect(error == .corrupted(path: store.url(of: "x").path, reason: "'transcript' is missing"))
    }
}

@Test func listingIsNewestFirstWithUnreadableFilesNamed() throws {
    let store = try SessionStore(folder: temporaryFolder())
    try store.save(sampleFile("old", updated: 1_000))
    try store.save(sampleFile("new", updated: 9_000))
    try Data("not json".utf8).write(to: store.url(of: "bad"))
    let names = store.list().map { listing -> String in
        switch listing {
        case .session(let file): file.name
        case .unreadable(let name, _): "unreadable " + name
        }
    }
    #expect(names == ["new", "old", "unreadable bad"])
}

@Test func aSessionCanBeLockedOnlyOnce() throws {
    let store = try SessionStore(folder: temporaryFolder())
    let first = try store.lock("a")
    #expect(throws: StoreError.locked(name: "a", path: store.folder.appendingPathComponent("a.lock").path)) {
        try store.lock("a")
    }
    withExtendedLifetime(first) {}
}

@Test(arguments: ["", ".hidden", "a/b", "æble", String(repeating: "x", count: 65)])
func invalidNamesAreRefused(name: String) {
    #expect(throws: StoreError.invalidName(name)) { try SessionStore.validate(name: name) }
}

@Test func theWrittenJSONReadsBackAsTheSameSessionWithEveryField() throws {
    var file = sampleFile("gw-x")
    file.transcript.events += [.skipped(at: Timestamp(millisecondsSince1970: 3_000)), .wentBack(at: Timestamp(millisecondsSince1970: 4_000)),
                               .answered("\"Citat\" \\ ny linje\nog tab\t og æøå 😀 / slut", at: Timestamp(millisecondsSince1970: 5_000))]
    file.gateway = "slack:T1/U42"
    file.closed = Timestamp(millisecondsSince1970: 6_000)
    let store = try SessionStore(folder: temporaryFolder())
    try store.save(file)
    #expect(try store.load("gw-x") == file)
    let text = String(decoding: try Data(contentsOf: store.url(of: "gw-x")), as: UTF8.self)
    #expect(text.hasPrefix(#"{"closed":6000,"created":1000,"format":"mus-coach-session/1","gateway":"slack:T1/U42","name":"gw-x","#))
    #expect(text.contains(#"{"at":5000,"text":"\"Citat\" \\ ny linje\nog tab\t og æøå 😀 / slut","type":"answered"}"#))
}
