import CoachEngine
import CoachText
import Foundation

/// The chat loop: reads lines, turns them into events, persists the transcript, then shows the
/// outputs. An answer is shown as taken only once `persist` has returned: a crash loses nothing
/// that was acknowledged.
public struct ChatSession<Source: LineSource> {
    public enum Ending: Equatable, Sendable {
        case finished, quit, endOfInput, terminated
        case saveFailed(String)
    }

    public private(set) var conversation: Conversation
    public private(set) var transcript: Transcript
    /// In a replay: the earlier answers, offered on the line for editing and reused by `/gå-til`.
    /// In a new preparation: suggestions carried over from the last follow-up, offered the same way.
    public private(set) var replaying: PreviousAnswers?
    /// Notes from the year, shown at the questions they fit and put on the line with `/noter`.
    private let notes: NoteOffer?
    /// What `/noter` put on the next line, to be edited and sent.
    private var draft: String?
    private var source: Source
    private let renderer: ChatRenderer
    private let write: (String) -> Void
    private let persist: (Transcript) throws -> Void
    private let now: () -> Timestamp

    public init(conversation: Conversation, transcript: Transcript, replaying: PreviousAnswers? = nil, notes: NoteOffer? = nil,
                source: Source, renderer: ChatRenderer, write: @escaping (String) -> Void,
                persist: @escaping (Transcript) throws -> Void, now: @escaping () -> Timestamp) {
        self.conversation = conversation
        self.transcript = transcript
        self.replaying = replaying
        self.notes = notes
        self.source = source
        self.renderer = renderer
        self.write = write
        self.persist = persist
        self.now = now
    }

    /// Shows `opening` (the start, or where a resumed session stands) and talks until the end.
    /// Nothing is saved before the first answer: a chat left at once leaves no empty session behind.
    public mutating func run(opening: [Output]) -> Ending {
        show(opening)
        defer { source.close() }
        while conversation.status == .active {
            source.setCompletions(completions())
            switch readAnswer() {
            case .line(let line):
                if let ending = handle(line) { return ending }
            case .skipAgain:
                if let ending = apply(.skipped(at: now())) { return ending }
            case .ending(let ending):
                return ending
            case .nothing:
                continue
            }
        }
        return .finished
    }

    private enum Read {
        case line(String)
        /// Enter on a question skipped before: skipped again.
        case skipAgain
        case ending(Ending)
        case nothing
    }

    /// What Enter on an empty line keeps, shown beside the prompt (`[Nej] > `).
    private enum Standing {
        case answer(String)
        case skip
    }

    /// One answer, joining lines that end in `\`.
    private mutating func readAnswer() -> Read {
        var collected: [String] = []
        var prompt = renderer.prompt(for: conversation)
        var prefill = draft ?? replaying?.editable(at: conversation)
        var standing: Standing?
        if draft == nil {
            if prefill == nil, replaying?.reuse(at: conversation) == .skip {
                standing = .skip
            } else if let offered = prefill, source.editsOnTheLine, conversation.asksForAClosedAnswer {
                // On a terminal, a yes/no, a choice or a scale stands beside the prompt, not on the line:
                // typing replaces it (no "Janej"), and a command typed there is a command.
                standing = .answer(offered)
                prefill = nil
            }
        }
        draft = nil
        switch standing {
        case .answer(let offered)?: prompt = renderer.prompt(for: conversation, standing: offered)
        case .skip?: prompt = renderer.prompt(for: conversation, standing: renderer.skippedBefore)
        case nil: break
        }
        while true {
            let input = source.read(prompt: prompt, prefill: prefill)
            let onTheLine = source.editsOnTheLine ? prefill : nil
            prefill = nil
            // A command typed after the earlier answer on the line is a command, not the answer's end.
            if case .text(let line) = input, let offered = onTheLine, !offered.isEmpty, line.hasPrefix(offered) {
                let added = line.dropFirst(offered.count).trimmingCharacters(in: .whitespaces)
                if let command = ChatCommandWord(added), command != .unknown(added) { return .line(added) }
            }
            switch input {
            case .text(let line) where line.hasSuffix("\\"):
                collected.append(String(line.dropLast()))
                prompt = renderer.continuationPrompt
                standing = nil
            case .text(let line) where line.isEmpty && collected.isEmpty && standing != nil:
                switch standing! {
                case .answer(let offered): return .line(offered)
                case .skip: return .skipAgain
                }
            case .text(let line):
                return .line((collected + [line]).joined(separator: "\n"))
            case .invalidUTF8:
                write(renderer.invalidUTF8 + "\n")
                return .nothing
            case .interrupted(let wasEmpty):
                guard wasEmpty && collected.isEmpty else { return .nothing }
                return confirmStop() ? .ending(.quit) : .nothing
            case .end:
                write("\n")
                return .ending(.endOfInput)
            case .terminated:
                return .ending(.terminated)
            }
        }
    }

