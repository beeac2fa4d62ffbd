import LifecycleCore

/// Everything the explorer screen shows. Changed only by `update`, drawn only by `render`.
public struct ExplorerState: Sendable {
    /// Where the panes go in a window of this size, with this state's choices.
    public func layout(width: Int, height: Int) -> ExplorerLayout {
        ExplorerLayout(width: width, height: height, listOnly: listOnly)
    }

    public let catalog: Catalog
    /// Each pack's areas, and whether packs beyond the book's are reviewed: fixed for the
    /// catalog, so worked out once here rather than on every frame.
    public let packRanges: [(id: String, range: Range<Int>)]
    public let reviewsOtherPacks: Bool
    public var document: OpenDocument
    public var focus: Pane = .questions {
        didSet {
            // The detail pane follows the sidebar or the list, and keeps its subject when
            // it receives the focus itself (so the area's guidance can be scrolled too).
            if focus == .sidebar && oldValue != .sidebar { detailShowsArea = true; detailScroll = 0 }
            if focus == .questions && oldValue != .questions { detailShowsArea = false; detailScroll = 0 }
        }
    }
    /// Whether the detail pane shows the area's guidance rather than the question.
    public private(set) var detailShowsArea = false
    /// The area highlighted in the sidebar.
    public var areaIndex = 0
    public var source: ListSource = .area(0)
    public var filter: QuestionFilter = .all
    /// The ids the question list shows (source + filter), rebuilt only when those change.
    public private(set) var listedQuestionIDs: [String] = []
    public var questionCursor = 0
    public var questionScroll = 0
    public var detailScroll = 0
    /// The list without the detail pane (the `z` key; see `ExplorerLayout`).
    public var listOnly = false {
        didSet { if listOnly && focus == .detail { focus = .questions } }
    }
    public var overlay: Overlay?
    /// A one-off message for the footer ("no match", "note saved"), cleared by the next key.
    public var flash: String?
    public var lastSearch: String?
    /// Answered/gap counts per area, updated when an answer changes rather than on every
    /// frame, so a keystroke costs the same with 100 or 10,000 questions.
    public private(set) var areaProgress: [Progress]
    public private(set) var overallProgress: Progress
    /// The day due dates are judged by, from the runtime's clock with every event.
    public private(set) var today: CalendarDate = CalendarDate(year: 1970, month: 1, day: 1)!
    /// Open findings due before `today`, for the header.
    public private(set) var overdueCount = 0
    /// Plain ASCII marks for terminals without UTF-8.
    public var asciiOnly = false
    /// Another writer's version that changed some of the same answers as ours, while the
    /// conflict dialog asks whose to keep.
    public var pendingConflict: PendingConflict?
    /// Where the heat map was last left, so `o` and Esc from a cell's list return there.
    public var lastOverview: OverviewState?
    /// The question the cursor was on when a heat-map cell's list replaced the area's.
    public var questionBeforeCell: String?
    /// Answer changes that `U` undoes and Ctrl-R redoes, most recent last.
    public var undoStack: [AnswerChange] = []
    public var redoStack: [AnswerChange] = []

    public init(catalog: Catalog, document: OpenDocument) {
        self.catalog = document.review?.catalog ?? catalog
        let catalog = self.catalog
        packRanges = SidebarRows.packRanges(catalog)
        reviewsOtherPacks = packRanges.contains { $0.id != PackLibrary.fundamentalsID }
        self.document = document
        areaProgress = catalog.areas.map { document.assessment.progress(of: $0) }
        overallProgress = areaProgress.reduce(Progress(), +)
        openOnFirstUnanswered()  // selects an area, which builds the list
        // Said here as well as on stderr: the explorer covers the terminal at once, so a
        // warning printed before it is only seen after quitting.
        let unknown = document.assessment.unknownQuestionIDs(in: catalog).count
        if unknown > 0 {
            flash = "\(unknown) answer\(unknown == 1 ? "" : "s") for questions not in this catalog: kept as they are"
        }
        if let missing = document.review?.missing.first {
            let count = document.assessment.answers.keys.count { PackKey.pack(of: $0) == missing.id }
            flash = "pack \(missing.id) \(missing.version) is not found: its \(count) answer\(count == 1 ? " is" : "s are") kept (lifecycle pack list)"
        }
        let conflicted = document.assessment.answers.values.filter { ThreeWayMerge.hasConflictMarkers($0.note) }.count
        if conflicted > 0 {
            flash = "\(conflicted) note\(conflicted == 1 ? " holds" : "s hold") merge conflict markers: / <<< finds \(conflicted == 1 ? "it" : "them")"
        }
    }

    // MARK: Reading

    public var assessment: Assessment { document.assessment }

    public var currentArea: CatalogArea { catalog.areas[areaIndex] }

    public var currentQuestionID: String? {
        listedQuestionIDs.indices.contains(questionCursor) ? listedQuestionIDs[questionCursor] : nil
    }

