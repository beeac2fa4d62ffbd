import LifecycleCore

extension AppState {
    /// The single entry point for events: changes the state and returns the effects the
    /// runtime must carry out. Pure: no I/O, and the time only through `now`.
    public mutating func update(_ event: InputEvent, now: Moment) -> [Effect] {
        if case .explorer(var explorer) = mode, explorer.today != now.localDate {
            explorer.setToday(now.localDate)
            mode = .explorer(explorer)
        }
        var event = event
        if pasting, case .key(let key) = event, key != .pasteEnd {
            // A pasted Ctrl-C or q is text or nothing, never a command.
            guard let kept = pasted(key) else { return [] }
            event = .key(kept)
        }
        switch event {
        case .resize(let newWidth, let newHeight):
            width = max(0, newWidth)
            height = max(0, newHeight)
            if case .explorer(var explorer) = mode {
                explorer.clampScrolling(layout: explorer.layout(width: width, height: height))
                mode = .explorer(explorer)
            }
            return []
        case .terminate(let signal):
            return leave(status: 128 + signal, now: now.timestamp)
        case .tick:
            // Idle long enough for a tick: any paste is over, even if its end marker was lost.
            pasting = false
            return explorer == nil ? [] : [.checkDisk]
        case .key(.control("c")):
            return leave(status: 0, now: now.timestamp)
        case .key(.control("z")):
            // Save before stopping, a note being typed included: a stopped process may
            // never be resumed. The editor stays open to go on typing after `fg`.
            guard case .explorer(var explorer) = mode else { return [.suspendProcess] }
            explorer.commitOpenEditor(now: now.timestamp, keepOpen: true)
            mode = .explorer(explorer)
            return explorer.document.saveState.hasUnsavedChanges ? [.save, .suspendProcess] : [.suspendProcess]
        case .key(.pasteStart):
            pasting = true
            return []
        case .key(.pasteEnd):
            pasting = false
            return []
        case .key(let key):
            if isTooSmall {
                return key == .character("q") ? leave(status: 0, now: now.timestamp) : []
            }
            return handle(key, now: now.timestamp)
        case .mouse(let row, let column, let action):
            guard !isTooSmall, case .explorer(var explorer) = mode else { return [] }
            explorer.handleMouse(row: row, column: column, action: action, layout: explorer.layout(width: width, height: height))
            mode = .explorer(explorer)
            return []
        }
    }

    /// Quitting from anywhere: a note being edited is kept, pending answers are saved.
    mutating func leave(status: Int32, now: Timestamp) -> [Effect] {
        guard case .explorer(var explorer) = mode else { return [.quit(status: status)] }
        explorer.commitOpenEditor(now: now)
        mode = .explorer(explorer)
        return explorer.document.saveState.hasUnsavedChanges ? [.save, .quit(status: status)] : [.quit(status: status)]
    }

    private mutating func handle(_ key: Key, now: Timestamp) -> [Effect] {
        switch mode {
        case .start(var start):
            let effects = start.handle(key, catalog: catalog)
            mode = .start(start)
            return effects
        case .explorer(var explorer):
            let layout = explorer.layout(width: width, height: height)
            let effects = explorer.handle(key, layout: layout, now: now)
            if explorer.listOnly != layout.listOnly {
                // The key showed or hid the detail pane: keep the cursor in view.
                explorer.clampScrolling(layout: explorer.layout(width: width, height: height))
            }
            mode = .explorer(explorer)
            return effects.map { $0 == .closeExplorer ? (cameFromStartScreen ? .refreshWorkspace : .quit(status: 0)) : $0 }
        }
    }

    /// Switches to the explorer on a freshly opened document.
    /// `today`: the day due dates are judged by until the next event brings the clock.
    public mutating func showExplorer(_ document: OpenDocument, fromStartScreen: Bool, today: CalendarDate? = nil) {
        var explorer = ExplorerState(catalog: catalog, document: document)
        if let today { explorer.setToday(today) }
        explorer.asciiOnly = asciiOnly
        mode = .explorer(explorer)
        cameFromStartScreen = fromStartScreen
    }

    public mutating func showStartScreen(_ start: StartScreenState) {
        mode = .start(start)
    }
}
