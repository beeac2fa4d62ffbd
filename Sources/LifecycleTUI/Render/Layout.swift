/// A rectangle of the screen.
public struct Rect: Equatable, Sendable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public func contains(row y: Int, column x: Int) -> Bool {
        y >= row && y < row + height && x >= column && x < column + width
    }
}

/// Where the explorer's panes go for a window size. Shared by render (to draw) and
/// update (page sizes, mouse hit-testing), so both agree.
public struct ExplorerLayout: Equatable, Sendable {
    public var header: Rect
    public var sidebar: Rect
    public var list: Rect
    public var detail: Rect
    public var footer: Rect
    /// True when the detail pane sits right of the list (wide windows), false when below.
    public var sideBySide: Bool
    /// No detail pane: the list has its room.
    public var listOnly: Bool

    /// Width of an area title in the sidebar; longer titles use the area's short title.
    public var sidebarTitleWidth: Int { sidebar.width - 19 }

    /// `listOnly`: no detail pane; the list takes its room (the `z` key), so twice as many
    /// questions fit on an 80x24 screen and moving redraws only two rows.
    public init(width: Int, height: Int, listOnly: Bool = false) {
        header = Rect(row: 0, column: 0, width: width, height: 1)
        footer = Rect(row: max(0, height - 1), column: 0, width: width, height: 1)
        let bodyHeight = max(0, height - 2)
        let sidebarWidth = width >= 120 ? 39 : 33
        sidebar = Rect(row: 1, column: 0, width: sidebarWidth, height: bodyHeight)
        let restColumn = sidebarWidth + 1
        let restWidth = max(0, width - restColumn)
        self.listOnly = listOnly
        // Beside the list only when the list keeps most of the width: question text is
        // what a reviewer reads, the detail pane needs about a paragraph's width.
        sideBySide = width >= ExplorerLayout.sideBySideWidth && !listOnly
        if listOnly {
            list = Rect(row: 1, column: restColumn, width: restWidth, height: bodyHeight)
            detail = Rect(row: 1 + bodyHeight, column: restColumn, width: restWidth, height: 0)
        } else if sideBySide {
            let detailWidth = min(72, max(44, restWidth * 2 / 5))
            let listWidth = restWidth - detailWidth - 1
            list = Rect(row: 1, column: restColumn, width: listWidth, height: bodyHeight)
            detail = Rect(row: 1, column: restColumn + listWidth + 1, width: max(0, restWidth - listWidth - 1), height: bodyHeight)
        } else {
            let listHeight = max(4, bodyHeight / 2)
            list = Rect(row: 1, column: restColumn, width: restWidth, height: listHeight)
            detail = Rect(row: 1 + listHeight + 1, column: restColumn, width: restWidth, height: max(0, bodyHeight - listHeight - 1))
        }
    }

    /// From this width on, the detail pane sits beside the list (below it otherwise).
    public static let sideBySideWidth = 160

    /// Whether there is a detail pane at all.
    public var hasDetail: Bool { !listOnly && detail.height > 0 }

    /// Question rows visible in the list (its first row is the list's title).
    public var listRows: Int { max(1, list.height - 1) }
}
