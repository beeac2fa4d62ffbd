import LifecycleCore

extension ExplorerState {
    /// Keys in the explorer: overlays first, then the focused pane.
    mutating func handle(_ key: Key, layout: ExplorerLayout, now: Timestamp) -> [Effect] {
        flash = nil
        if overlay != nil { return handleOverlay(key, layout: layout, now: now) }
        guard let action = KeyBindings.action(for: key, in: .explorer) else { return [] }
        switch action {
        case .moveDown: move(by: 1, layout: layout)
        case .moveUp: move(by: -1, layout: layout)
        case .pageDown: move(by: pageSize(layout), layout: layout)
        case .pageUp: move(by: -pageSize(layout), layout: layout)
        case .first: move(by: -1_000_000, layout: layout)
        case .last: move(by: 1_000_000, layout: layout)
        case .focusLeft: focus = focus == .detail ? .questions : .sidebar
        case .focusRight: focus = focus == .sidebar || !layout.hasDetail ? .questions : .detail
        case .nextPane: focus = nextPane(after: focus, step: 1, layout: layout)
        case .previousPane: focus = nextPane(after: focus, step: -1, layout: layout)
        case .toggleListOnly:
            listOnly.toggle()
            flash = listOnly ? "list only: z shows the detail pane again" : nil
        case .jumpToArea:
            // The table binds only the ASCII digits 1-9 (other scripts' digits are numbers
            // too, but not these keys).
            guard case .character(let digit) = key, let value = digit.asciiValue else { return [] }
            // Within the current pack: 1 is its first area (the book's stages are 1-5).
            let range = SidebarRows.packRange(holding: areaIndex, catalog: catalog)
            let index = range.lowerBound + Int(value) - Int(UInt8(ascii: "1"))
            if range.contains(index) { selectArea(index); focus = .questions }
        case .tick: return toggleCurrent(now: now)
        case .markAddressed: return setStatus(.addressed, now: now)
        case .markPartial: return setStatus(.partial, now: now)
        case .markGap: return setStatus(.gap, now: now)
        case .markUnanswered: return setStatus(.unanswered, now: now)
        case .markNotApplicable:
            let effects = setStatus(.notApplicable, now: now)
            if let id = answerableQuestionID {
                overlay = .reasonPrompt(questionID: id, buffer: TextBuffer(assessment.answer(for: id).reason, allowsNewlines: false))
            }
            return effects
        case .undo: return undo(now: now, layout: layout)
        case .redo: return redo(now: now, layout: layout)
        case .editNote:
            if focus == .sidebar { focus = .questions; return [] }
            if let id = answerableQuestionID {
                listOnly = false  // the note editor opens where the detail pane is
                overlay = .noteEditor(NoteEditorState(questionID: id, text: assessment.answer(for: id).note))
            }
        case .editNoteExternally:
            if let id = answerableQuestionID {
                return [.editNoteExternally(questionID: id, text: assessment.answer(for: id).note)]
            }
        case .search: overlay = .search(SearchState())
        case .nextMatch: jumpToMatch(forward: true, layout: layout)
        case .previousMatch: jumpToMatch(forward: false, layout: layout)
        case .cycleFilter:
            let before = currentQuestionID
            filter = filter.next
            rebuildList(keeping: before)
            moveToNextListed(after: before)
            flash = "filter: \(filter.label) (\(listedQuestionIDs.count))"
        case .overview:
            // The heat map is the book's stage x undercurrent matrix.
            guard !catalog.stages.isEmpty, !catalog.undercurrents.isEmpty else {
                flash = "the heat map is the book's stages x undercurrents: add the fundamentals pack to see it"
                return []
            }
            overlay = .overview(overviewPosition())
        case .findings: overlay = .findings(FindingsViewState(findings: planFindings()))
        case .filterByOwner:
            let current: String = if case .owner(let name) = filter { name } else { "" }
            overlay = .ownerFilterPrompt(buffer: TextBuffer(current, allowsNewlines: false))
        case .packs: return [.listPacks]
        case .help: overlay = .help(scroll: 0)
        case .milestone:
            overlay = .milestonePrompt(buffer: TextBuffer("review " + String(now.text.prefix(10)), allowsNewlines: false))
        case .compare:
            return [.listCompareCandidates]
        case .back:
            if case .cell = source {
                // Back where the cell was chosen: the heat map, on that cell.
                overlay = .overview(overviewPosition())
                selectArea(areaIndex)
                // The list under the map is where the reviewer was before the cell.
                if let before = questionBeforeCell, let index = listedQuestionIDs.firstIndex(of: before) { questionCursor = index }
                questionBeforeCell = nil
            } else if filter != .all {
                filter = .all
                rebuildList(keeping: currentQuestionID)
            }
        case .close:
            if case .conflict = document.saveState {
                overlay = .conflict  // unsaved answers: ask before leaving
                return []
            }
            return document.saveState.hasUnsavedChanges ? [.save, .closeExplorer] : [.closeExplorer]
        case .resolveConflict:
            if case .conflict = document.saveState { overlay = .conflict }
        default:
            break
        }
        ensureCursorVisible(layout: layout)
        return []
    }

