import FoundationEssentials
import LifecycleCore

extension ExplorerState {
    mutating func handleOverlay(_ key: Key, layout: ExplorerLayout, now: Timestamp) -> [Effect] {
        switch overlay {
        case .help(let scroll):
            // The help lists every context; j/k and the page keys scroll it, any other key
            // closes it (it is read, not worked in).
            let maximum = HelpContent.maximumScroll(height: layout.footer.row + 1)
            switch KeyBindings.action(for: key, in: .explorer) {
            case .moveDown: overlay = .help(scroll: min(maximum, scroll + 1))
            case .moveUp: overlay = .help(scroll: max(0, scroll - 1))
            case .pageDown, .tick: overlay = .help(scroll: min(maximum, scroll + 10))
            case .pageUp: overlay = .help(scroll: max(0, scroll - 10))
            case .first: overlay = .help(scroll: 0)
            case .last: overlay = .help(scroll: maximum)
            default: overlay = nil
            }
        case .planHelp(let scroll, let plan):
            let maximum = max(0, HelpContent.lineCount(contexts: HelpContent.planContexts) - (layout.footer.row - 3))
            switch KeyBindings.action(for: key, in: .explorer) {
            case .moveDown: overlay = .planHelp(scroll: min(maximum, scroll + 1), plan: plan)
            case .moveUp: overlay = .planHelp(scroll: max(0, scroll - 1), plan: plan)
            default: overlay = .findings(plan)
            }
        case .search(var search):
            return handleSearch(key, search: &search, layout: layout)
        case .overview(var overview):
            handleOverview(key, overview: &overview, layout: layout)
        case .noteEditor(var editor):
            switch KeyBindings.action(for: key, in: .noteEditor) {
            case .close:
                overlay = nil
                let before = assessment.answer(for: editor.questionID).note
                commitNote(editor.buffer.text, for: editor.questionID, now: now)
                if before != editor.buffer.text {
                    flash = "note saved"
                    return [.save]
                }
            default:
                _ = editor.buffer.handle(key)
                overlay = .noteEditor(editor)
            }
        case .reasonPrompt(let id, var buffer):
            switch KeyBindings.action(for: key, in: .prompt) {
            case .confirm, .close:
                commitOpenEditor(now: now)
                return document.saveState == .pending ? [.save] : []
            default:
                _ = buffer.handle(key)
                overlay = .reasonPrompt(questionID: id, buffer: buffer)
            }
        case .conflict:
            switch KeyBindings.action(for: key, in: .conflict) {
            case .keepMine:
                return resolveConflict(keepingMine: true)
            case .takeTheirs:
                return resolveConflict(keepingMine: false)
            case .reload:
                overlay = nil
                pendingConflict = nil
                return [.reloadFromDisk]
            case .saveCopy:
                overlay = .saveCopyPrompt(buffer: TextBuffer(ExplorerState.copyPath(for: document.path), allowsNewlines: false))
            case .quitWithoutSaving:
                return [.closeExplorer]
            case .close:
                overlay = nil
            default:
                break
            }
        case .saveCopyPrompt(var buffer):
            switch KeyBindings.action(for: key, in: .prompt) {
            case .confirm:
                let path = buffer.text.trimmingWhitespace()
                guard !path.isEmpty else { return [] }
                overlay = nil
                return [.saveCopy(path: path)]
            case .close:
                overlay = .conflict
            default:
                _ = buffer.handle(key)
                overlay = .saveCopyPrompt(buffer: buffer)
            }
        case .milestonePrompt(var buffer):
            switch KeyBindings.action(for: key, in: .prompt) {
            case .close: overlay = nil
            case .confirm:
                do {
                    try document.assessment.addMilestone(label: buffer.text, at: now)
                    document.saveState = .pending
                    overlay = nil
                    flash = "milestone \"\(buffer.text.trimmingWhitespace())\" frozen; D compares with it"
                    return [.save]
                } catch {
                    flash = error.description
                }
            default:
                _ = buffer.handle(key)
                overlay = .milestonePrompt(buffer: buffer)
            }
        case .comparePicker(var picker):
            switch KeyBindings.action(for: key, in: .comparePicker) {
            case .close: overlay = nil
            case .moveDown: picker.selected = min(picker.choices.count - 1, picker.selected + 1); overlay = .comparePicker(picker)
            case .moveUp: picker.selected = max(0, picker.selected - 1); overlay = .comparePicker(picker)
            case .confirm:
                guard picker.choices.indices.contains(picker.selected) else { overlay = nil; return [] }
                switch picker.choices[picker.selected] {
                case .milestone(let label):
                    guard let milestone = assessment.milestone(labelled: label) else { overlay = nil; return [] }
                    let diff = AssessmentDiff(left: DiffSide(label: "milestone \(label)", assessment: milestone.assessment),
                                              right: DiffSide(label: "now", assessment: assessment), catalog: catalog)
                    overlay = .diffView(DiffViewState(diff: diff))
                case .file(let path, _):
                    overlay = nil
                    return [.compareWithFile(path: path)]
                }
            default: break
            }
        case .diffView(var view):
            switch KeyBindings.action(for: key, in: .diff) {
            case .close: overlay = nil
            case .moveDown: view.cursor = min(view.rows.count - 1, view.cursor + 1)
            case .moveUp: view.cursor = max(0, view.cursor - 1)
            case .pageDown: view.cursor = min(view.rows.count - 1, view.cursor + 10)
            case .pageUp: view.cursor = max(0, view.cursor - 10)
            case .first: view.cursor = 0
            case .last: view.cursor = max(0, view.rows.count - 1)
            case .confirm:
                if view.rows.indices.contains(view.cursor), case .change(let id, _, _, _) = view.rows[view.cursor], catalog.containsQuestion(id) {
                    overlay = nil
                    jump(to: id, layout: layout)
                    return []
                }
            default: break
            }
            if case .diffView = overlay { overlay = .diffView(view) }
        case .findings(var view):
            return handlePlan(key, view: &view, layout: layout, now: now)
        case .planPrompt(var prompt):
            switch KeyBindings.action(for: key, in: .prompt) {
            case .close: overlay = .findings(prompt.plan)
            case .confirm: return confirmPlanPrompt(prompt, now: now)
            default:
                _ = prompt.buffer.handle(key)
                prompt.problem = nil
                overlay = .planPrompt(prompt)
            }
        case .ownerFilterPrompt(var buffer):
            switch KeyBindings.action(for: key, in: .prompt) {
            case .close: overlay = nil
            case .confirm:
                overlay = nil
                let name = buffer.text.trimmingWhitespace()
                let before = currentQuestionID
                filter = name.isEmpty ? .all : .owner(name)
                rebuildList(keeping: before)
                flash = "filter: \(filter.label) (\(listedQuestionIDs.count) here)"
            default:
                _ = buffer.handle(key)
                overlay = .ownerFilterPrompt(buffer: buffer)
            }
        case .packPicker(var list):
            switch KeyBindings.action(for: key, in: .packPrompt) {
            case .moveDown: list.cursor = min(list.choices.count - 1, list.cursor + 1)
            case .moveUp: list.cursor = max(0, list.cursor - 1)
            case .tick: list.toggle()
            case .close: overlay = nil
            case .confirm:
                overlay = nil
                // Packs the file names that were not found are kept: the picker could not show them.
                let offered = Set(list.choices.map(\.id))
                let unseen = assessment.packIDs.filter { !offered.contains($0) }
                let current = assessment.packIDs.filter(offered.contains)
                guard Set(list.selected) != Set(current) else { return [] }
                // The packs already reviewed keep their order; new ones follow.
                let kept = assessment.packIDs.filter { list.selected.contains($0) || unseen.contains($0) }
                return [.changePacks(kept + list.orderedSelection.filter { !kept.contains($0) })]
            default: break
            }
            if case .packPicker = overlay { overlay = .packPicker(list) }
        case .checklist(var checklist):
            guard let question = catalog.question(id: checklist.questionID) else { overlay = nil; return [] }
            switch KeyBindings.action(for: key, in: .checklist) {
            case .moveDown: checklist.cursor = min(question.choices.count - 1, checklist.cursor + 1)
            case .moveUp: checklist.cursor = max(0, checklist.cursor - 1)
            case .tick:
                checklist.selected = ChoiceAnswering.toggling(question.choices[checklist.cursor].id, in: checklist.selected, of: question)
            case .close:
                overlay = nil
                return commitChoices(checklist, of: question, now: now)
            default: break
            }
            if case .checklist = overlay { overlay = .checklist(checklist) }
        case nil:
            break
        }
        return []
    }

