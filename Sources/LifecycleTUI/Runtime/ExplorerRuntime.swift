import FoundationEssentials
import Glibc
import LifecycleContent
import LifecycleCore

/// Runs the explorer: feeds events to `AppState.update`, carries out the effects it asks
/// for (saving, loading, the external editor), and draws each new frame.
public final class ExplorerRuntime {
    public private(set) var state: AppState
    let store: AssessmentStore
    let workspace: Workspace
    let backend: TerminalBackend
    /// The file's `stat` identity when its bytes last matched what we hold (see checkDisk).
    private var lastUnchangedIdentity: FileIdentity?
    /// Local wall-clock time for "saved 12:04:31".
    let clock: () -> String
    /// Messages to print after the terminal is restored (e.g. where a rescue copy went).
    public private(set) var exitMessages: [String] = []
    private var lastDiskCheck = Date.distantPast
    /// How often to look for changes made to the open file by someone else.
    public var diskCheckInterval: TimeInterval = 2

    public init(state: AppState, store: AssessmentStore, workspace: Workspace, backend: TerminalBackend,
                clock: @escaping () -> String = ExplorerRuntime.localTime) {
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
            let event = backend.nextEvent(timeoutMilliseconds: 500) ?? periodicTick()
            guard let event else { continue }
            if let status = handle(event) { return status }
        }
    }

    /// Applies one event and its effects; returns an exit status when the program should end.
    public func handle(_ event: InputEvent) -> Int32? {
        let effects = state.update(event)
        if let status = perform(effects) { return status }
        backend.draw(state.render())
        return nil
    }

    private func periodicTick() -> InputEvent? {
        guard Date().timeIntervalSince(lastDiskCheck) >= diskCheckInterval else { return nil }
        lastDiskCheck = Date()
        return .tick
    }

    // MARK: Effects

    func perform(_ effects: [Effect]) -> Int32? {
        for effect in effects {
            switch effect {
            case .save: saveNow()
            case .quit(let status):
                if let explorer = state.explorer, explorer.document.saveState.hasUnsavedChanges {
                    writeRescueCopy(explorer)
                }
                return status
            case .editNoteExternally(let questionID, let text): editExternally(questionID: questionID, text: text)
            case .openAssessment(let path): open(path: path, isDemo: false)
            case .createAssessment(let name, let maturity): create(name: name, maturity: maturity)
            case .openDemo: openDemo()
            case .reloadFromDisk: reload()
            case .saveCopy(let path): saveCopy(to: path)
            case .refreshWorkspace, .closeExplorer: showStartScreen()
            case .checkDisk: checkDisk()
            case .suspendProcess: backend.suspend { kill(getpid(), SIGTSTP) }
            case .openComparePicker: openComparePicker()
            case .compareWithFile(let path): compare(withFile: path)
            }
        }
        return nil
    }

    private func withExplorer(_ body: (inout ExplorerState) -> Void) {
        guard case .explorer(var explorer) = state.mode else { return }
        body(&explorer)
        state.mode = .explorer(explorer)
    }

    func saveNow() {
        withExplorer { explorer in
            if case .conflict = explorer.document.saveState { return }
            do {
                explorer.document.fingerprint = try store.save(explorer.document.assessment, to: explorer.document.path,
                                                               replacing: explorer.document.fingerprint)
                explorer.document.saveState = .saved(at: clock())
            } catch let problem as FileProblem {
                switch problem {
                case .changedOnDisk(let path), .removedFromDisk(let path):
                    explorer.document.saveState = .conflict(message: path)
                    explorer.overlay = .conflict
                default:
                    explorer.document.saveState = .failed(message: problem.description)
                }
            } catch {
                explorer.document.saveState = .failed(message: "\(error)")
            }
        }
    }

    /// Last resort when leaving with answers that could not be saved (disk full, file
    /// changed by someone else): write them next to the backups and say where.
    private func writeRescueCopy(_ explorer: ExplorerState) {
        let directory = (store.backups ?? BackupLocation.fromEnvironment()).directory
        let name = PathText.lastComponent(of: explorer.document.path)
        let path = directory + "/" + name + "." + Timestamp.now().text.replacing(":", with: "") + ".unsaved.json"
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        do {
            try store.writer.write(explorer.document.assessment.canonicalBytes(), to: path)
            exitMessages.append("lifecycle: your unsaved answers were written to \(path)")
        } catch {
            exitMessages.append("lifecycle: error: could not save your answers anywhere: \(error)")
        }
    }

    private func openComparePicker() {
        withExplorer { explorer in
            let current = URL(fileURLWithPath: explorer.document.path).standardizedFileURL.path
            var choices: [ComparePickerState.Choice] = explorer.assessment.milestones.reversed().map { .milestone(label: $0.label) }
            for entry in ExplorerRuntime.scanWorkspace(workspace, store: store).entries
            where entry.problem == nil && URL(fileURLWithPath: entry.path).standardizedFileURL.path != current {
                choices.append(.file(path: entry.path, name: entry.name))
            }
            if choices.isEmpty {
                explorer.flash = "nothing to compare with yet: m freezes a milestone"
            } else {
                explorer.overlay = .comparePicker(ComparePickerState(choices: choices))
            }
        }
    }

    private func compare(withFile path: String) {
        withExplorer { explorer in
            do {
                let other = try store.load(path)
                let diff = AssessmentDiff(left: DiffSide(label: other.assessment.name, assessment: other.assessment),
                                          right: DiffSide(label: explorer.assessment.name, assessment: explorer.assessment),
                                          catalog: state.catalog)
                explorer.overlay = .diffView(DiffViewState(diff: diff))
            } catch {
                explorer.flash = "\(error)"
            }
        }
    }

    private func checkDisk() {
        withExplorer { explorer in
            guard let fingerprint = explorer.document.fingerprint else { return }
            if case .conflict = explorer.document.saveState { return }
            // stat first: re-reading a 3 MB file every two seconds only to find it
            // unchanged is wasted work (and slow on network file systems).
            let identity = FileIdentity(path: explorer.document.path)
            if let identity, identity == lastUnchangedIdentity { return }
            guard let bytes = try? SafeFileReader.read(explorer.document.path) else {
                if !FileManager.default.fileExists(atPath: explorer.document.path) {
                    explorer.flash = "the file was removed or moved; your next change will ask what to do"
                }
                return
            }
            guard FileFingerprint(bytes: bytes) != fingerprint else {
                lastUnchangedIdentity = identity
                return
            }
            if explorer.document.saveState.hasUnsavedChanges {
                explorer.document.saveState = .conflict(message: explorer.document.path)
                explorer.overlay = .conflict
                return
            }
            // Nothing unsaved here: take the other writer's version.
            do {
                let loaded = try store.load(explorer.document.path)
                var document = OpenDocument(loaded: loaded, isDemo: explorer.document.isDemo)
                document.saveState = .clean
                explorer.replaceDocument(document)
                explorer.flash = "reloaded: the file was changed on disk by someone else"
            } catch {
                explorer.flash = "the file on disk changed and cannot be read: \(error)"
            }
        }
    }

    private func reload() {
        withExplorer { explorer in
            do {
                let loaded = try store.load(explorer.document.path)
                explorer.replaceDocument(OpenDocument(loaded: loaded, isDemo: explorer.document.isDemo))
                explorer.flash = "reloaded from disk"
            } catch {
                explorer.flash = "cannot reload: \(error)"
                explorer.overlay = .conflict
            }
        }
    }

    private func saveCopy(to path: String) {
        withExplorer { explorer in
            do {
                let saved = try store.create(explorer.document.assessment, at: path)
                explorer.document.path = path
                explorer.document.fingerprint = saved.fingerprint
                explorer.document.saveState = .saved(at: clock())
                explorer.flash = "saved as \(path); continuing there"
            } catch {
                explorer.flash = "\(error)"
                explorer.overlay = .saveCopyPrompt(buffer: TextBuffer(path, allowsNewlines: false))
            }
        }
    }

    private func open(path: String, isDemo: Bool) {
        do {
            let loaded = try store.load(path)
            state.showExplorer(OpenDocument(loaded: loaded, isDemo: isDemo), fromStartScreen: state.startScreen != nil || state.cameFromStartScreen)
        } catch {
            setStartFlash("\(error)")
        }
    }

    private func create(name: String, maturity: String?) {
        do {
            try workspace.ensureExists()
            var path = workspace.path(forName: name)
            var counter = 2
            while FileManager.default.fileExists(atPath: path) {
                path = String(workspace.path(forName: name).dropLast(5)) + "-\(counter).json"
                counter += 1
            }
            let assessment = Assessment(name: name, maturity: maturity, catalog: state.catalog.reference)
            let created = try store.create(assessment, at: path)
            state.showExplorer(OpenDocument(loaded: created), fromStartScreen: true)
        } catch {
            setStartFlash("\(error)")
        }
    }

    private func openDemo() {
        do {
            let path = try DemoCopy.write()
            open(path: path, isDemo: true)
        } catch {
            setStartFlash("cannot prepare the demo: \(error)")
        }
    }

    private func showStartScreen() {
        state.showStartScreen(ExplorerRuntime.scanWorkspace(workspace, store: store))
        state.cameFromStartScreen = false
    }

    /// The start screen's list: every assessment in the workspace, with its progress, or
    /// the reason it cannot be opened.
    public static func scanWorkspace(_ workspace: Workspace, store: AssessmentStore) -> StartScreenState {
        let entries = workspace.assessmentFiles().map { path -> WorkspaceEntry in
            let fileName = PathText.lastComponent(of: path)
            do {
                let loaded = try store.load(path)
                let progress = loaded.assessment.overallProgress(in: store.catalog)
                let change = loaded.assessment.lastChange.text.replacing("T", with: " ").replacing("Z", with: "")
                return WorkspaceEntry(path: path, name: loaded.assessment.name, progress: progress, lastChange: String(change.prefix(16)))
            } catch {
                return WorkspaceEntry(path: path, name: fileName, progress: Progress(), lastChange: "", problem: "\(error)")
            }
        }
        return StartScreenState(workspaceDirectory: workspace.directory, entries: entries)
    }

    private func setStartFlash(_ message: String) {
        if case .start(var start) = state.mode {
            start.flash = message
            state.mode = .start(start)
        } else {
            withExplorer { $0.flash = message }
        }
    }

    // MARK: External editor

    private func editExternally(questionID: String, text: String) {
        let directory = FileManager.default.temporaryDirectory.path
        let path = directory + "/lifecycle-note-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).md"
        do {
            try AtomicFileWriter().write(Array((text.isEmpty ? "" : text + "\n").utf8), to: path)
        } catch {
            withExplorer { $0.flash = "\(error)" }
            return
        }
        defer { unlink(path) }
        var status: Int32 = -1
        backend.suspend {
            status = ExplorerRuntime.runEditor(on: path)
        }
        guard status == 0, let data = FileManager.default.contents(atPath: path) else {
            withExplorer { $0.flash = "the editor exited with status \(status); the note is unchanged" }
            return
        }
        let edited = String(decoding: data, as: UTF8.self)
        var effects: [Effect] = []
        withExplorer { effects = $0.applyExternalEdit(edited, for: questionID) }
        _ = perform(effects)
    }

    /// Runs $VISUAL, else $EDITOR, else vi, through the shell so commands with arguments
    /// (`code -w`, `emacs -nw`) work.
    static func runEditor(on path: String) -> Int32 {
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        return ShellCommand.run(editor + " \"$1\"", name: "lifecycle-editor", arguments: [path])
    }

    public static func localTime() -> String {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        return String(Int(parts.tm_hour), zeroPaddedTo: 2) + ":" + String(Int(parts.tm_min), zeroPaddedTo: 2)
            + ":" + String(Int(parts.tm_sec), zeroPaddedTo: 2)
    }
}