    private mutating func confirmStop() -> Bool {
        switch source.read(prompt: renderer.askStop) {
        case .text(let answer):
            let word = answer.trimmingCharacters(in: .whitespaces).lowercased()
            return ["j", "ja", "y", "yes"].contains(word)
        case .end, .terminated, .interrupted:
            return true
        case .invalidUTF8:
            return false
        }
    }

    /// Acts on one line; returns an ending when the chat should stop. A command carried out is
    /// kept in the history (`keepInHistory`); an unknown one, or one naming what is not there, is not.
    private mutating func handle(_ line: String) -> Ending? {
        let event: Event
        let command = ChatCommandWord(line)
        switch command {
        case nil, .unknown?, .notes?, .share?, .goTo?: break
        case .back?, .skip?, .help?, .status?, .summary?, .quit?: source.keepInHistory(line)
        }
        switch command {
        // Cleaned as the conversation cleans it, so that the saved transcript holds what was applied.
        case nil: event = .answered(conversation.loggedForm(of: AnswerText.cleaned(line)), at: now())
        case .notes(let numbers)?:
            guard let taken = takeNotes(numbers) else {
                write(renderer.noNotesHere + "\n")
                return nil
            }
            source.keepInHistory(line)
            // On the line, to be edited and sent like any answer.
            draft = taken
            return nil
        case .back?:
            if conversation.canGoBack, let undone = lastGiven { write(renderer.undid(undone) + "\n") }
            event = .wentBack(at: now())
        case .skip?: event = .skipped(at: now())
        case .help?:
            write(renderer.style.wrap(renderer.help) + "\n")
            return nil
        case .status?:
            write(renderer.style.wrap(AnswersOverview(conversation: conversation, renderer: renderer).status()) + "\n")
            return nil
        case .summary?:
            write(AnswersOverview(conversation: conversation, renderer: renderer).answers())
            return nil
        case .quit?:
            return .quit
        case .share(let sharing, let id)?:
            guard let answer = id ?? lastAnswerID else {
                write(renderer.nothingToShare + "\n")
                return nil
            }
            guard conversation.answerIDs.contains(answer) else {
                write(renderer.notAnAnswer(answer) + "\n")
                return nil
            }
            source.keepInHistory(line)
            event = .sharingChanged(answer: answer, to: sharing, at: now())
            if let ending = apply(event) { return ending }
            write(renderer.sharingChanged(answer, to: sharing) + "\n")
            return nil
        case .goTo(let target)?:
            return jump(to: target, command: line)
        case .unknown(let word)?:
            write(renderer.unknownCommand(word) + "\n")
            return nil
        }
        return apply(event)
    }

    /// Applies `event`, saves, and shows what follows.
    private mutating func apply(_ event: Event) -> Ending? {
        let outputs = conversation.apply(event)
        transcript.events.append(event)
        do {
            try persist(transcript)
        } catch {
            return .saveFailed("\(error)")
        }
        show(outputs)
        return nil
    }

    /// The answer `/privat` and `/del` mean without an id: the last one given (an open list as a whole).
    private var lastAnswerID: String? {
        conversation.records.last { !$0.isSkipped }.map { conversation.program.step(of: $0).description }
    }

