import CoachEngine
import CoachJSON
import CoachScript

/// The engine's outputs as chat messages, in the shapes gateways already map: text, buttons as
/// `title`/`payload` (Rasa) and an `inputHint` (Bot Framework).
struct BotMessages {
    let messages: Messages
    /// The script's messages written before, for those that are the same every time.
    let cache: MessageCache
    let program: ObjectIdentifier

    func write(_ outputs: [Output], into writer: inout JSONWriter) {
        writer.beginArray()
        for output in outputs {
            guard let key = cacheKey(output) else {
                write(output, into: &writer)
                continue
            }
            if let written = cache.messages[key] {
                writer.written(written)
            } else {
                var message = JSONWriter(capacity: 512)
                write(output, into: &message)
                let bytes = message.bytes
                cache.messages[key] = bytes
                writer.written(bytes)
            }
        }
        writer.endArray()
    }

    /// What names a message that is the same every time it is shown; nil for the others.
    private func cacheKey(_ output: Output) -> MessageCache.Key? {
        switch output {
        case .question(let prompt):
            guard let fixed = prompt.fixedTextKey else { return nil }
            let list = if case .list(let items) = prompt.kind { items > 0 ? 2 : 1 } else { 0 }
            return MessageCache.Key(program: program, kind: .question(fixed << 2 | list))
        case .sectionStarted(let header):
            return MessageCache.Key(program: program, kind: .section(header.number))
        case .tip(let tip):
            return MessageCache.Key(program: program, kind: .tip(tip.id))
        case .greeting, .rejected, .ended:
            return nil
        }
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
    struct Key: Hashable {
        enum Kind: Hashable {
            /// The prompt's `fixedTextKey` and, in the low two bits, 0 for no list, 1 for its first
            /// item, 2 for the next (with the "done" button).
            case question(Int)
            case section(Int)
            case tip(String)
        }

        var program: ObjectIdentifier
        var kind: Kind
    }

    /// Read and written on the host's one thread only: no run-time exclusivity check.
    @exclusivity(unchecked) var messages: [Key: [UInt8]] = [:]
}
