import LifecycleCore

extension AppState {
    /// Draws the whole frame. Pure: the same state and size always give the same screen.
    public func render() -> Screen {
        var screen = Screen(width: width, height: height, asciiOnly: asciiOnly)
        if isTooSmall {
            drawTooSmall(&screen)
            return screen
        }
        switch mode {
        case .start(let start): StartScreenView(state: start, catalog: catalog, ascii: asciiOnly).draw(&screen)
        case .explorer(let explorer): ExplorerView(state: explorer, ascii: asciiOnly).draw(&screen)
        }
        return screen
    }

    private func drawTooSmall(_ screen: inout Screen) {
        let times = Symbols(ascii: asciiOnly).times
        let lines = [
            "Window too small",
            "\(width)\(times)\(height): needs at least \(AppState.minimumWidth)\(times)\(AppState.minimumHeight)",
            "Enlarge it, or press q to quit",
        ]
        let top = max(0, (height - lines.count) / 2)
        for (offset, line) in lines.enumerated() where top + offset < height {
            let lineWidth = min(width, DisplayWidth.of(screen.visible(line)))
            screen.put(line, row: top + offset, column: max(0, (width - lineWidth) / 2),
                       style: offset == 0 ? Style(.warning, bold: true) : .normal, maxWidth: width)
        }
    }
}
