import LifecycleCore

/// What each line of the sidebar shows. With the book's pack alone: LIFECYCLE, the five
/// stages, UNDERCURRENTS, the six undercurrents. With several packs, the pack holding the
/// current area is expanded (the book's keeps its two headings) and every other pack is one
/// line, so 80x24 still shows them all.
enum SidebarLine: Equatable {
    case heading(String)
    case blank
    case area(Int)
    /// A collapsed pack: choosing it goes to its first area.
    case pack(id: String, title: String, firstArea: Int)
}

enum SidebarRows {
    static func lines(catalog: Catalog, currentArea: Int, ranges: [(id: String, range: Range<Int>)]? = nil) -> [SidebarLine] {
        let packs = ranges ?? packRanges(catalog)
        if packs.count == 1, let only = packs.first, only.id != PackLibrary.fundamentalsID {
            return [.heading(" " + only.id.uppercased())] + only.range.map(SidebarLine.area)
        }
        guard packs.count > 1 else { return bookLines(catalog, range: catalog.areas.indices) }
        var lines: [SidebarLine] = []
        for (id, range) in packs {
            if range.contains(currentArea) {
                if !lines.isEmpty { lines.append(.blank) }
                if id == PackLibrary.fundamentalsID {
                    lines += bookLines(catalog, range: range)
                } else {
                    lines.append(.heading(" " + id.uppercased()))
                    lines += range.map(SidebarLine.area)
                }
                lines.append(.blank)
            } else {
                lines.append(.pack(id: id, title: id, firstArea: range.lowerBound))
            }
        }
        while lines.last == .blank { lines.removeLast() }
        return lines
    }

    /// The book's areas under LIFECYCLE and UNDERCURRENTS (and any other kind after).
    private static func bookLines(_ catalog: Catalog, range: Range<Int>) -> [SidebarLine] {
        let stages = range.filter { catalog.areas[$0].kind == .stage }
        let rest = range.filter { catalog.areas[$0].kind != .stage }
        var lines: [SidebarLine] = [.heading(" LIFECYCLE")] + stages.map(SidebarLine.area)
        if !rest.isEmpty { lines += [.blank, .heading(" UNDERCURRENTS")] + rest.map(SidebarLine.area) }
        return lines
    }

    /// Each pack's areas, in order (a review's areas are grouped by pack).
    static func packRanges(_ catalog: Catalog) -> [(id: String, range: Range<Int>)] {
        var ranges: [(id: String, range: Range<Int>)] = []
        for (index, area) in catalog.areas.enumerated() {
            if let last = ranges.last, last.id == area.packID {
                ranges[ranges.count - 1].range = last.range.lowerBound..<(index + 1)
            } else {
                ranges.append((area.packID, index..<(index + 1)))
            }
        }
        return ranges
    }

    /// The areas of the pack holding `area`: digits 1-9 jump within it.
    static func packRange(holding area: Int, catalog: Catalog) -> Range<Int> {
        packRanges(catalog).first { $0.range.contains(area) }?.range ?? catalog.areas.indices
    }

    static func row(ofArea index: Int, catalog: Catalog, currentArea: Int) -> Int? {
        lines(catalog: catalog, currentArea: currentArea).firstIndex(of: .area(index))
    }

    /// The area a click on `row` chooses: the area there, or a collapsed pack's first.
    static func area(atRow row: Int, catalog: Catalog, currentArea: Int) -> Int? {
        let lines = lines(catalog: catalog, currentArea: currentArea)
        guard lines.indices.contains(row) else { return nil }
        switch lines[row] {
        case .area(let index): return index
        case .pack(_, _, let first): return first
        case .heading, .blank: return nil
        }
    }
}
