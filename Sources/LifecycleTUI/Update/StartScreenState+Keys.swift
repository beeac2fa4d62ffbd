import LifecycleCore

extension StartScreenState {
    mutating func handle(_ key: Key, catalog: Catalog) -> [Effect] {
        flash = nil
        switch prompt {
        case .name(var buffer):
            switch KeyBindings.action(for: key, in: .prompt) {
            case .close:
                prompt = nil
            case .confirm:
                let name = buffer.text.trimmingWhitespace()
                let existing = entries.first { PathText.lastComponent(of: $0.path) == Workspace.fileName(forName: name) }
                if name.isEmpty {
                    flash = "The system needs a name"
                } else if let existing {
                    // As the command line does: one name, one file, never a silent "-2".
                    flash = "\(Workspace.fileName(forName: name)) already exists (\(existing.name)): open it, or choose another name"
                } else {
                    prompt = .maturity(name: name, selected: catalog.maturityStages.count)
                }
            default:
                _ = buffer.handle(key)
                prompt = .name(buffer)
            }
            return []
        case .maturity(let name, let selected):
            let count = catalog.maturityStages.count + 1  // + "not recorded"
            switch KeyBindings.action(for: key, in: .choicePrompt) {
            case .close: prompt = .name(TextBuffer(name, allowsNewlines: false))
            case .moveDown: prompt = .maturity(name: name, selected: min(count - 1, selected + 1))
            case .moveUp: prompt = .maturity(name: name, selected: max(0, selected - 1))
            case .confirm:
                let maturity = catalog.maturityStages.indices.contains(selected) ? catalog.maturityStages[selected].id : nil
                guard availablePacks.count > 1 else {
                    prompt = nil
                    return [.createAssessment(path: newFilePath(forName: name), name: name, maturity: maturity)]
                }
                prompt = .packs(name: name, maturity: maturity,
                                list: PackListState(choices: availablePacks, selected: [PackLibrary.fundamentalsID]))
            default: break
            }
            return []
        case .packs(let name, let maturity, var list):
            switch KeyBindings.action(for: key, in: .packPrompt) {
            case .close:
                let index = maturity.flatMap { id in catalog.maturityStages.firstIndex { $0.id == id } } ?? catalog.maturityStages.count
                prompt = .maturity(name: name, selected: index)
                return []
            case .moveDown: list.cursor = min(list.choices.count - 1, list.cursor + 1)
            case .moveUp: list.cursor = max(0, list.cursor - 1)
            case .tick: list.toggle()
            case .confirm:
                prompt = nil
                return [.createAssessment(path: newFilePath(forName: name), name: name, maturity: maturity, packs: list.orderedSelection)]
            default: break
            }
            prompt = .packs(name: name, maturity: maturity, list: list)
            return []
        case nil:
            break
        }
        if let scroll = helpScroll {
            switch KeyBindings.action(for: key, in: .explorer) {
            case .moveDown: helpScroll = scroll + 1
            case .moveUp: helpScroll = max(0, scroll - 1)
            default: helpScroll = nil
            }
            return []
        }
        switch KeyBindings.action(for: key, in: .start) {
        case .moveDown: cursor = min(rowCount - 1, cursor + 1)
        case .moveUp: cursor = max(0, cursor - 1)
        case .first: cursor = 0
        case .last: cursor = rowCount - 1
        case .startNew: prompt = .name(TextBuffer(allowsNewlines: false))
        case .startDemo: return [.openDemo]
        case .help: helpScroll = 0
        case .startCompare:
            guard cursor >= StartScreenState.fixedRows else { flash = "choose an assessment to compare first"; return [] }
            let entry = entries[cursor - StartScreenState.fixedRows]
            if let problem = entry.problem { flash = problem; return [] }
            return [.openAssessment(path: entry.path), .listCompareCandidates]
        case .close: return [.quit(status: 0)]
        case .startOpen:
            if cursor == 0 { prompt = .name(TextBuffer(allowsNewlines: false)); return [] }
            if cursor == 1 { return [.openDemo] }
            let entry = entries[cursor - StartScreenState.fixedRows]
            if let problem = entry.problem {
                flash = problem
                return []
            }
            return [.openAssessment(path: entry.path)]
        default:
            break
        }
        return []
    }
}

extension StartScreenState {
    /// `payments-platform.json`, or `payments-platform-2.json` when a workspace file
    /// already has that name (the store still refuses to replace one made meanwhile).
    func newFilePath(forName name: String) -> String {
        let workspace = Workspace(directory: workspaceDirectory)
        let taken = Set(entries.map(\.path))
        let first = workspace.path(forName: name)
        var path = first
        var counter = 2
        while taken.contains(path) {
            path = String(first.dropLast(5)) + "-\(counter).json"
            counter += 1
        }
        return path
    }
}