    /// The heat map opens on the cell being listed, else on the current stage.
    private func overviewPosition() -> OverviewState {
        var overview = OverviewState()
        if case .cell(let stage, let undercurrent) = source {
            overview.stageIndex = catalog.stages.firstIndex { $0.id == stage } ?? 0
            overview.undercurrentIndex = catalog.undercurrents.firstIndex { $0.id == undercurrent } ?? 0
        } else if let remembered = lastOverview {
            overview = remembered
        } else if currentArea.kind == .stage {
            overview.stageIndex = catalog.stages.firstIndex { $0.id == currentArea.id } ?? 0
        }
        return overview
    }

    /// After a filter change: when the question under the cursor is not listed, the next
    /// listed one after it in the area (not the last one) takes the cursor.
    private mutating func moveToNextListed(after previous: String?) {
        guard let previous, !listedQuestionIDs.contains(previous),
              case .area(let index) = source else { return }
        let order = catalog.areas[index].questions.map(\.id)
        guard let position = order.firstIndex(of: previous) else { return }
        let listed = Set(listedQuestionIDs)
        if let next = order[position...].first(where: listed.contains) ?? order[..<position].last(where: listed.contains),
           let cursor = listedQuestionIDs.firstIndex(of: next) {
            questionCursor = cursor
        }
    }

    /// The question status keys act on: the listed question, unless the sidebar has focus.
    var answerableQuestionID: String? {
        focus == .sidebar ? nil : currentQuestionID
    }

    private func pageSize(_ layout: ExplorerLayout) -> Int {
        switch focus {
        case .sidebar: return 5
        case .questions: return max(1, layout.listRows - 1)
        case .detail: return max(1, layout.detail.height - 2)
        }
    }

    mutating func move(by delta: Int, layout: ExplorerLayout) {
        switch focus {
        case .sidebar:
            let target = max(0, min(catalog.areas.count - 1, areaIndex + delta))
            if target != areaIndex || source != .area(areaIndex) { selectArea(target) }
        case .questions:
            guard !listedQuestionIDs.isEmpty else { return }
            let target = max(0, min(listedQuestionIDs.count - 1, questionCursor + delta))
            if target != questionCursor {
                questionCursor = target
                detailScroll = 0
            }
        case .detail:
            let width = (layout.sideBySide ? layout.detail.width : layout.detail.width) - 1
            let lineCount = DetailContent(state: self, ascii: asciiOnly).lines(width: width).count
            detailScroll = max(0, min(lineCount - layout.detail.height, detailScroll + delta))
        }
    }

    mutating func ensureCursorVisible(layout: ExplorerLayout) {
        let rows = layout.listRows
        if questionCursor < questionScroll { questionScroll = questionCursor }
        if questionCursor >= questionScroll + rows { questionScroll = questionCursor - rows + 1 }
        questionScroll = max(0, min(questionScroll, max(0, listedQuestionIDs.count - rows)))
    }

    /// Tab order over the panes shown (the detail pane is skipped when hidden).
    private func nextPane(after pane: Pane, step: Int, layout: ExplorerLayout) -> Pane {
        let panes = Pane.allCases.filter { $0 != .detail || layout.hasDetail }
        let position = panes.firstIndex(of: pane) ?? 0
        return panes[(position + step + panes.count) % panes.count]
    }

    mutating func clampScrolling(layout: ExplorerLayout) {
        ensureCursorVisible(layout: layout)
    }