    /// What going back takes back: the last list item while a list is open, else the last answer
    /// with its probe answers; nil when it only opens a list again, which takes nothing back.
    private var lastGiven: String? {
        guard let last = conversation.records.last else { return nil }
        if case .listItems? = conversation.position { return last.items.last }
        if !last.isSkipped, conversation.program.questions[last.question].kind.isList, case .question? = conversation.position { return nil }
        return renderer.shown(last, in: conversation.program)
    }

    /// `/gå-til`: back to a section or question answered in this pass, or ahead through the
    /// earlier answers in a replay, as far as there are any.
    private mutating func jump(to target: String, command: String) -> Ending? {
        let program = conversation.program
        guard let jump = JumpTarget(target, in: program) else {
            write(renderer.unknownTarget(target) + "\n")
            return nil
        }
        source.keepInHistory(command)
        var events: [Event] = []
        if conversation.records.contains(where: jump.matches) {
            while let last = conversation.records.last, conversation.records.contains(where: jump.matches) {
                replaying?.remember(last, program: program)
                let event = Event.wentBack(at: now())
                _ = conversation.apply(event)
                events.append(event)
            }
        } else if let replaying {
            events = conversation.reuse(replaying, at: now(), passingProbes: true) { conversation in
                conversation.position.map(jump.matches) ?? true
            }.events
            if let stopped = conversation.currentStep, conversation.position.map(jump.matches) == false {
                write(renderer.noEarlierAnswer(at: stopped.description, target: target) + "\n")
            }
        } else {
            write(renderer.notBehind(target) + "\n")
            return nil
        }
        transcript.events += events
        do {
            try persist(transcript)
        } catch {
            return .saveFailed("\(error)")
        }
        show(conversation.reshow())
        return nil
    }

    /// The offered notes (all, or those numbered) as the answer; nil when none are offered here.
    private func takeNotes(_ numbers: [Int]) -> String? {
        guard case .question(let index, _)? = conversation.position, let notes = notes?.notes(at: index), !notes.isEmpty else { return nil }
        let chosen = numbers.isEmpty ? notes : numbers.compactMap { notes.indices.contains($0 - 1) ? notes[$0 - 1] : nil }
        return chosen.isEmpty ? nil : chosen.joined(separator: "\n")
    }

    private func show(_ outputs: [Output]) {
        var shown = ""
        // A section header was shown, and only its tips since.
        var afterHeader = false
        for output in outputs {
            shown += renderer.render(output, messages: conversation.messages, afterHeader: afterHeader)
            // A question asked for the first time: say if its answer stays private, and offer the notes for it.
            if case .question(let prompt) = output, prompt.step.probe == nil, !prompt.isListContinuation {
                if conversation.sharingChoices.sharing(of: prompt.step, in: conversation.program) == .private {
                    shown += renderer.privateAnswerNote + "\n"
                }
                if let index = conversation.program.index(of: prompt.step.question), let offered = notes?.notes(at: index), !offered.isEmpty {
                    shown += renderer.notesOffer(offered)
                }
            }
            switch output {
            case .sectionStarted: afterHeader = true
            case .tip: break
            default: afterHeader = false
            }
        }
        write(shown)
    }

    private func completions() -> [String] {
        var words = ChatCommandWord.completions(renderer.language)
        guard case .question(let index, _)? = conversation.position else { return words }
        switch conversation.program.questions[index].kind {
        case .yesNo: words = renderer.text("ja nej", "yes no").split(separator: " ").map(String.init) + words
        case .choice(let options): words = options.map(\.label) + words
        case .scale(let scale): words = (scale.min...scale.max).map(String.init) + words
        case .text, .list: break
        }
        return words
    }
}

private extension Conversation {
    /// Whether the question asked now is answered by picking (yes/no, an option, a number).
    var asksForAClosedAnswer: Bool {
        guard case .question(let index, _)? = position else { return false }
        switch program.questions[index].kind {
        case .yesNo, .choice, .scale: return true
        case .text, .list: return false
        }
    }
}
