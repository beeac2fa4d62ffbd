import LifecycleCore

extension AppState {
    /// The results of effects, fed back by the runtime. Like `update`, pure: every
    /// decision about what a result means (merge or ask, reload or keep, where to go
    /// next) is made here, so it is tested without files.
    public mutating func receive(_ report: RuntimeReport, now: Moment) -> [Effect] {
        switch report {
        case .opened(let loaded, let isDemo, let review):
            var document = OpenDocument(loaded: loaded, isDemo: isDemo, review: review)
            // Made with an older pack version: read with its moved questions applied (a
            // milestone keeps the old answers); the first save writes the upgrade.
            if let review, PackUpgrade.isNeeded(review) {
                document.assessment = PackUpgrade.upgrade(loaded.assessment, review: review, at: now.timestamp).0
            }
            showExplorer(document, fromStartScreen: startScreen != nil || cameFromStartScreen, today: now.localDate)
        case .openFailed(let message), .packsChangeFailed(let message):
            setFlash(message)
        case .packsListed(let choices):
            guard case .explorer(var explorer) = mode else { return [] }
            explorer.overlay = .packPicker(PackListState(choices: choices, selected: explorer.assessment.packIDs.filter { id in choices.contains { $0.id == id } }))
            mode = .explorer(explorer)
        case .packsChanged(let packs, let review):
            guard var document = explorer?.document else { return [] }
            // The book's pack alone is recorded as no packs: a version-1 file again.
            document.assessment.packs = packs.map(\.id) == [PackLibrary.fundamentalsID] ? [] : packs
            document.review = review
            document.saveState = .pending
            let cameFromStart = cameFromStartScreen
            showExplorer(document, fromStartScreen: cameFromStart, today: now.localDate)
            setFlash("now reviewing \(document.assessment.packIDs.joined(separator: ", ")); answers to any other pack are kept")
            return [.save]
        case .workspaceListed(let start):
            showStartScreen(start)
            cameFromStartScreen = false
        default:
            guard case .explorer(var explorer) = mode else { return [] }
            let effects = explorer.receive(report, now: now)
            // A reload or merge can shorten the list under the cursor: keep it in view.
            explorer.clampScrolling(layout: explorer.layout(width: width, height: height))
            mode = .explorer(explorer)
            return effects
        }
        return []
    }

    private mutating func setFlash(_ message: String) {
        switch mode {
        case .start(var start):
            start.flash = message
            mode = .start(start)
        case .explorer(var explorer):
            explorer.flash = message
            mode = .explorer(explorer)
        }
    }
}

extension ExplorerState {
    mutating func receive(_ report: RuntimeReport, now: Moment) -> [Effect] {
        switch report {
        case .saveFinished(let outcome):
            return saveFinished(outcome, now: now)
        case .diskChecked(let check):
            return diskChanged(check)
        case .reloaded(let loaded):
            replaceDocument(OpenDocument(loaded: loaded, isDemo: document.isDemo, review: document.review))
            pendingConflict = nil
            flash = "reloaded from disk"
        case .reloadFailed(let message):
            flash = "cannot reload: \(message)"
            overlay = .conflict
        case .copySaved(let path, let fingerprint):
            document.path = path
            document.fingerprint = fingerprint
            document.base = document.assessment
            document.saveState = .saved(at: now.localTime)
            pendingConflict = nil
            flash = "saved as \(path); continuing there"
        case .copyFailed(let message):
            flash = message
            overlay = .saveCopyPrompt(buffer: TextBuffer(ExplorerState.copyPath(for: document.path), allowsNewlines: false))
        case .compareCandidates(let entries):
            // The runtime has already left out the open file itself.
            var choices: [ComparePickerState.Choice] = assessment.milestones.reversed().map { .milestone(label: $0.label) }
            for entry in entries where entry.problem == nil {
                choices.append(.file(path: entry.path, name: entry.name))
            }
            if choices.isEmpty {
                flash = "nothing to compare with yet: m freezes a milestone"
            } else {
                overlay = .comparePicker(ComparePickerState(choices: choices))
            }
        case .comparisonLoaded(let other):
            let diff = AssessmentDiff(left: DiffSide(label: other.assessment.name, assessment: other.assessment),
                                      right: DiffSide(label: assessment.name, assessment: assessment), catalog: catalog)
            overlay = .diffView(DiffViewState(diff: diff))
        case .comparisonFailed(let message), .evidenceOpened(let message):
            flash = message
        case .editorFinished(let questionID, let text, let status):
            guard let text else {
                flash = "the editor exited with status \(status); the note is unchanged"
                return []
            }
            return applyExternalEdit(text, for: questionID, now: now.timestamp)
        case .opened, .openFailed, .workspaceListed, .packsListed, .packsChanged, .packsChangeFailed:
            break
        }
        return []
    }

    private mutating func saveFinished(_ outcome: MergingSaveOutcome, now: Moment) -> [Effect] {
        switch outcome {
        case .written(let receipt, let onDisk, let merged):
            document.fingerprint = receipt.fingerprint
            document.base = onDisk
            if merged {
                replaceAssessment(onDisk)
                flash = "saved, with another writer's changes to other questions merged in"
            }
            if let warning = receipt.warnings.first { flash = warning }
            document.saveState = .saved(at: now.localTime)
        case .conflict(let theirs, let questionIDs):
            pendingConflict = PendingConflict(theirs: theirs, questionIDs: questionIDs)
            document.saveState = .conflict(message: document.path)
            overlay = .conflict
        case .failed(let problem):
            switch problem {
            case .removedFromDisk:
                pendingConflict = nil
                document.saveState = .conflict(message: document.path)
                overlay = .conflict
            default:
                document.saveState = .failed(message: problem.description)
            }
        }
        return []
    }

    /// Someone else saved the file. With nothing unsaved here, their version is simply
    /// taken; with unsaved answers, the two are merged and only a real conflict asks.
    private mutating func diskChanged(_ check: DiskCheck) -> [Effect] {
        switch check {
        case .removed:
            flash = "the file was removed or moved; your next change will ask what to do"
        case .unreadable(let message):
            flash = "the file on disk changed and cannot be read: \(message)"
        case .changed(let theirs):
            guard document.saveState.hasUnsavedChanges else {
                var fresh = OpenDocument(loaded: theirs, isDemo: document.isDemo, review: document.review)
                fresh.saveState = .clean
                replaceDocument(fresh)
                flash = "reloaded: the file was changed on disk by someone else"
                return []
            }
            let result = ConcurrentEditMerge.merge(base: document.base, ours: document.assessment, theirs: theirs.assessment)
            guard result.conflictingQuestionIDs.isEmpty else {
                pendingConflict = PendingConflict(theirs: theirs, questionIDs: result.conflictingQuestionIDs)
                document.saveState = .conflict(message: document.path)
                overlay = .conflict
                return []
            }
            document.base = theirs.assessment
            document.fingerprint = theirs.fingerprint
            replaceAssessment(result.merged)
            flash = "merged another writer's changes to other questions"
            return [.save]
        }
        return []
    }
}
