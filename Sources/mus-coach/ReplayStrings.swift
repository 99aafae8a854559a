import CoachEngine

/// What `replay` says, in the script's language.
extension SessionStrings {
    private func text(_ da: String, _ en: String) -> String { renderer.language == .danish ? da : en }

    var earlierScriptMissing: String {
        text("Bemærk: dialogen er ændret, og den udgave dine svar blev givet i er ikke gemt; svarene genbruges i rækkefølge.",
             "Note: the dialogue has changed and the version your answers were given in is not kept; they are reused in order.")
    }

    func replayIntro(revision: Int) -> String {
        text("Gennemgang \(revision): dit tidligere svar står på linjen — Enter beholder det, ret det hvis du vil. "
             + "/gå-til ID springer til et afsnit eller spørgsmål.",
             "Pass \(revision): your earlier answer is on the line — Enter keeps it, edit it if you like. "
             + "/goto ID jumps to a part or question.")
    }

    /// Question by question, old → new.
    func changes(_ changes: [AnswerChange]) -> String {
        guard !changes.isEmpty else { return "\n" + text("Ingen svar er ændret.", "No answer has changed.") + "\n" }
        var lines = ["", text("Det har du ændret:", "What you changed:")]
        for change in changes {
            switch change.kind {
            case .changed: lines.append("  \(change.step): »\(change.old ?? "")« → »\(change.new ?? "")«")
            case .added: lines.append("  \(change.step): " + text("nyt svar", "new answer") + " »\(change.new ?? "")«")
            case .setAside:
                lines.append("  \(change.step): »\(change.old ?? "")« " + text("lagt til side (spørgsmålet stilles ikke længere)",
                                                                                   "set aside (the question is no longer asked)"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `replay --check`: what the current script changes for a session.
    func report(_ drift: Drift, session: String) -> String {
        guard !drift.isEmpty else { return text("\(session): ingen ændringer i forhold til dialogen.", "\(session): no drift from the dialogue.") + "\n" }
        var lines: [String] = []
        lines += drift.newQuestions.map { "\(session): " + text("nyt spørgsmål", "new question") + " \($0)" }
        lines += drift.removed.map { "\(session): " + text("fjernet", "removed") + " \($0)" }
        lines += drift.unreachable.map { "\(session): " + text("nås ikke længere", "no longer reached") + " \($0)" }
        lines += drift.reworded.map { "\(session): " + text("ændret ordlyd", "changed prompt") + " \($0.step): »\($0.old)« → »\($0.new)«" }
        return lines.joined(separator: "\n") + "\n"
    }
}
