import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What a second attack found (a leak between people or a loss of acknowledged data), each as the
/// attacker did it, against the built program.
@Suite(.serialized) struct SecondAttackTests {
    let home = TestHome()

    private func mode(_ url: URL) -> Int {
        var status = stat()
        return lstat(url.path, &status) == 0 ? Int(status.st_mode & 0o777) : -1
    }

    @Test func serveNeverWritesThroughASymlinkedJournalAndMakesALooseOnePrivate() throws {
        try FileManager.default.createDirectory(at: home.sessions, withIntermediateDirectories: true)
        let outside = home.folder.appendingPathComponent("important.txt")
        try Data("IMPORTANT USER DATA\n".utf8).write(to: outside)
        let journal = home.sessions.appendingPathComponent("serve.journal")
        try FileManager.default.createSymbolicLink(at: journal, withDestinationURL: outside)

        for _ in 0..<2 {
            let server = try ServeProcess([], home: home)
            server.send(#"{"jsonrpc":"2.0","id":1,"method":"session.start","params":{"session":"s"}}"#)
            server.send(#"{"jsonrpc":"2.0","id":2,"method":"session.answer","params":{"session":"s","text":"HEMMELIGT SVAR"}}"#)
            try? server.closeInput()
            #expect(server.waitForExit() == 1)
            #expect(server.standardError.contains("\(journal.path): symbolsk link"), "the error names the file and the problem")
        }
        #expect(try String(contentsOf: outside, encoding: .utf8) == "IMPORTANT USER DATA\n")
        let strays = try FileManager.default.contentsOfDirectory(atPath: home.sessions.path).filter { $0.contains("set-aside") }
        #expect(strays.isEmpty)

        // A journal that is a file of its own, readable by others, is made private when opened.
        try FileManager.default.removeItem(at: journal)
        try Data().write(to: journal)
        chmod(journal.path, 0o644)
        let server = try ServeProcess([], home: home)
        _ = server.readLine()
        #expect(server.call(#"{"jsonrpc":"2.0","id":1,"method":"session.start","params":{"session":"s"}}"#)?.contains(#""result""#) == true)
        #expect(mode(journal) == 0o600)
        try server.closeInput()
        #expect(server.waitForExit() == 0)
    }

    @Test func notesAndLocksAreNeverWrittenThroughASymlink() throws {
        let data = home.folder.appendingPathComponent("data/mus-coach")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let outside = home.folder.appendingPathComponent("elsewhere.txt")
        try Data("IMPORTANT USER DATA\n".utf8).write(to: outside)
        try FileManager.default.createSymbolicLink(at: data.appendingPathComponent("notes.jsonl"), withDestinationURL: outside)
        let refused = try runProgram(["note", "HEMMELIG NOTE"], home: home)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("notes.jsonl: symbolsk link"), "\(refused.stderr)")
        #expect(try String(contentsOf: outside, encoding: .utf8) == "IMPORTANT USER DATA\n")
    }

    @Test(.enabled(if: SmallDisk.canMount, "mounting a small tmpfs needs root"))
    func aNoteThatCannotBeWrittenLeavesTheNotesAsTheyWereAndNothingIsLockedOut() throws {
        let disk = try #require(SmallDisk(kilobytes: 256))
        let home = TestHome(data: disk.folder.appendingPathComponent("data"))
        #expect(try runProgram(["note", "FØRSTE NOTE"], home: home).status == 0)
        let notes = disk.folder.appendingPathComponent("data/mus-coach/notes.jsonl")
        let before = try Data(contentsOf: notes)
        try disk.fill()
        let refused = try runProgram(["note", String(repeating: "lang note ", count: 2_000)], home: home)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("No space left on device"), "the real cause: \(refused.stderr)")
        #expect(try Data(contentsOf: notes) == before, "no half line is left")
        try disk.makeRoom()
        #expect(try runProgram(["notes"], home: home).stdout.contains("#1\t"))
        let second = try runProgram(["note", "ANDEN NOTE"], home: home)
        #expect(second.stdout.contains("#2"), "\(second.stdout)\(second.stderr)")
        #expect(try runProgram(["--new"], input: Data("/afslut\n".utf8), home: home).status == 0)
    }

