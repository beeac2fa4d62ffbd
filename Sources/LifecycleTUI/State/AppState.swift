import LifecycleCore

/// The whole program's state: which screen is up, and the terminal size.
public struct AppState: Sendable {
    public enum Mode: Sendable {
        case start(StartScreenState)
        case explorer(ExplorerState)
    }

    public let catalog: Catalog
    public var mode: Mode
    public var width: Int
    public var height: Int
    /// Whether `q` in the explorer returns to the start screen (it was opened from there).
    public var cameFromStartScreen: Bool
    public var asciiOnly: Bool
    /// Between the terminal's paste markers: keys are pasted text, not commands.
    public var pasting = false

    /// The smallest window the layout works in; smaller shows a message instead.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public init(catalog: Catalog, mode: Mode, width: Int, height: Int, cameFromStartScreen: Bool = false, asciiOnly: Bool = false) {
        self.catalog = catalog
        self.mode = mode
        self.width = width
        self.height = height
        self.cameFromStartScreen = cameFromStartScreen
        self.asciiOnly = asciiOnly
    }

    public var isTooSmall: Bool { width < AppState.minimumWidth || height < AppState.minimumHeight }

    public var explorer: ExplorerState? {
        if case .explorer(let state) = mode { return state }
        return nil
    }

    public var startScreen: StartScreenState? {
        if case .start(let state) = mode { return state }
        return nil
    }
}
