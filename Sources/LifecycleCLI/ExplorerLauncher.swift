import ArgumentParser
import FoundationEssentials
import Glibc
import LifecycleCore
import LifecycleTerminal
import LifecycleTUI

/// Options shared by the commands that open the explorer.
struct ExplorerOptions: ParsableArguments {
    @Flag(help: "Do not capture the mouse (keeps the terminal's own text selection).")
    var noMouse = false

    @Flag(help: "No colours (also when NO_COLOR is set); marks and glyphs still show every status.")
    var noColor = false
}

/// The commands that run the explorer (through `ExplorerLauncher`).
protocol OpensTheExplorer {}

extension LifecycleCommand: OpensTheExplorer {}
extension OpenCommand: OpensTheExplorer {}
extension DemoCommand: OpensTheExplorer {}

/// Starts the terminal explorer on a start screen or an open document, runs it, and
/// restores the terminal on every way out.
enum ExplorerLauncher {
    enum Start {
        case startScreen
        case document(LoadedAssessment, isDemo: Bool)
    }

    static func run(_ start: (AssessmentStore, Workspace) throws -> Start, options: ExplorerOptions) throws -> Never {
        setlocale(LC_ALL, "")
        // A LIFECYCLE_TODAY that is not a date is refused here, as by `plan`, rather than
        // quietly replaced by the clock's date inside the explorer.
        _ = try Today.resolve(option: nil)
        do {
            try NcursesBackend.preflight()
        } catch {
            throw reportError("\(error)")
        }
        let catalog = try loadCatalog()
        let store = makeStore(catalog)
        let workspace = Workspace.fromEnvironment()
        let initial = try start(store, workspace)

        let environment = ProcessInfo.processInfo.environment
        let noColor = options.noColor || !(environment["NO_COLOR"] ?? "").isEmpty
        let backend: NcursesBackend
        do {
            backend = try NcursesBackend(options: .init(color: !noColor, mouse: !options.noMouse))
        } catch {
            throw reportError("\(error)")
        }
        let size = backend.size
        var state: AppState
        switch initial {
        case .startScreen:
            state = AppState(catalog: catalog, mode: .start(ExplorerRuntime.scanWorkspace(workspace, store: store)),
                             width: size.width, height: size.height, asciiOnly: backend.usesASCII)
        case .document(let loaded, let isDemo):
            state = AppState(catalog: catalog, mode: .start(StartScreenState(workspaceDirectory: workspace.directory, entries: [])),
                             width: size.width, height: size.height, asciiOnly: backend.usesASCII)
            // Through receive, as from the start screen: an older pack version is upgraded there.
            _ = state.receive(.opened(loaded, isDemo: isDemo, review: ExplorerRuntime.review(of: loaded, book: catalog)), now: Moment.current())
            state.cameFromStartScreen = false
        }
        let runtime = ExplorerRuntime(state: state, store: store, workspace: workspace, backend: backend)
        let status = runtime.run()
        backend.shutdown()
        for message in runtime.exitMessages { printError(message) }
        if case .explorer(let explorer) = runtime.state.mode, explorer.document.isDemo {
            StandardOutput.writeLine("The demo copy is kept at \(explorer.document.path)")
        }
        exit(status)
    }
}
