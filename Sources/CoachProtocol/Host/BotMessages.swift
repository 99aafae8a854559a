import CoachEngine
import CoachJSON
import CoachScript

/// The engine's outputs as chat messages, in the shapes gateways already map: text, buttons as
/// `title`/`payload` (Rasa) and an `inputHint` (Bot Framework).
struct BotMessages {
    let messages: Messages

    func write(_ outputs: [Output], into writer: inout JSONWriter) {
        writer.beginArray()
        for output in outputs { write(output, into: &writer) }
        writer.endArray()
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
