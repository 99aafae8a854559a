import CoachEngine

/// What `/status` and `/opsummering` show: where the person is, and what they answered so far.
struct AnswersOverview {
    let conversation: Conversation
    let renderer: ChatRenderer

    func status() -> String {
        let answered = conversation.records.filter { !$0.isSkipped }.count
        let skipped = conversation.records.count - answered
        guard let position = conversation.position else {
            return renderer.text("Forberedelsen er færdig: \(answered) svar, \(skipped) sprunget over.",
                                 "The preparation is complete: \(answered) answers, \(skipped) skipped.")
        }
        let entry = conversation.program.questions[position.index]
        let section = conversation.program.script.sections[entry.section]
        let progress = renderer.progressLine(conversation.program.progress(of: position.index))
        return renderer.text("\(progress) — \(section.title). \(answered) svar indtil nu, \(skipped) sprunget over. Alt er gemt.",
                             "\(progress) — \(section.title). \(answered) answers so far, \(skipped) skipped. Everything is saved.")
    }

    func answers() -> String {
        guard !conversation.records.isEmpty else { return renderer.text("Ingen svar endnu.\n", "No answers yet.\n") }
        var text = ""
        let choices = conversation.sharingChoices
        for record in conversation.records {
            let prompt = conversation.question(of: record)
            let answer = renderer.shown(record, in: conversation.program)
            // The id is what /privat, /del and /gå-til take.
            var label = "• " + prompt + " [" + conversation.program.step(of: record).description + "]"
            if !record.isSkipped, conversation.sharing(of: record, choices: choices) == .private { label += " 🔒 " + renderer.text("privat", "private") }
            text += renderer.style.dim(label) + "\n" + renderer.style.wrap(answer, indent: "    ") + "\n"
        }
        return text
    }
}
