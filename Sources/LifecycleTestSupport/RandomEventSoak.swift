import LifecycleContent
import LifecycleCore
import LifecycleTUI

/// Drives the pure core (update, receive, render) with random events and checks, after
/// every one, what must always hold: the cursor and scroll positions are in range, the
/// frame is fully and validly written, and answers change only through a key that
/// answers. Effects are answered by an in-memory stand-in for the runtime, which also
/// plays another writer now and then, so the merge and conflict paths are exercised too.
public struct RandomEventSoak {
    public struct Failure: Error, CustomStringConvertible {
        public var seed: UInt64
        public var eventNumber: Int
        public var event: String
        public var problem: String
        /// The frame after the event, as text, to see what went wrong.
        public var frame: String
        public var description: String {
            "seed \(seed), event \(eventNumber) (\(event)): \(problem) — replay with this seed"
        }
    }

    public let catalog: Catalog
    let sample: Assessment

    public init() throws {
        catalog = try CatalogLoader.builtInCatalog()
        let text = EmbeddedResources.text("assets/sample-assessment.json") ?? ""
        var problems: [ValidationProblem] = []
        let document = try JSONParser.parse(Array(text.utf8))
        sample = Assessment.decode(document, knownMaturityStages: catalog.maturityStages.map(\.id), problems: &problems)
            ?? Assessment(name: "Sample", catalog: catalog.reference)
    }

    /// Runs `count` events from `seed`; returns how many effects were carried out.
    @discardableResult
    public func run(seed: UInt64, count: Int) throws(Failure) -> Int {
        var events = RandomEvents(seed: seed)
        var state = AppState(catalog: catalog, mode: .start(startScreen()), width: 80, height: 24)
        let now = Moment(timestamp: Timestamp("2026-11-27T10:00:00Z")!, localTime: "12:04:31")
        var effectsCarriedOut = 0
        for number in 0..<count {
            let event = events.next()
            let answersBefore = state.explorer?.assessment.answers
            let overlayBefore = state.explorer?.overlay
            let documentBefore = state.explorer?.document.path
            var queue = state.update(event, now: now)
            func fail(_ problem: String) -> Failure {
                Failure(seed: seed, eventNumber: number, event: String(describing: event), problem: problem,
                        frame: state.render().text)
            }
            if let answersBefore, let explorer = state.explorer, explorer.document.path == documentBefore,
               explorer.assessment.answers != answersBefore,
               !Self.mayAnswer(event, overlayBefore: overlayBefore) {
                throw fail("answers changed without an answering key")
            }
            while !queue.isEmpty {
                let effect = queue.removeFirst()
                effectsCarriedOut += 1
                if let report = respond(to: effect, state: state, generator: &events.generator) {
                    queue = state.receive(report, now: now) + queue
                }
            }
            if let problem = Self.checkPositions(state) { throw fail(problem) }
            // Inside a paste of thousands of keys the frame is checked every 100th key and
            // after the last (the runtime also draws only when no input is pending);
            // every other event is drawn and checked.
            if events.pasteRemaining == 0 || events.pasteRemaining % 100 == 0,
               let problem = Self.checkFrame(state.render(), width: state.width, height: state.height) {
                throw fail(problem)
            }
        }
        return effectsCarriedOut
    }

    /// Keys that may change an answer, given what was open when they arrived.
    static func mayAnswer(_ event: InputEvent, overlayBefore: Overlay?) -> Bool {
        switch event {
        case .terminate, .key(.control("c")), .key(.control("z")):
            return true  // an open note or reason is kept when leaving or suspending
        case .key(let key):
            switch overlayBefore {
            case .noteEditor, .reasonPrompt, .conflict: return true
            // Closing keeps the ticks; so does q when it quits a window too small to work in.
            case .checklist: return key == .escape || key == .enter || key == .character("q")
            // The plan view: priority, removing evidence, undo and redo; a plan prompt's Enter.
            case .findings: return [.character("p"), .character("x"), .character("U"), .control("r")].contains(key)
            case .planPrompt: return key == .enter
            case .some: return false
            case nil:
                return [.character(" "), .character("a"), .character("p"), .character("x"), .character("u"), .character("-"),
                        .character("U"), .control("r")].contains(key)
            }
        default:
            return false
        }
    }

    // MARK: The stand-in runtime

    func startScreen() -> StartScreenState {
        StartScreenState(workspaceDirectory: "/w", entries: [
            WorkspaceEntry(path: "/w/sample.json", name: sample.name, progress: sample.overallProgress(in: catalog), lastChange: "2026-11-27 10:00"),
            WorkspaceEntry(path: "/w/broken.json", name: "broken.json", progress: Progress(), lastChange: "", problem: "/w/broken.json:1:1: unexpected end"),
        ], availablePacks: PackLibrary.builtIn(catalog: catalog).map(PackChoice.init))
    }

    func loaded(_ assessment: Assessment, path: String) -> LoadedAssessment {
        LoadedAssessment(assessment: assessment, path: path, fingerprint: FileFingerprint(bytes: Array(path.utf8)))
    }

