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
            options([(messages.yesLabel, "yes"), (messages.noLabel, "no")], into: &writer)
        case .choice(let choices):
            options(choices.map { ($0.label, $0.id) }, into: &writer)
        case .scale(let scale):
            options((scale.min...scale.max).map { value in
                let label = value == scale.min ? scale.minLabel : value == scale.max ? scale.maxLabel : nil
                return (label.map { "\(value) – \($0)" } ?? String(value), String(value))
            }, into: &writer)
        case .list(let itemsSoFar):
            writer.key("hint")
            writer.string(messages.listHint)
            if itemsSoFar > 0 { options([(messages.listDone, "")], into: &writer) }
        }
    }

    private func options(_ options: [(title: String, payload: String)], into writer: inout JSONWriter) {
        writer.key("options")
        writer.beginArray()
        for option in options {
            writer.beginObject()
            writer.key("title")
            writer.string(option.title)
            writer.key("payload")
            writer.string(option.payload)
            writer.endObject()
        }
        writer.endArray()
    }
}
