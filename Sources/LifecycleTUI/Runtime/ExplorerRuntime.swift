import FoundationEssentials
import Glibc
import LifecycleContent
import LifecycleCore

/// Runs the explorer: feeds events to `AppState.update`, carries out the effects it asks
/// for (saving, loading, the external editor), reports each result back through
/// `AppState.receive`, and draws each new frame. It decides nothing about what a result
/// means: that is `update`'s job.
public final class ExplorerRuntime {
    public private(set) var state: AppState
    let store: AssessmentStore
    let workspace: Workspace
    let backend: TerminalBackend
    /// The file's `stat` identity when its bytes last matched what we hold (see checkDisk).
    private var lastUnchangedIdentity: FileIdentity?
    /// The time for `update`: the system clock, or a fixed one in tests.
    let clock: () -> Moment
    /// Messages to print after the terminal is restored (e.g. where a rescue copy went).
    public private(set) var exitMessages: [String] = []
    private var lastDiskCheck = Date.distantPast
    /// How often to look for changes made to the open file by someone else.
    public var diskCheckInterval: TimeInterval = 2

    public init(state: AppState, store: AssessmentStore, workspace: Workspace, backend: TerminalBackend,
                clock: @escaping () -> Moment = Moment.current) {
        self.state = state
        self.store = store
        self.workspace = workspace
        self.backend = backend
        self.clock = clock
    }

    /// The event loop. Returns the process exit status.
    public func run() -> Int32 {
        backend.draw(state.render())
        while true {
            var event = backend.nextEvent(timeoutMilliseconds: 500) ?? periodicTick()
            guard event != nil else { continue }
            // Keys already waiting (a paste) are all applied before the next frame: a
            // paste of thousands of characters draws once, not once per character.
            while let current = event {
                if let status = apply(current) { return status }
                event = backend.nextEvent(timeoutMilliseconds: 0)
            }
            backend.draw(state.render())
        }
    }

    /// Applies one event and its effects and draws the frame; returns an exit status when
    /// the program should end.
    public func handle(_ event: InputEvent) -> Int32? {
        if let status = apply(event) { return status }
        backend.draw(state.render())
        return nil
    }

    private func apply(_ event: InputEvent) -> Int32? {
        perform(state.update(event, now: clock()))
    }

    private func periodicTick() -> InputEvent? {
        guard Date().timeIntervalSince(lastDiskCheck) >= diskCheckInterval else { return nil }
        lastDiskCheck = Date()
        return .tick
    }

    // MARK: Effects

