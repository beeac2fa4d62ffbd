import LifecycleCore

/// Pasted text (between the terminal's bracketed-paste markers) goes only where text is
/// typed: a line break in a one-line prompt is a space, not Enter, and a paste that
/// lands on the list is dropped, so no pasted letter runs as a command.
extension AppState {
    enum TextTarget { case oneLine, severalLines }

    /// Where typed text goes now, if anywhere.
    var textTarget: TextTarget? {
        switch mode {
        case .start(let start):
            if case .name = start.prompt { return .oneLine }
            return nil
        case .explorer(let explorer):
            switch explorer.overlay {
            case .noteEditor: return .severalLines
            case .search, .reasonPrompt, .saveCopyPrompt, .milestonePrompt, .planPrompt, .ownerFilterPrompt: return .oneLine
            default: return nil
            }
        }
    }

    /// The key as pasted text means it where it lands; nil when it is dropped.
    func pasted(_ key: Key) -> Key? {
        guard let target = textTarget else { return nil }
        switch key {
        case .character(let character) where character.isNewline || character == "\t":
            return target == .oneLine ? .character(" ") : (character == "\t" ? .character(" ") : .enter)
        case .character: return key
        case .enter: return target == .oneLine ? .character(" ") : .enter
        case .tab: return target == .oneLine ? .character(" ") : key
        default: return nil
        }
    }
}
