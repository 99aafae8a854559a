import Foundation
import Testing

@Test func aCorruptedSessionGivesAClearErrorAndIsNotOverwritten() throws {
    let home = TestHome()
    _ = try runProgram(["--new", "--session", "x"], input: Data("i morgen\n".utf8), home: home)
    let file = home.sessions.appendingPathComponent("x.json")
    try Data("{ broken".utf8).write(to: file)
    let result = try runProgram(["--session", "x"], input: Data("ja\n".utf8), home: home)
    #expect(result.status == 1)
    #expect(result.stderr.contains("\(file.path): sessionsfilen kan ikke læses: not valid JSON"))
    #expect(result.stderr.contains("start en ny session med --new"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "{ broken")
}

@Test func sessionsListsNameScriptProgressAndLastChange() throws {
    let home = TestHome()
    _ = try runProgram(["--new", "--session", "first"], input: Data("i morgen\nja\n".utf8), home: home)
    let result = try runProgram(["sessions"], home: home)
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("first\tmus.da\tafsnit 1/11, 2 svar\t"))
}

@Test func pipedSessionsAreSavedPrivatelyAndResumed() throws {
    let home = TestHome()
    let first = try runProgram(["--new", "--session", "p"], input: Data("i morgen\nja\n".utf8), home: home)
    #expect(first.stdout.contains("Dine svar er gemt i sessionen »p«"))
    let attributes = try FileManager.default.attributesOfItem(atPath: home.sessions.appendingPathComponent("p.json").path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let folder = try FileManager.default.attributesOfItem(atPath: home.sessions.path)
    #expect((folder[.posixPermissions] as? NSNumber)?.intValue == 0o700)

    let resumed = try runProgram([], input: Data("\n/afslut\n".utf8), home: home)
    #expect(resumed.stdout.contains("Fortsæt forberedelsen »p«"))
    #expect(resumed.stdout.contains("Har du fået en invitation"))
}

@Test func aSessionMadeWithAnotherLanguageIsNotMixedUp() throws {
    let home = TestHome()
    _ = try runProgram(["--new", "--session", "da"], input: Data("i morgen\n".utf8), home: home)
    let result = try runProgram(["--lang", "en", "--session", "da"], home: home)
    #expect(result.status == 1)
    #expect(result.stderr.contains("sessionen »da« er lavet med dialogen »mus« på »da«; åbn den med --script mus --lang da"))
}

@Test func theOfferSkipsFinishedSessionsForTheLatestUnfinishedOne() throws {
    let home = TestHome()
    _ = try runProgram(["--new", "--session", "halvvejs"], input: Data("i morgen\n".utf8), home: home)
    // Written later, and finished: it must not hide the unfinished one.
    _ = try runProgram(["--new", "--session", "faerdig"], input: Data(try happyPathInput().utf8), home: home)
    let result = try runProgram([], input: Data("\n/afslut\n".utf8), home: home)
    #expect(result.stdout.contains("Fortsæt forberedelsen »halvvejs«"))
    #expect(result.stdout.contains("Har du haft en MUS-samtale før?"))
}

/// The commands that only read work on a store the person cannot write to (a read-only mount, a
/// copied backup). As root, permissions do not apply: the commands then run as `nobody`.
@Test func theCommandsThatOnlyReadWorkOnAReadOnlyStore() throws {
    let home = TestHome()
    #expect(try runProgram(["--session", "p"], input: Data("I marts\nnej\n/afslut\n".utf8), home: home).status == 0)
    #expect(try runProgram(["note", "Leverede Apollo"], home: home).status == 0)
    let asRoot = getuid() == 0
    if asRoot { #expect(chown(recursively: home.folder, to: 65534)) }
    #expect(setWritable(false, recursively: home.folder))
    defer { _ = setWritable(true, recursively: home.folder) }
    for arguments in [["sessions"], ["summary", "p"], ["status"], ["notes"], ["agreements"]] {
        let result = asRoot
            ? try runProgram(["--reuid=65534", "--regid=65534", "--clear-groups", programURL.path] + arguments, home: home,
                             directory: URL(fileURLWithPath: "/"), executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
            : try runProgram(arguments, home: home, directory: URL(fileURLWithPath: "/"))
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
    }
    let listed = asRoot
        ? try runProgram(["--reuid=65534", "--regid=65534", "--clear-groups", programURL.path, "notes"], home: home,
                         directory: URL(fileURLWithPath: "/"), executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        : try runProgram(["notes"], home: home, directory: URL(fileURLWithPath: "/"))
    #expect(listed.stdout.contains("Leverede Apollo"))
    // A command that writes says, in Danish, what it could not do and where.
    let written = asRoot
        ? try runProgram(["--reuid=65534", "--regid=65534", "--clear-groups", programURL.path, "note", "Ny note"], home: home,
                         directory: URL(fileURLWithPath: "/"), executable: URL(fileURLWithPath: "/usr/bin/setpriv"))
        : try runProgram(["note", "Ny note"], home: home, directory: URL(fileURLWithPath: "/"))
    #expect(written.status == 1)
    #expect(written.stderr.hasPrefix("Fejl: ") && written.stderr.contains("notes.jsonl.lock: kan ikke åbne låsefilen: "), "\(written.stderr)")
}

private func walk(_ folder: URL, _ body: (String) -> Bool) -> Bool {
    guard let paths = FileManager.default.subpaths(atPath: folder.path) else { return false }
    return ([folder.path] + paths.map { folder.appendingPathComponent($0).path }).allSatisfy(body)
}

private func chown(recursively folder: URL, to user: uid_t) -> Bool {
    walk(folder) { lchown($0, user, user) == 0 }
}

private func setWritable(_ writable: Bool, recursively folder: URL) -> Bool {
    walk(folder) { path in
        guard let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.uint16Value else { return false }
        return chmod(path, mode_t(writable ? mode | 0o200 : mode & ~0o222)) == 0
    }
}