    /// Closing the checklist keeps the ticked choices (one undoable change) and saves.
    mutating func commitChoices(_ checklist: ChecklistState, of question: Question, now: Timestamp) -> [Effect] {
        let before = assessment.answer(for: question.id)
        // Nothing ticked or unticked: the answer stays as it was (not applicable included).
        guard checklist.selected.sorted() != before.choices.sorted() else { return [] }
        guard let after = try? ChoiceAnswering.answer(before, of: question, choosing: checklist.selected),
              after.choices != before.choices || after.status != before.status else { return [] }
        setAnswer(after, for: question.id, at: now)
        flash = after.choices.isEmpty ? "choices cleared" : "risk \(question.risk(of: after).name): \(after.status.label)"
        return [.save]
    }

    /// Settles a conflict with another writer: their version becomes the new base, every
    /// change that does not conflict is kept from both sides, and the conflicting answers
    /// are taken from one side. Saving then writes over their version.
    mutating func resolveConflict(keepingMine: Bool) -> [Effect] {
        guard let conflict = pendingConflict else { return [] }
        let result = ConcurrentEditMerge.merge(base: document.base, ours: document.assessment, theirs: conflict.theirs.assessment)
        let resolved = keepingMine
            ? result.merged
            : ConcurrentEditMerge.resolve(result, taking: conflict.theirs.assessment, for: conflict.questionIDs)
        document.base = conflict.theirs.assessment
        document.fingerprint = conflict.theirs.fingerprint
        replaceAssessment(resolved)
        pendingConflict = nil
        overlay = nil
        let count = conflict.questionIDs.count
        flash = keepingMine ? "kept your answer\(count == 1 ? "" : "s") to \(count) question\(count == 1 ? "" : "s")"
            : "took their answer\(count == 1 ? "" : "s") to \(count) question\(count == 1 ? "" : "s")"
        document.saveState = .pending
        return [.save]
    }

