import LifecycleCore

extension ExplorerState {
    /// `U`: puts the last changed answer back as it was, shows that question, and saves.
    mutating func undo(now: Timestamp, layout: ExplorerLayout) -> [Effect] {
        guard let change = undoStack.popLast() else {
            flash = "nothing to undo"
            return []
        }
        redoStack.append(change)
        return restore(change.before, of: change.questionID, verb: "undone", now: now, layout: layout)
    }

    /// Ctrl-R: applies again what `U` undid.
    mutating func redo(now: Timestamp, layout: ExplorerLayout) -> [Effect] {
        guard let change = redoStack.popLast() else {
            flash = "nothing to redo"
            return []
        }
        undoStack.append(change)
        return restore(change.after, of: change.questionID, verb: "redone", now: now, layout: layout)
    }

    private mutating func restore(_ answer: Answer, of questionID: String, verb: String, now: Timestamp, layout: ExplorerLayout) -> [Effect] {
        setAnswer(answer, for: questionID, at: now, recordingUndo: false)
        if catalog.containsQuestion(questionID) { jump(to: questionID, layout: layout) }
        flash = "\(verb): \(questionID) is \(answer.status.label)\(undoStack.isEmpty ? "" : " (U undoes more)")"
        return [.save]
    }
}