    public var currentQuestion: Question? {
        currentQuestionID.flatMap { catalog.question(id: $0) }
    }

    public var listTitle: String {
        switch source {
        case .area(let index):
            return catalog.areas[index].title
        case .cell(let stage, let undercurrent):
            let stageTitle = catalog.area(id: stage)?.title ?? stage
            let undercurrentTitle = catalog.area(id: undercurrent)?.title ?? undercurrent
            return "\(stageTitle) × \(undercurrentTitle)"
        }
    }

    // MARK: Changing

    /// Recomputes the listed ids after the source or filter changed, keeping the cursor on
    /// the same question when it is still listed.
    public mutating func rebuildList(keeping keptID: String? = nil) {
        let candidates: [String]
        switch source {
        case .area(let index): candidates = catalog.areas[index].questions.map(\.id)
        case .cell(let stage, let undercurrent): candidates = catalog.cell(stage: stage, undercurrent: undercurrent)?.questionIDs ?? []
        }
        listedQuestionIDs = filter == .all ? candidates
            : candidates.filter { filter.matches(document.assessment.answer(for: $0), of: catalog.question(id: $0), today: today) }
        if let keptID, let index = listedQuestionIDs.firstIndex(of: keptID) {
            questionCursor = index
        } else {
            questionCursor = min(questionCursor, max(0, listedQuestionIDs.count - 1))
        }
        // The first row shown can never be below the cursor.
        questionScroll = min(questionScroll, questionCursor)
        detailScroll = 0
    }

    public mutating func selectArea(_ index: Int) {
        guard catalog.areas.indices.contains(index) else { return }
        areaIndex = index
        source = .area(index)
        questionCursor = 0
        questionScroll = 0
        rebuildList()
    }

    /// Opens on the first unanswered question of the first stage that has one.
    mutating func openOnFirstUnanswered() {
        for (index, area) in catalog.areas.enumerated() {
            if let position = area.questions.firstIndex(where: { document.assessment.status(of: $0.id) == .unanswered }) {
                selectArea(index)
                questionCursor = position
                focus = .questions
                return
            }
        }
        selectArea(0)
    }

    /// Changes one answer and refreshes the counts of the areas it belongs to. The change
    /// can be undone unless it is itself an undo or redo.
    public mutating func setAnswer(_ answer: Answer, for questionID: String, at time: Timestamp, recordingUndo: Bool = true) {
        if recordingUndo {
            undoStack.append(AnswerChange(questionID: questionID, before: document.assessment.answer(for: questionID), after: answer))
            if undoStack.count > AnswerChange.historyLimit { undoStack.removeFirst() }
            redoStack.removeAll()
        }
        let old = document.assessment.answer(for: questionID), oldStatus = old.status
        document.assessment.setAnswer(answer, for: questionID, at: time)
        document.saveState = .pending
        overdueCount += (isOverdueFinding(answer) ? 1 : 0) - (isOverdueFinding(old) ? 1 : 0)
        if old.isExcluded || answer.isExcluded {
            // An excluded answer is in no count: moving it between statuses is not enough.
            recount()
        } else if let location = catalog.location(ofQuestion: questionID) {
            areaProgress[location.areaIndex].move(from: oldStatus, to: answer.status)
            overallProgress.move(from: oldStatus, to: answer.status)
        }
    }

    /// Replaces the whole assessment (after a reload from disk).
    public mutating func replaceDocument(_ newDocument: OpenDocument) {
        document = newDocument
        recount()
    }

    /// Replaces the answers in memory (after a merge), keeping the place in the list.
    public mutating func replaceAssessment(_ assessment: Assessment) {
        document.assessment = assessment
        recount()
    }

    private mutating func recount() {
        let keptID = currentQuestionID
        areaProgress = catalog.areas.map { document.assessment.progress(of: $0) }
        overallProgress = areaProgress.reduce(Progress(), +)
        countOverdue()
        rebuildList(keeping: keptID)
    }

    /// A new day: findings due yesterday are overdue now.
    public mutating func setToday(_ day: CalendarDate) {
        guard day != today else { return }
        today = day
        countOverdue()
        if filter == .overdue { rebuildList(keeping: currentQuestionID) }
    }

    private mutating func countOverdue() {
        overdueCount = document.assessment.answers.values.reduce(0) { $0 + (isOverdueFinding($1) ? 1 : 0) }
    }

    private func isOverdueFinding(_ answer: Answer) -> Bool {
        answer.due != nil && QuestionFilter.isOpen(answer) && ImprovementPlan.isOverdue(answer, today: today)
    }
}

/// Someone else's saved version that conflicts with ours on `questionIDs`.
public struct PendingConflict: Sendable {
    public var theirs: LoadedAssessment
    public var questionIDs: [String]
}

/// One answer before and after a change, for undo and redo.
public struct AnswerChange: Equatable, Sendable {
    public var questionID: String
    public var before: Answer
    public var after: Answer

    static let historyLimit = 500
}