    func respond(to effect: Effect, state: AppState, generator: inout SeededGenerator) -> RuntimeReport? {
        let document = state.explorer?.document
        switch effect {
        case .save:
            guard let document else { return nil }
            return .saveFinished(.written(SaveReceipt(fingerprint: FileFingerprint(bytes: []), warnings: []),
                                          onDisk: document.assessment, mergedOtherChanges: false))
        case .openAssessment(let path):
            // Now and then a review of several packs, or of another pack alone: the
            // sidebar, the checklist and the book-only views must hold up there too.
            var assessment = sample
            let packs = PackLibrary.builtIn(catalog: catalog)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: return .opened(loaded(sample, path: path), isDemo: false)
            case 1: assessment.packs = packs.map(PackReference.init)
            default: assessment.packs = packs.dropFirst().map(PackReference.init)
            }
            let review = PackComposition.compose(assessment, book: catalog, library: PackLibrary(catalog: catalog, adding: []))
            return .opened(loaded(assessment, path: path), isDemo: false, review: review)
        case .openDemo: return .opened(loaded(sample, path: "/tmp/demo.json"), isDemo: true)
        case .createAssessment(let path, let name, let maturity, let packs):
            var assessment = Assessment(name: name, maturity: maturity, catalog: catalog.reference)
            let library = PackLibrary(catalog: catalog, adding: [])
            if packs != [PackLibrary.fundamentalsID] { assessment.packs = packs.compactMap { library.pack(id: $0).map { PackReference($0.pack) } } }
            let review = assessment.packs.isEmpty ? nil : PackComposition.compose(assessment, book: catalog, library: library)
            return .opened(loaded(assessment, path: path), isDemo: false, review: review)
        case .refreshWorkspace: return .workspaceListed(startScreen())
        case .listPacks: return .packsListed(PackLibrary.builtIn(catalog: catalog).map(PackChoice.init))
        case .changePacks(let ids):
            guard var assessment = document?.assessment else { return nil }
            let library = PackLibrary(catalog: catalog, adding: [])
            assessment.packs = ids.compactMap { library.pack(id: $0).map { PackReference($0.pack) } }
            return .packsChanged(packs: assessment.packs, review: PackComposition.compose(assessment, book: catalog, library: library))
        case .listCompareCandidates: return .compareCandidates(startScreen().entries)
        case .compareWithFile(let path): return .comparisonLoaded(loaded(sample, path: path))
        case .openEvidence(let evidence): return .evidenceOpened(message: "opening \(evidence.title)")
        case .editNoteExternally(let id, let text): return .editorFinished(questionID: id, text: text + " edited\n", status: 0)
        case .reloadFromDisk: return .reloaded(loaded(sample, path: document?.path ?? "/w/sample.json"))
        case .saveCopy(let path): return .copySaved(path: path, fingerprint: FileFingerprint(bytes: []))
        case .checkDisk:
            // Now and then another writer changes a question, sometimes the current one.
            guard let document, Int.random(in: 0..<3, using: &generator) == 0 else { return nil }
            var theirs = document.base
            let id = Bool.random(using: &generator) ? state.explorer?.currentQuestionID : catalog.areas.last?.questions.first?.id
            if let id { theirs.setStatus(.partial, for: id, at: Timestamp("2026-11-27T11:00:00Z")!) }
            return .diskChecked(.changed(loaded(theirs, path: document.path)))
        case .quit, .closeExplorer, .suspendProcess:
            return nil
        }
    }

    // MARK: Invariants

    public static func checkPositions(_ state: AppState) -> String? {
        switch state.mode {
        case .start(let start):
            guard start.cursor >= 0, start.cursor < max(1, start.rowCount) else { return "start cursor \(start.cursor) of \(start.rowCount)" }
        case .explorer(let explorer):
            guard explorer.catalog.areas.indices.contains(explorer.areaIndex) else { return "area index \(explorer.areaIndex)" }
            let count = explorer.listedQuestionIDs.count
            guard explorer.questionCursor >= 0, explorer.questionCursor < max(1, count) else {
                return "question cursor \(explorer.questionCursor) of \(count)"
            }
            guard explorer.questionScroll >= 0, explorer.questionScroll <= explorer.questionCursor || count == 0 else {
                return "scroll \(explorer.questionScroll) past cursor \(explorer.questionCursor)"
            }
            guard explorer.detailScroll >= 0 else { return "detail scroll \(explorer.detailScroll)" }
        }
        return nil
    }

    /// Every cell written, every wide character followed by exactly one continuation, no
    /// continuation on its own, nothing wider than two columns, no raw control character.
    public static func checkFrame(_ screen: Screen, width: Int, height: Int) -> String? {
        guard screen.width == max(0, width), screen.height == max(0, height) else {
            return "frame \(screen.width)x\(screen.height) for a \(width)x\(height) window"
        }
        for row in 0..<screen.height {
            var column = 0
            while column < screen.width {
                let cell = screen[row, column]
                guard !cell.isContinuation else { return "row \(row) column \(column): a continuation without its wide character" }
                guard !cell.text.isEmpty else { return "row \(row) column \(column): an empty cell" }
                guard cell.text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value) }) else {
                    return "row \(row) column \(column): a raw control character"
                }
                let bytes = cell.text.utf8
                if bytes.count == 1, let byte = bytes.first, byte >= 0x20, byte < 0x7F {
                    column += 1  // printable ASCII: nothing more to check
                    continue
                }
                let cellWidth = DisplayWidth.of(cell.text)
                guard cellWidth <= 2 else { return "row \(row) column \(column): \(cellWidth) columns in one cell" }
                if cellWidth == 2 {
                    guard column + 1 < screen.width, screen[row, column + 1].isContinuation else {
                        return "row \(row) column \(column): a wide character without its continuation"
                    }
                    column += 2
                } else {
                    column += 1
                }
            }
        }
        return nil
    }
}