    /// "reviews/payments.json" -> "reviews/payments.mine.json".
    static func copyPath(for path: String) -> String {
        path.hasSuffix(".json") ? String(path.dropLast(5)) + ".mine.json" : path + ".mine"
    }

    private mutating func handleOverview(_ key: Key, overview: inout OverviewState, layout: ExplorerLayout) {
        switch KeyBindings.action(for: key, in: .overview) {
        case .moveDown: overview.stageIndex = min(catalog.stages.count - 1, overview.stageIndex + 1)
        case .moveUp: overview.stageIndex = max(0, overview.stageIndex - 1)
        case .focusRight: overview.undercurrentIndex = min(catalog.undercurrents.count - 1, overview.undercurrentIndex + 1)
        case .focusLeft: overview.undercurrentIndex = max(0, overview.undercurrentIndex - 1)
        case .confirm:
            let stage = catalog.stages[overview.stageIndex].id
            let undercurrent = catalog.undercurrents[overview.undercurrentIndex].id
            lastOverview = overview
            questionBeforeCell = questionBeforeCell ?? currentQuestionID
            overlay = nil
            source = .cell(stage: stage, undercurrent: undercurrent)
            questionCursor = 0
            questionScroll = 0
            filter = .all
            rebuildList()
            focus = .questions
            return
        case .close:
            lastOverview = overview
            overlay = nil
            return
        default:
            break
        }
        overlay = .overview(overview)
    }