    /// Carries out effects in order; a result reported back may ask for more, which run
    /// before the rest.
    func perform(_ effects: [Effect]) -> Int32? {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            if case .quit(let status) = effect { return finish(status: status) }
            guard let report = carryOut(effect) else { continue }
            let more = state.receive(report, now: clock())
            queue = more[...] + queue
        }
        return nil
    }

    private func carryOut(_ effect: Effect) -> RuntimeReport? {
        switch effect {
        case .save: return save()
        case .quit, .closeExplorer: return nil  // quit is handled by perform; closeExplorer is mapped by AppState
        case .editNoteExternally(let questionID, let text): return editExternally(questionID: questionID, text: text)
        case .openAssessment(let path): return open(path: path, isDemo: false)
        case .createAssessment(let path, let name, let maturity, let packs): return create(path: path, name: name, maturity: maturity, packs: packs)
        case .listPacks:
            let library = PackLibrary(catalog: state.catalog, workspace: workspace, assessmentPath: state.explorer?.document.path)
            return .packsListed(library.packs.map { PackChoice($0.pack) })
        case .changePacks(let ids): return changePacks(to: ids)
        case .openDemo: return openDemo()
        case .reloadFromDisk: return reload()
        case .saveCopy(let path): return saveCopy(to: path)
        case .refreshWorkspace: return .workspaceListed(ExplorerRuntime.scanWorkspace(workspace, store: store))
        case .checkDisk: return checkDisk()
        case .suspendProcess:
            backend.suspend { kill(getpid(), SIGTSTP) }
            return nil
        case .listCompareCandidates: return compareCandidates()
        case .compareWithFile(let path):
            do {
                return .comparisonLoaded(try store.load(path))
            } catch {
                return .comparisonFailed(message: error.description)
            }
        case .openEvidence(let evidence):
            guard let path = state.explorer?.document.path else { return nil }
            return .evidenceOpened(message: EvidenceLauncher.open(evidence, assessmentPath: path))
        }
    }

    /// Leaving: answers that could not be saved where they belong go to a rescue copy,
    /// and the exit status says so (never 0 then).
    private func finish(status: Int32) -> Int32 {
        guard let explorer = state.explorer, explorer.document.saveState.hasUnsavedChanges else { return status }
        writeRescueCopy(explorer)
        return status == 0 ? 1 : status
    }

    private func save() -> RuntimeReport? {
        guard let document = state.explorer?.document else { return nil }
        guard let fingerprint = document.fingerprint else {
            return .saveFinished(.failed(.removedFromDisk(path: document.path)))
        }
        let outcome = store.saveMerging(document.assessment, base: document.base, to: document.path, replacing: fingerprint)
        if case .written = outcome { lastUnchangedIdentity = nil }
        return .saveFinished(outcome)
    }

    /// Last resort when leaving with answers that could not be saved (disk full, a
    /// conflict left open): write them beside the backups, else in the temporary folder or
    /// the home folder, and say where.
    private func writeRescueCopy(_ explorer: ExplorerState) {
        let environment = ProcessInfo.processInfo.environment
        let folders = [
            (store.backups ?? BackupLocation.fromEnvironment())?.directory,
            environment["TMPDIR"] ?? "/tmp",
            environment["HOME"],
        ].compactMap { $0 }
        let path = TerminalSafeText.escaped(explorer.document.path)
        switch RescueCopy.write(explorer.document.assessment.canonicalBytes(), for: explorer.document.path,
                                at: clock().timestamp, into: folders) {
        case .success(let rescue):
            exitMessages.append("lifecycle: error: \(path) was not saved; your answers were written to \(TerminalSafeText.escaped(rescue))")
        case .failure(let failure):
            exitMessages.append("lifecycle: error: \(path) was not saved and no rescue copy could be written: "
                                + failure.reasons.joined(separator: "; "))
        }
    }

    private func compareCandidates() -> RuntimeReport? {
        guard let path = state.explorer?.document.path else { return nil }
        let current = FileIdentity(path: path)
        let entries = ExplorerRuntime.scanWorkspace(workspace, store: store).entries.filter { entry in
            guard let current, let other = FileIdentity(path: entry.path) else { return true }
            return !other.isSameFile(as: current)
        }
        return .compareCandidates(entries)
    }

    /// Reports only what changed: nothing when the file still holds what we last saw.
    private func checkDisk() -> RuntimeReport? {
        guard let document = state.explorer?.document, let fingerprint = document.fingerprint else { return nil }
        if case .conflict = document.saveState { return nil }
        // stat first: re-reading a 3 MB file every two seconds only to find it
        // unchanged is wasted work (and slow on network file systems).
        let identity = FileIdentity(path: document.path)
        if let identity, identity == lastUnchangedIdentity { return nil }
        guard let bytes = try? SafeFileReader.read(document.path) else {
            return FileManager.default.fileExists(atPath: document.path) ? nil : .diskChecked(.removed)
        }
        guard FileFingerprint(bytes: bytes) != fingerprint else {
            lastUnchangedIdentity = identity
            return nil
        }
        do {
            return .diskChecked(.changed(try store.load(document.path)))
        } catch {
            return .diskChecked(.unreadable(message: error.description))
        }
    }

    private func reload() -> RuntimeReport? {
        guard let path = state.explorer?.document.path else { return nil }
        do {
            return .reloaded(try store.load(path))
        } catch {
            return .reloadFailed(message: error.description)
        }
    }

    private func saveCopy(to path: String) -> RuntimeReport? {
        guard let assessment = state.explorer?.document.assessment else { return nil }
        do {
            let saved = try store.create(assessment, at: path)
            return .copySaved(path: path, fingerprint: saved.fingerprint)
        } catch {
            return .copyFailed(message: error.description)
        }
    }

    private func open(path: String, isDemo: Bool) -> RuntimeReport {
        do {
            let loaded = try store.load(path)
            return .opened(loaded, isDemo: isDemo, review: Self.review(of: loaded, book: state.catalog))
        } catch {
            return .openFailed(message: error.description)
        }
    }

    /// The packs a file reviews, when it names any (reading pack files is I/O: done here,
    /// reported to `update`).
    public static func review(of loaded: LoadedAssessment, book: Catalog) -> ComposedReview? {
        loaded.assessment.packs.isEmpty && loaded.assessment.catalog.version == book.version ? nil
            : PackComposition.review(of: loaded.assessment, at: loaded.path, book: book, workspace: Workspace.fromEnvironment())
    }

    private func create(path: String, name: String, maturity: String?, packs: [String]) -> RuntimeReport {
        do {
            try workspace.ensureExists()
            var assessment = Assessment(name: name, maturity: maturity, catalog: state.catalog.reference, created: clock().timestamp)
            if !packs.isEmpty, packs != [PackLibrary.fundamentalsID] {
                let library = PackLibrary(catalog: state.catalog, workspace: workspace, assessmentPath: path)
                assessment.packs = packs.compactMap { library.pack(id: $0).map { PackReference($0.pack) } }
            }
            let loaded = try store.create(assessment, at: path)
            return .opened(loaded, isDemo: false, review: Self.review(of: loaded, book: state.catalog))
        } catch {
            return .openFailed(message: error.description)
        }
    }

    /// Finds the packs (I/O) and composes the review they make; `update` decides the rest.
    private func changePacks(to ids: [String]) -> RuntimeReport {
        guard let document = state.explorer?.document else { return .packsChangeFailed(message: "no assessment is open") }
        let library = PackLibrary(catalog: state.catalog, workspace: workspace, assessmentPath: document.path)
        var references: [PackReference] = []
        for id in ids {
            // A pack already reviewed keeps the version the file recorded, found or not.
            if let recorded = document.assessment.packs.first(where: { $0.id == id }) {
                references.append(recorded)
            } else if let found = library.pack(id: id) {
                references.append(PackReference(found.pack))
            } else {
                return .packsChangeFailed(message: "pack \(id) is no longer found (lifecycle pack list)")
            }
        }
        var changed = document.assessment
        changed.packs = references
        return .packsChanged(packs: references, review: PackComposition.compose(changed, book: state.catalog, library: library))
    }

    private func openDemo() -> RuntimeReport {
        do {
            return open(path: try DemoCopy.write(), isDemo: true)
        } catch {
            return .openFailed(message: "cannot prepare the demo: \(error)")
        }
    }

    /// The start screen's list: every assessment in the workspace, with its progress, or
    /// the reason it cannot be opened.
    public static func scanWorkspace(_ workspace: Workspace, store: AssessmentStore) -> StartScreenState {
        let packs = PackLibrary(catalog: store.catalog, workspace: workspace).packs.map { PackChoice($0.pack) }
        let entries = workspace.assessmentFiles().map { path -> WorkspaceEntry in
            let fileName = PathText.lastComponent(of: path)
            do {
                let loaded = try store.load(path)
                let progress = loaded.assessment.overallProgress(in: review(of: loaded, book: store.catalog)?.catalog ?? store.catalog)
                let change = loaded.assessment.lastChange.text.replacing("T", with: " ").replacing("Z", with: "")
                return WorkspaceEntry(path: path, name: loaded.assessment.name, progress: progress, lastChange: String(change.prefix(16)))
            } catch {
                return WorkspaceEntry(path: path, name: fileName, progress: Progress(), lastChange: "", problem: "\(error)")
            }
        }
        return StartScreenState(workspaceDirectory: workspace.directory, entries: entries, availablePacks: packs)
    }

    // MARK: External editor

    private func editExternally(questionID: String, text: String) -> RuntimeReport {
        let directory = FileManager.default.temporaryDirectory.path
        let path = directory + "/lifecycle-note-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).md"
        do {
            try AtomicFileWriter().write(Array((text.isEmpty ? "" : text + "\n").utf8), to: path)
        } catch {
            return .editorFinished(questionID: questionID, text: nil, status: -1)
        }
        defer { unlink(path) }
        var status: Int32 = -1
        backend.suspend {
            status = ExplorerRuntime.runEditor(on: path)
        }
        guard status == 0, let data = FileManager.default.contents(atPath: path) else {
            return .editorFinished(questionID: questionID, text: nil, status: status)
        }
        return .editorFinished(questionID: questionID, text: String(decoding: data, as: UTF8.self), status: status)
    }

    /// Runs $VISUAL, else $EDITOR, else vi, through the shell so commands with arguments
    /// (`code -w`, `emacs -nw`) work.
    static func runEditor(on path: String) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        return ShellCommand.run(editor + " \"$1\"", name: "lifecycle-editor", arguments: [path])
    }
}
