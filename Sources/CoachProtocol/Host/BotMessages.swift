import CoachEngine
import CoachJSON
import CoachScript

/// The engine's outputs as chat messages, in the shapes gateways already map: text, buttons as
/// `title`/`payload` (Rasa) and an `inputHint` (Bot Framework).
struct BotMessages {
    let messages: Messages
    /// The program's messages written before, for those that are the same every time.
    let written: MessageCache.Written

    func write(_ outputs: [Output], into writer: inout JSONWriter) {
        writer.beginArray()
        for output in outputs {
            switch output {
            case .question(let prompt):
                guard let slot = prompt.fixedTextKey else {
                    write(output, into: &writer)
                    continue
                }
                let list = if case .list(let items) = prompt.kind { items > 0 ? 2 : 1 } else { 0 }
                writeCached(output, in: &written.questions[slot * 3 + list], into: &writer)
            case .sectionStarted(let header) where header.isScriptOwn:
                writeCached(output, in: &written.sections[header.number], into: &writer)
            case .sectionStarted:
                write(output, into: &writer)
            case .tip(let tip):
                writeCached(output, in: &written.tips[tip.id], into: &writer)
            case .greeting, .rejected, .ended:
                write(output, into: &writer)
            }
        }
        writer.endArray()
    }

    /// Writes `output` from `cached`, written there the first time.
    private func writeCached(_ output: Output, in cached: inout [UInt8]?, into writer: inout JSONWriter) {
        if cached == nil {
            var message = JSONWriter(capacity: 512)
            write(output, into: &message)
            cached = message.bytes
        }
        writer.written(cached!)
    }

    private func write(_ output: Output, into writer: inout JSONWriter) {
        writer.beginObject()
        switch output {
        case .greeting(let text):
            message("greeting", text, hint: "acceptingInput", into: &writer)
        case .sectionStarted(let header):
            var text = messages.sectionNumber(header.number, of: header.count) + ": " + header.title
            if let intro = header.intro { text += "\n\n" + intro }
            message("section", text, hint: "acceptingInput", into: &writer)
        case .tip(let tip):
            message("tip", tip.title.isEmpty ? tip.text : tip.title + ": " + tip.text, hint: "acceptingInput", into: &writer)
        case .question(let prompt):
            message("question", prompt.text, hint: "expectingInput", into: &writer)
            writeChoices(of: prompt, into: &writer)
        case .rejected(let rejection):
            message("rejected", messages.message(for: rejection), hint: "acceptingInput", into: &writer)
        case .ended:
            message("end", messages.finished, hint: "ignoringInput", into: &writer)
        }
        writer.endObject()
    }

    private func message(_ kind: StaticString, _ text: String, hint: StaticString, into writer: inout JSONWriter) {
        writer.key("kind")
        writer.literal(kind)
        writer.key("text")
        writer.string(text)
        writer.key("inputHint")
        writer.literal(hint)
    }

    private func writeChoices(of prompt: Prompt, into writer: inout JSONWriter) {
        switch prompt.kind {
        case .text:
            return
        case .yesNo:
            beginOptions(into: &writer)
            option(messages.yesLabel, "yes", into: &writer)
            option(messages.noLabel, "no", into: &writer)
            writer.endArray()
        case .choice(let choices):
            beginOptions(into: &writer)
            for choice in choices { option(choice.label, choice.id, into: &writer) }
            writer.endArray()
        case .scale(let scale):
            beginOptions(into: &writer)
            for value in scale.min...scale.max {
                let label = value == scale.min ? scale.minLabel : value == scale.max ? scale.maxLabel : nil
                option(label.map { "\(value) – \($0)" } ?? String(value), String(value), into: &writer)
            }
            writer.endArray()
        case .list(let itemsSoFar):
            writer.key("hint")
            writer.string(messages.listHint)
            if itemsSoFar > 0 {
                beginOptions(into: &writer)
                option(messages.listDone, "", into: &writer)
                writer.endArray()
            }
        }
    }

    private func beginOptions(into writer: inout JSONWriter) {
        writer.key("options")
        writer.beginArray()
    }

    private func option(_ title: String, _ payload: String, into writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("title")
        writer.string(title)
        writer.key("payload")
        writer.string(payload)
        writer.endObject()
    }
}

/// Messages as written, kept for the steps, sections and tips whose text is the script's own: most
/// replies repeat what an earlier one said. Bounded by the scripts' size.
final class MessageCache {
    /// One program's messages as written, in arrays under its step slots, section numbers and tip
    /// ids. Read and written on the host's one thread only: no run-time exclusivity checks.
    final class Written {
        /// Per step slot (`ScriptProgram.stepSlot(of:)`), three: not a list, a list's first item,
        /// a list's next (with the "done" button).
        @exclusivity(unchecked) var questions: [[UInt8]?]
        /// Per section number (1-based).
        @exclusivity(unchecked) var sections: [[UInt8]?]
        @exclusivity(unchecked) var tips: [String: [UInt8]] = [:]
        /// Per step slot: its id as a JSON string, for the steps not about a list item.
        @exclusivity(unchecked) var steps: [[UInt8]?]
        /// Per question: the progress object of a result.
        @exclusivity(unchecked) var progress: [[UInt8]?]

        init(_ program: ScriptProgram) {
            questions = Array(repeating: nil, count: program.stepSlotCount * 3)
            sections = Array(repeating: nil, count: program.script.sections.count + 1)
            steps = Array(repeating: nil, count: program.stepSlotCount)
            progress = Array(repeating: nil, count: program.questions.count)
        }
    }

    /// By program: a host serves a few (one per script and language), and they live as long as it does.
    private var programs: [(program: ObjectIdentifier, written: Written)] = []

    func written(for program: ScriptProgram) -> Written {
        let id = ObjectIdentifier(program)
        if let found = programs.first(where: { $0.program == id }) { return found.written }
        let written = Written(program)
        programs.append((id, written))
        return written
    }
}