    private mutating func toggleCurrent(now: Timestamp) -> [Effect] {
        guard let id = answerableQuestionID else { return needQuestionFocus() }
        if catalog.question(id: id)?.isAnsweredByChoices == true {
            overlay = .checklist(ChecklistState(questionID: id, selected: assessment.answer(for: id).choices))
            return []
        }
        return setStatus(assessment.status(of: id) == .addressed ? .unanswered : .addressed, now: now)
    }

    private mutating func setStatus(_ status: AnswerStatus, now: Timestamp) -> [Effect] {
        guard let id = answerableQuestionID else { return needQuestionFocus() }
        var answer = assessment.answer(for: id)
        let byChoices = catalog.question(id: id)?.isAnsweredByChoices == true
        if byChoices, status != .unanswered, status != .notApplicable {
            flash = "answered by choices: Space opens its checklist"
            return []
        }
        guard answer.status != status else { return [] }
        answer.status = status
        // Unanswered or not applicable: the ticked choices no longer stand.
        if byChoices { answer.choices = [] }
        // A reason belongs to not-applicable only: it goes when the status leaves it.
        if status != .notApplicable { answer.reason = "" }
        setAnswer(answer, for: id, at: now)
        // Under a filter the question may no longer match; keep it listed until the
        // filter changes, so the cursor does not jump while the reviewer works.
        return [.save]
    }

    private mutating func needQuestionFocus() -> [Effect] {
        flash = "Move to a question first (Tab or l)"
        return []
    }

    /// Saves the text of a note editor that is still open (quitting, signals, Ctrl-Z).
    /// `keepOpen` leaves the editor up, to go on typing after a suspend.
    mutating func commitOpenEditor(now: Timestamp, keepOpen: Bool = false) {
        switch overlay {
        case .noteEditor(let editor):
            commitNote(editor.buffer.text, for: editor.questionID, now: now)
            if !keepOpen { overlay = nil }
        case .checklist(let checklist):
            // Quitting or suspending with the checklist open keeps what was ticked.
            if let question = catalog.question(id: checklist.questionID) { _ = commitChoices(checklist, of: question, now: now) }
            if !keepOpen { overlay = nil }
        case .reasonPrompt(let id, let buffer):
            var answer = assessment.answer(for: id)
            if answer.reason != buffer.text {
                answer.reason = buffer.text
                setAnswer(answer, for: id, at: now)
            }
            if !keepOpen { overlay = nil }
        default:
            break
        }
    }

    mutating func commitNote(_ text: String, for id: String, now: Timestamp) {
        var answer = assessment.answer(for: id)
        guard answer.note != text else { return }
        answer.note = text
        setAnswer(answer, for: id, at: now)
    }

    /// Replaces a note after editing it in $EDITOR.
    public mutating func applyExternalEdit(_ text: String, for id: String, now: Timestamp) -> [Effect] {
        // Editors add a final newline; a note does not need one.
        var cleaned = text
        while cleaned.hasSuffix("\n") { cleaned.removeLast() }
        let before = assessment.answer(for: id).note
        commitNote(cleaned, for: id, now: now)
        return before == cleaned ? [] : [.save]
    }

    mutating func handleMouse(row: Int, column: Int, action: MouseAction, layout: ExplorerLayout) {
        guard overlay == nil else { return }
        if layout.sidebar.contains(row: row, column: column) {
            focus = .sidebar
            switch action {
            case .click:
                if let index = SidebarRows.area(atRow: row - layout.sidebar.row, catalog: catalog, currentArea: areaIndex) { selectArea(index) }
            case .scrollUp: move(by: -1, layout: layout)
            case .scrollDown: move(by: 1, layout: layout)
            }
        } else if layout.list.contains(row: row, column: column) {
            focus = .questions
            switch action {
            case .click:
                let index = questionScroll + (row - layout.list.row - 1)
                if row > layout.list.row, listedQuestionIDs.indices.contains(index) {
                    questionCursor = index
                    detailScroll = 0
                }
            case .scrollUp: move(by: -3, layout: layout)
            case .scrollDown: move(by: 3, layout: layout)
            }
        } else if layout.detail.contains(row: row, column: column) {
            focus = .detail
            if action == .scrollUp { move(by: -3, layout: layout) }
            if action == .scrollDown { move(by: 3, layout: layout) }
        }
        ensureCursorVisible(layout: layout)
    }
}

