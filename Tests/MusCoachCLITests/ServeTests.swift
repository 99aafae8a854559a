import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

private func request(_ id: Int, _ method: String, _ params: String) -> String {
    #"{"jsonrpc":"2.0","id":\#(id),"method":"\#(method)","params":\#(params)}"#
}

private func field(_ name: String, in line: String?) -> String? {
    guard let line, let data = line.data(using: .utf8),
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
    let result = object["result"] as? [String: Any]
    return result?[name] as? String
}

/// Reads one result per id, in order; on the first other line, records it and kills the server.
private func readsResults(_ ids: ClosedRange<Int>, from server: ServeProcess) -> Bool {
    for id in ids {
        let reply = server.readLine()
        guard reply?.hasPrefix(#"{"jsonrpc":"2.0","id":\#(id),"result""#) == true else {
            Issue.record("reply \(id): \(reply?.prefix(120) ?? "none")")
            server.kill(SIGKILL)
            return false
        }
    }
    return true
}

@Suite(.serialized) struct ServeTests {
    @Test func repliesArriveLineByLineWhileTheGatewayKeepsTheStreamOpen() throws {
        let home = TestHome()
        let server = try ServeProcess([], home: home)
        #expect(server.readLine()?.contains(#""method":"ready""#) == true)
        let started = server.call(request(1, "session.start", #"{"session":"matrix:@ida"}"#))
        #expect(field("step", in: started) == "mus-dato")
        #expect(field("step", in: server.call(request(2, "session.answer", #"{"session":"matrix:@ida","text":"I marts"}"#))) == "haft-mus-foer")
        // Malformed and over-long lines get errors; the session goes on.
        #expect(server.call("{oops")?.contains("-32700") == true)
        server.send(bytes: [0xFF, 0xFE, 0x0A])
        #expect(server.readLine()?.contains("invalid UTF-8") == true)
        server.send(String(repeating: "x", count: 3 << 20))
        #expect(server.readLine()?.contains("-32600") == true)
        #expect(field("step", in: server.call(request(3, "session.answer", #"{"session":"matrix:@ida","payload":"yes"}"#))) != "haft-mus-foer")
        try server.closeInput()
        #expect(server.waitForExit() == 0)
        #expect(server.readLine() == nil)
        // Stopped cleanly: the session file has every answer and is private to the user.
        let file = try String(contentsOf: home.sessions.appendingPathComponent("gw_matrix_3a_40ida.json"), encoding: .utf8)
        #expect(file.contains(#""text":"I marts""#))
        // The operator's log: the limits, each refused line by number and code, the end — never an answer.
        let log = server.standardError
        #expect(log.contains("mus-coach serve: ready: store \(home.sessions.path), script mus (da), at most 10000 sessions in memory"))
        #expect(log.contains("mus-coach serve: line 3 refused: -32700 Parse error"))
        #expect(log.contains("mus-coach serve: line 4 refused: -32700"))
        #expect(log.contains("mus-coach serve: line 5 refused: -32600 Invalid Request"))
        #expect(log.contains("mus-coach serve: stopped after 6 lines"))
        #expect(!log.contains("I marts") && !log.contains("oops"))
    }

    @Test func aBurstWhoseRepliesOutgrowAPartIsAnsweredInFullInOrder() throws {
        let home = TestHome()
        let server = try ServeProcess([], home: home)
        _ = server.readLine()
        // About 56 KB of requests in one write (the pipe takes it whole); their replies, with the
        // greeting and the first section, take nearly a megabyte: committed in parts of 512 KiB.
        let count = 700
        server.send((1...count).map { request($0, "session.start", #"{"session":"b\#($0)"}"#) }.joined(separator: "\n"))
        var replyBytes = 0
        for id in 1...count {
            let reply = server.readLine()
            replyBytes += reply?.utf8.count ?? 0
            #expect(reply?.hasPrefix(#"{"jsonrpc":"2.0","id":\#(id),"result""#) == true)
            #expect(field("step", in: reply) == "mus-dato")
        }
        #expect(replyBytes > 512 << 10)
        try server.closeInput()
        #expect(server.waitForExit() == 0)
    }

    @Test func aGatewayThatWritesEverythingBeforeReadingIsAnsweredInFullInOrder() throws {
        let home = TestHome()
        let server = try ServeProcess([], home: home)
        // 1,000 people start and then answer 99 times each: about 8 MB of requests, written before
        // a single reply is read, while about 100 MB of replies wait.
        let sessions = 1_000, count = 100_000
        let lines = (1...count).map { id in
            id <= sessions ? request(id, "session.start", #"{"session":"flood\#(id)"}"#)
                : request(id, "session.answer", #"{"session":"flood\#(id % sessions + 1)","text":"I marts"}"#)
        }
        let written = server.sendWithoutReading(lines.joined(separator: "\n") + "\n")
        let finished = written.wait(timeout: .now() + 120) == .success
        #expect(finished, "the server stopped reading while its replies waited")
        guard finished else {
            server.kill(SIGKILL)
            return
        }
        #expect(server.readLine()?.contains(#""method":"ready""#) == true)
        guard readsResults(1...count, from: server) else { return }
        try server.closeInput()
        #expect(server.waitForExit() == 0)
        #expect(server.readLine() == nil)
    }

    @Test func pastTheLimitOfUnreadRepliesReadingWaitsForTheGatewayAndSaysSo() throws {
        let home = TestHome()
        let server = try ServeProcess(["--max-unread-mib", "1"], home: home)
        // About 12 MB of replies to 9,000 starts: far past 1 MiB while nothing is read.
        let count = 9_000
        let written = server.sendWithoutReading((1...count).map { request($0, "session.start", #"{"session":"p\#($0)"}"#) }
            .joined(separator: "\n") + "\n")
        sleep(1)
        #expect(server.readLine()?.contains(#""method":"ready""#) == true)
        guard readsResults(1...count, from: server) else { return }
        #expect(written.wait(timeout: .now() + 10) == .success)
        try server.closeInput()
        #expect(server.waitForExit() == 0)
        let log = server.standardError
        #expect(log.contains("MiB of replies unread by the gateway; reading stops until it reads"))
        #expect(log.contains("mus-coach serve: the gateway reads again; reading goes on"))
    }

    @Test func killedAtAnyMomentNoAcknowledgedAnswerIsLost() throws {
        let home = TestHome()
        let first = try ServeProcess([], home: home)
        _ = first.readLine()
        _ = first.call(request(1, "session.start", #"{"session":"u1"}"#))
        _ = first.call(request(2, "session.start", #"{"session":"u2","language":"en"}"#))
        #expect(first.call(request(3, "session.answer", #"{"session":"u1","text":"Den 3. marts"}"#)) != nil)
        #expect(first.call(request(4, "session.answer", #"{"session":"u1","text":"ja"}"#)) != nil)
        #expect(first.call(request(5, "session.answer", #"{"session":"u2","text":"In March"}"#)) != nil)
        first.kill(SIGKILL)
        _ = first.waitForExit()

        let second = try ServeProcess([], home: home)
        _ = second.readLine()
        let u1 = second.call(request(1, "session.resume", #"{"session":"u1"}"#))
        #expect(field("step", in: u1) == "skema")
        #expect(u1?.contains("Har du fået en invitation") == true)
        #expect(field("step", in: second.call(request(2, "session.resume", #"{"session":"u2"}"#))) == "haft-mus-foer")
        second.kill(SIGKILL)
        _ = second.waitForExit()
        #expect(second.standardError.contains("mus-coach serve: journal applied: 5 records, 2 sessions, "), "\(second.standardError)")
        #expect(!second.standardError.contains("marts") && !second.standardError.contains("March"))

        // With no server running, the terminal side applies the journal and sees the answers too.
        let listed = try runProgram(["sessions"], home: home)
        #expect(listed.stdout.contains("gw-u1"))
        #expect(try home.sessionText("gw-u1").contains(#""text":"ja""#))
    }

    @Test func idleSessionsAreWrittenOutAndTheJournalCompactedWithoutLosingAnAnswer() throws {
        let home = TestHome()
        let first = try ServeProcess(["--idle-timeout", "1", "--journal-compaction-bytes", "256"], home: home)
        _ = first.readLine()
        for (id, session) in ["u1", "u2", "u3"].enumerated() {
            _ = first.call(request(id + 1, "session.start", #"{"session":"\#(session)"}"#))
        }
        _ = first.call(request(4, "session.answer", #"{"session":"u1","text":"Den 3. marts"}"#))
        #expect(field("step", in: first.call(request(5, "session.answer", #"{"session":"u1","text":"ja"}"#))) == "skema")
        let journal = home.sessions.appendingPathComponent("serve.journal").path
        let before = try FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int ?? 0
        #expect(before > 256)
        // Idle after a second, written out at the next sweep; then the journal is compacted to what the files lack.
        var size = before
        for _ in 0..<50 where size >= before {
            usleep(100_000)
            size = try FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int ?? 0
        }
        #expect(size < before)
        #expect(try home.sessionText("gw-u1").contains(#""text":"ja""#))
        // Read back from its file, the session goes on; the answer is in the journal again.
        #expect(field("step", in: first.call(request(6, "session.answer", #"{"session":"u1","payload":"yes"}"#))) == "skema-punkter")
        first.kill(SIGKILL)
        _ = first.waitForExit()

        let second = try ServeProcess([], home: home)
        _ = second.readLine()
        #expect(field("step", in: second.call(request(1, "session.resume", #"{"session":"u1"}"#))) == "skema-punkter")
        try second.closeInput()
        #expect(second.waitForExit() == 0)
    }

    @Test(arguments: [SIGTERM, SIGINT])
    func aSignalEndsTheServerCleanly(signal: Int32) throws {
        let home = TestHome()
        let server = try ServeProcess([], home: home)
        _ = server.readLine()
        _ = server.call(request(1, "session.start", #"{"session":"u1"}"#))
        server.kill(signal)
        #expect(server.waitForExit() == 0)
        #expect(try home.sessionText("gw-u1").contains(#""gateway":"u1""#))
    }

    @Test func aClosedStdoutEndsTheServerQuietly() throws {
        let server = try ServeProcess([], home: TestHome())
        _ = server.readLine()
        try server.closeOutput()
        server.send(request(1, "session.start", #"{"session":"u1"}"#))
        #expect(server.waitForExit() == 0)
        #expect(server.standardError.split(separator: "\n").allSatisfy { $0.hasPrefix("mus-coach serve: ready:") || $0.hasPrefix("mus-coach serve: stopped") },
                "\(server.standardError)")
    }

    @Test func aSecondServerOnTheSameStoreIsRefused() throws {
        let home = TestHome()
        let first = try ServeProcess([], home: home)
        _ = first.readLine()
        let second = try runProgram(["serve"], home: home)
        #expect(second.status == 1)
        #expect(second.stderr.contains("en anden mus-coach serve (pid \(first.process.processIdentifier)) bruger allerede"))
        try first.closeInput()
        #expect(first.waitForExit() == 0)
    }

    @Test func plainModeIsOneMessagePerLine() throws {
        let home = TestHome()
        let result = try runProgram(["serve", "--plain", "--session", "web-1"], input: Data("I marts\nmåske\n/tilbage\n".utf8), home: home)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix(" ") })
        #expect(lines.contains("Hvornår skal du holde din MUS-samtale?"))
        #expect(lines.contains("! Svar ja eller nej."))
        #expect(lines.last?.contains("web-1") == true)
        #expect(!result.stdout.contains("> "))
        #expect(try home.sessionText("web-1").contains(#""type":"wentBack""#))
    }
}