    private mutating func handleSearch(_ key: Key, search: inout SearchState, layout: ExplorerLayout) -> [Effect] {
        switch KeyBindings.action(for: key, in: .search) {
        case .close:
            overlay = nil
            return []
        case .moveDown:
            search.selected = min(max(0, search.results.count - 1), search.selected + 1)
        case .moveUp:
            search.selected = max(0, search.selected - 1)
        case .confirm:
            overlay = nil
            let query = search.query.text
            lastSearch = query.isEmpty ? lastSearch : query
            if search.results.indices.contains(search.selected) {
                jump(to: search.results[search.selected], layout: layout)
            } else {
                flash = "no match for \"\(query)\""
            }
            return []
        default:
            if search.query.handle(key) {
                search.results = QuestionSearch.matches(search.query.text, in: catalog, answers: assessment.answers)
                search.selected = 0
                search.scroll = 0
            }
        }
        overlay = .search(search)
        return []
    }

    /// Shows a question in its area's list, clearing a filter that would hide it.
    mutating func jump(to questionID: String, layout: ExplorerLayout) {
        guard let location = catalog.location(ofQuestion: questionID) else { return }
        if source != .area(location.areaIndex) || areaIndex != location.areaIndex {
            areaIndex = location.areaIndex
            source = .area(location.areaIndex)
        }
        if !filter.matches(assessment.answer(for: questionID), of: catalog.question(id: questionID), today: today) { filter = .all }
        rebuildList(keeping: questionID)
        focus = .questions
        ensureCursorVisible(layout: layout)
    }

    /// n / N: the next or previous question (in catalog order) matching the last search.
    mutating func jumpToMatch(forward: Bool, layout: ExplorerLayout) {
        guard let query = lastSearch, !query.isEmpty else {
            flash = "no search yet: press / to search"
            return
        }
        let matches = QuestionSearch.matches(query, in: catalog, answers: assessment.answers)
        guard !matches.isEmpty else { flash = "no match for \"\(query)\""; return }
        // Matches come in catalog order; compare positions through the catalog's index
        // rather than searching a list of every id (quadratic on large catalogs).
        func position(_ id: String) -> (Int, Int) {
            catalog.location(ofQuestion: id).map { ($0.areaIndex, $0.questionIndex) } ?? (-1, -1)
        }
        let current = currentQuestionID.map(position) ?? (-1, -1)
        let targetIndex = forward
            ? matches.firstIndex { position($0) > current } ?? 0
            : matches.lastIndex { position($0) < current } ?? matches.count - 1
        jump(to: matches[targetIndex], layout: layout)
        flash = "/\(query): \(targetIndex + 1) of \(matches.count)"
    }
}

/// Case- and accent-insensitive search over question id, text, hint and tags, and the
/// notes and reasons written in this assessment (a vendor named in a note is found by name).
public enum QuestionSearch {
    public static func matches(_ query: String, in catalog: Catalog, answers: [String: Answer] = [:]) -> [String] {
        let query = SearchFolding.Query(query)
        guard !query.isEmpty else { return [] }
        var result: [String] = []
        for area in catalog.areas {
            for question in area.questions {
                let answer = answers[question.id]
                let haystack = ([question.id, question.text, question.hint, answer?.note ?? "", answer?.reason ?? ""] + question.tags
                                + question.choices.map(\.text))
                    .joined(separator: " ")
                if query.matches(haystack) {
                    result.append(question.id)
                }
            }
        }
        return result
    }
}