    @Test func anUnfinishedLastNoteIsLeftOutWithAWarningAndTheNextNoteStartsOnALineOfItsOwn() throws {
        #expect(try runProgram(["note", "FØRSTE NOTE"], home: home).status == 0)
        let notes = home.folder.appendingPathComponent("data/mus-coach/notes.jsonl")
        let handle = try FileHandle(forWritingTo: notes)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(#"{"op":"add","id":2,"at":17950000000"#.utf8))
        try handle.close()
        let listed = try runProgram(["notes"], home: home)
        #expect(listed.status == 0 && listed.stdout.contains("FØRSTE NOTE"))
        #expect(listed.stderr.contains("ikke skrevet færdig"))
        #expect(try runProgram(["--new"], input: Data("/afslut\n".utf8), home: home).status == 0, "the chat starts")
        #expect(try runProgram(["note", "ANDEN NOTE"], home: home).stdout.contains("#2"))
        let lines = try String(contentsOf: notes, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2 && lines[1].contains("ANDEN NOTE"))
        #expect(try runProgram(["notes"], home: home).stderr.isEmpty)

        // A damaged line in the middle is named with its place, and the chat still starts.
        try Data(("{oops\n" + lines.joined(separator: "\n") + "\n").utf8).write(to: notes)
        let damaged = try runProgram(["notes"], home: home)
        #expect(damaged.status == 1 && damaged.stderr.contains("notes.jsonl:1:"))
        let chat = try runProgram(["--new"], input: Data("/afslut\n".utf8), home: home)
        #expect(chat.status == 0 && chat.stderr.contains("notes.jsonl:1:"))
    }

    @Test(.enabled(if: SmallDisk.canMount, "mounting a small tmpfs needs root"))
    func aFullDiskAnswersTheBatchWithRetryLaterAndTheServerGoesOn() throws {
        let disk = try #require(SmallDisk(kilobytes: 512))
        let store = disk.folder.appendingPathComponent("store")
        let server = try ServeProcess(["--store", store.path], home: home)
        _ = server.readLine()
        func request(_ id: Int, _ method: String, _ params: String) -> String {
            #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
        }
        #expect(server.call(request(1, "session.start", #"{"session":"a"}"#))?.contains(#""step":"mus-dato""#) == true)
        #expect(server.call(request(2, "session.start", #"{"session":"b"}"#))?.contains(#""step":"mus-dato""#) == true)
        try disk.fill()
        // Answers too long for the journal's last page; a list and a read alongside, in one write.
        let long = String(repeating: "Den 3. marts ", count: 800)
        server.send([request(3, "session.answer", #"{"session":"a","text":"A-\#(long)","key":"a1"}"#),
                     request(4, "session.answer", #"{"session":"b","text":"B-\#(long)"}"#),
                     request(5, "notes.add", #"{"user":"u","text":"\#(long)"}"#)].joined(separator: "\n"))
        for id in 3...5 {
            let reply = server.readLine()
            #expect(reply?.contains(#""id":\#(id),"error":{"code":-32008"#) == true, "\(reply?.prefix(300) ?? "none")")
            #expect(reply?.contains("No space left on device") == true)
        }
        // Still serving: reads work, and nothing of the refused batch was applied.
        #expect(server.call(request(6, "session.resume", #"{"session":"a"}"#))?.contains(#""step":"mus-dato""#) == true)
        #expect(server.call(request(7, "session.list", "{}"))?.contains(#""session":"b""#) == true)
        #expect(server.call(request(8, "notes.list", #"{"user":"u"}"#))?.contains(#""notes":[]"#) == true)

        // Room again: the retries are applied, once each; a key sent again is not applied twice.
        try disk.makeRoom()
        #expect(server.call(request(9, "session.answer", #"{"session":"a","text":"A-\#(long)","key":"a1"}"#))?.contains(#""step":"haft-mus-foer""#) == true)
        let repeated = server.call(request(10, "session.answer", #"{"session":"a","text":"A-\#(long)","key":"a1"}"#))
        #expect(repeated?.contains(#""repeated":true"#) == true && repeated?.contains(#""step":"haft-mus-foer""#) == true)
        #expect(server.call(request(11, "session.answer", #"{"session":"b","text":"B-\#(long)"}"#))?.contains(#""step":"haft-mus-foer""#) == true)
        #expect(server.call(request(12, "notes.add", #"{"user":"u","text":"N"}"#))?.contains(#""id":1"#) == true)
        try server.closeInput()
        #expect(server.waitForExit() == 0)
        let log = server.standardError
        #expect(log.contains("a batch could not be made durable") && log.contains("3 requests answered with -32008"))
        #expect(!log.contains("Den 3. marts"), "never an answer in the log")
        for (name, marker) in [("gw-a", #""A-Den"#), ("gw-b", #""B-Den"#)] {
            let text = try String(contentsOf: store.appendingPathComponent("\(name).json"), encoding: .utf8)
            #expect(text.components(separatedBy: marker).count == 2, "\(name): applied once")
        }

        // Killed with answers only in the journal, restarted on a full disk: it refuses to start
        // and keeps the journal; with room again it applies it.
        let killed = try ServeProcess(["--store", store.path], home: home)
        _ = killed.readLine()
        let acknowledged = killed.call(request(13, "session.answer", #"{"session":"b","payload":"no"}"#))
        let step = try #require(acknowledged?.firstMatch(of: /"step":"[^"]+"/)).output
        #expect(step != #""step":"haft-mus-foer""#)
        killed.kill(SIGKILL)
        _ = killed.waitForExit()
        let journal = try Data(contentsOf: store.appendingPathComponent("serve.journal"))
        try disk.fill()
        let refused = try ServeProcess(["--store", store.path], home: home)
        #expect(refused.waitForExit() == 1)
        #expect(refused.standardError.contains("No space left on device"))
        #expect(try Data(contentsOf: store.appendingPathComponent("serve.journal")) == journal, "the journal is kept whole")
        try disk.makeRoom()
        let restarted = try ServeProcess(["--store", store.path], home: home)
        _ = restarted.readLine()
        #expect(restarted.call(request(14, "session.resume", #"{"session":"b"}"#))?.contains(String(step)) == true, "the acknowledged answer is there")
        try restarted.closeInput()
        #expect(restarted.waitForExit() == 0)
    }

    @Test func aGatewaySessionIsHeldByOneProcessWhateverStateItIsIn() throws {
        func request(_ id: Int, _ method: String, _ params: String) -> String {
            #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
        }
        let server = try ServeProcess([], home: home)
        _ = server.readLine()
        _ = server.call(request(1, "session.start", #"{"session":"u"}"#))
        let acknowledged = server.call(request(2, "session.answer", #"{"session":"u","text":"GATEWAY-SVAR 3. marts"}"#))
        #expect(acknowledged?.contains(#""step":"haft-mus-foer""#) == true)
        #expect(!FileManager.default.fileExists(atPath: home.sessions.appendingPathComponent("gw-u.json").path), "journalled only")

        // The terminal is refused, naming who holds it; it writes nothing.
        for arguments in [["--session", "gw-u"], ["replay", "gw-u"], ["sessions", "--delete", "gw-u", "--yes"]] {
            let refused = try runProgram(arguments, input: Data("TERMINAL-SVAR\n".utf8), home: home)
            #expect(refused.status == 1, "\(arguments)")
            #expect(refused.stderr.contains("holdes af den kørende mus-coach serve (pid \(server.process.processIdentifier))"), "\(arguments): \(refused.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: home.sessions.appendingPathComponent("gw-u.json").path))
        // Nor is it offered to the person at the terminal.
        let own = try runProgram([], input: Data("/afslut\n".utf8), home: home)
        #expect(!own.stdout.contains("gw-u"))

        try server.closeInput()
        #expect(server.waitForExit() == 0)
        let restarted = try ServeProcess([], home: home)
        _ = restarted.readLine()
        #expect(restarted.call(request(3, "session.resume", #"{"session":"u"}"#))?.contains(#""step":"haft-mus-foer""#) == true)
        try restarted.closeInput()
        #expect(restarted.waitForExit() == 0)
        #expect(try home.sessionText("gw-u").contains("GATEWAY-SVAR"))
        #expect(try !home.sessionText("gw-u").contains("TERMINAL-SVAR"))

        // The other way round: while a terminal has it open, no server starts on the store.
        let terminal = try PseudoTerminal(["--session", "gw-u"], home: home)
        terminal.expect("Har du haft en MUS-samtale før?")
        let blocked = try ServeProcess([], home: home)
        #expect(blocked.waitForExit(timeout: 15) == 1)
        #expect(blocked.standardError.contains("en terminal har en gateway-brugers session i \(home.sessions.path) åben"))
        terminal.type("\u{04}")
        #expect(terminal.waitForExit() == 0)
    }

    /// The files under `folder` (the home: store, state, notes) that hold `marker` anywhere.
    private func files(holding marker: String, under folder: URL) -> [String] {
        let needle = Data(marker.utf8)
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var found: [String] = []
        while let url = walker?.nextObject() as? URL {
            if let data = try? Data(contentsOf: url), data.range(of: needle) != nil { found.append(url.path) }
        }
        return found
    }

    @Test func deletingASessionRemovesItFromTheJournalCopiesTheServerSetAside() throws {
        let server = try ServeProcess([], home: home)
        _ = server.readLine()
        _ = server.call(#"{"jsonrpc":"2.0","id":1,"method":"session.start","params":{"session":"sa"}}"#)
        _ = server.call(#"{"jsonrpc":"2.0","id":2,"method":"session.answer","params":{"session":"sa","text":"MARKØR-SA 3. marts"}}"#)
        _ = server.call(#"{"jsonrpc":"2.0","id":3,"method":"session.start","params":{"session":"other"}}"#)
        _ = server.call(#"{"jsonrpc":"2.0","id":4,"method":"session.answer","params":{"session":"other","text":"ANDEN 3. marts"}}"#)
        server.kill(SIGKILL)
        _ = server.waitForExit()
        // An unreadable line in the journal: the next start sets the whole journal aside.
        let journal = home.sessions.appendingPathComponent("serve.journal")
        let lines = try String(contentsOf: journal, encoding: .utf8)
        try Data(("{oops\n" + lines).utf8).write(to: journal)
        let restarted = try ServeProcess([], home: home)
        _ = restarted.readLine()
        try restarted.closeInput()
        #expect(restarted.waitForExit() == 0)
        #expect(restarted.standardError.contains("set aside"))
        #expect(files(holding: "MARKØR-SA", under: home.folder).contains { $0.contains("set-aside") })

        let deleted = try runProgram(["sessions", "--delete", "gw-sa", "--yes"], home: home)
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(files(holding: "MARKØR-SA", under: home.folder) == [])
        #expect(!files(holding: "ANDEN 3. marts", under: home.folder).isEmpty, "the other session is kept")
    }

    @Test func aGatewayUserDeletesASessionAndNotesAndNothingOfThemIsLeftOnTheDisk() throws {
        func request(_ id: Int, _ method: String, _ params: String) -> String {
            #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
        }
        let server = try ServeProcess([], home: home)
        _ = server.readLine()
        _ = server.call(request(1, "session.start", #"{"session":"u"}"#))
        _ = server.call(request(2, "session.answer", #"{"session":"u","text":"SESSIONSMARKØR 3. marts"}"#))
        _ = server.call(request(3, "session.start", #"{"session":"keep"}"#))
        _ = server.call(request(4, "session.answer", #"{"session":"keep","text":"BEHOLD 3. marts"}"#))
        _ = server.call(request(5, "notes.add", #"{"user":"u","text":"NOTEMARKØR ét"}"#))
        _ = server.call(request(6, "notes.add", #"{"user":"u","text":"NOTEMARKØR to"}"#))
        #expect(!files(holding: "SESSIONSMARKØR", under: home.folder).isEmpty)

        let deleted = server.call(request(7, "session.delete", #"{"session":"u"}"#))
        #expect(deleted?.contains(#""deleted":true"#) == true, "\(deleted ?? "")")
        #expect(files(holding: "SESSIONSMARKØR", under: home.folder) == [], "gone before the reply")
        #expect(server.call(request(8, "session.resume", #"{"session":"u"}"#))?.contains("-32001") == true)
        #expect(server.call(request(9, "notes.delete", #"{"user":"u","id":1}"#))?.contains(#""deleted":1"#) == true)
        #expect(files(holding: "NOTEMARKØR ét", under: home.folder) == [])
        #expect(server.call(request(10, "notes.delete", #"{"user":"u"}"#))?.contains(#""deleted":1"#) == true)
        #expect(server.call(request(11, "notes.delete", #"{"user":"u"}"#))?.contains(#""deleted":0"#) == true, "a retry is safe")
        #expect(files(holding: "NOTEMARKØR", under: home.folder) == [])
        // The id can be used again, from nothing.
        #expect(server.call(request(12, "session.start", #"{"session":"u"}"#))?.contains(#""step":"mus-dato""#) == true)
        try server.closeInput()
        #expect(server.waitForExit() == 0)
        #expect(files(holding: "SESSIONSMARKØR", under: home.folder) == [])
        #expect(!files(holding: "BEHOLD 3. marts", under: home.folder).isEmpty)
    }

    @Test func onlyCommandsTheChatCarriedOutEnterTheHistory() throws {
        let terminal = try PseudoTerminal(["--new", "--session", "h"], home: home)
        terminal.answer("Hvornår skal du holde din MUS-samtale?", "3. marts\r")
        terminal.answer("Har du haft en MUS-samtale før?", "/privat HEMMELIG-ET\r")
        terminal.answer(nil, "/foo HEMMELIG-TO\r")
        terminal.answer(nil, "/gå-til HEMMELIG-TRE\r")
        terminal.answer(nil, "/privat\r")
        terminal.answer(nil, "/status\r")
        terminal.answer(nil, "\u{04}")
        #expect(terminal.waitForExit() == 0)
        let history = try String(contentsOf: home.folder.appendingPathComponent("state/mus-coach/history"), encoding: .utf8)
        #expect(history.contains("/status") && history.contains("/privat"))
        #expect(!history.contains("HEMMELIG"), "\(history)")
    }

    /// The same without root: a file-size limit (`ulimit -f`) makes the journal refuse to grow.
    @Test func aJournalThatCannotGrowAnswersWithRetryLaterAndTheServerGoesOn() throws {
        func request(_ id: Int, _ method: String, _ params: String) -> String {
            #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
        }
        try FileManager.default.createDirectory(at: home.sessions, withIntermediateDirectories: true)
        let server = try ServeProcess(["sh", "-c", #"trap "" XFSZ; ulimit -f 64; exec "$0" serve --store "$1""#, programURL.path, home.sessions.path],
                                      home: home, wrapped: true)
        #expect(server.readLine()?.contains(#""method":"ready""#) == true)
        // Each session's first answer (the date of the talk, a text) is journalled whole.
        let long = String(repeating: "Den 3. marts ", count: 1_500)
        var refused: Int?
        for number in 1...20 where refused == nil {
            #expect(server.call(request(number * 2, "session.start", #"{"session":"s\#(number)"}"#))?.contains(#""result""#) == true)
            let reply = server.call(request(number * 2 + 1, "session.answer", #"{"session":"s\#(number)","text":"\#(long)","key":"k"}"#))
            if reply?.contains(#""code":-32008"#) == true { refused = number }
        }
        let full = try #require(refused)
        #expect(full > 1, "the journal took answers before it was full")
        // Nothing of the refused request was applied; reads go on; a retry is refused the same way.
        #expect(server.call(request(100, "session.resume", #"{"session":"s\#(full)"}"#))?.contains(#""step":"mus-dato""#) == true)
        #expect(server.call(request(101, "session.list", "{}"))?.contains(#""session":"s1""#) == true)
        #expect(server.call(request(102, "session.answer", #"{"session":"s\#(full)","text":"\#(long)","key":"k"}"#))?.contains("-32008") == true)
        try server.closeInput()
        #expect(server.waitForExit() == 0)
        #expect(server.standardError.contains("a batch could not be made durable"))
    }
}
