import Foundation
import XCTest
@testable import LifecycleCore
@testable import LifecycleTUI

/// Golden screens: a frame stored as text plus two style layers (with colour, and as
/// NO_COLOR shows it), compared exactly, so a review shows every visual change in the
/// diff. `LIFECYCLE_RECORD_SNAPSHOTS=1 swift test --filter ScreenSnapshotTests` rewrites
/// them on purpose.
enum Snapshot {
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return url.path + "/Snapshots"
    }()

    static var recording: Bool { ProcessInfo.processInfo.environment["LIFECYCLE_RECORD_SNAPSHOTS"] == "1" }

    /// The frozen excerpt of the catalog the snapshots use, so content edits do not change them.
    static let catalog: Catalog = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()
        return try! CatalogLoader.load(directory: url.path + "/Fixtures/catalog")
    }()

    static func render(_ screen: Screen, name: String) -> String {
        var text = "# \(name): \(screen.width)x\(screen.height)\n## text\n"
        for row in 0..<screen.height { text += "|" + screen.line(row) + "|\n" }
        for color in [true, false] {
            var legend: [TerminalLook: Character] = [:]
            var order: [TerminalLook] = []
            let symbols = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
            var layer = ""
            for row in 0..<screen.height {
                layer += "|"
                for column in 0..<screen.width {
                    let look = screen[row, column].style.look(color: color)
                    if look == TerminalLook(bold: false, dim: false, reverse: false, underline: false, colorRole: nil) {
                        layer += "."
                        continue
                    }
                    if legend[look] == nil {
                        legend[look] = symbols[min(order.count, symbols.count - 1)]
                        order.append(look)
                    }
                    layer.append(legend[look]!)
                }
                layer += "|\n"
            }
            text += color ? "## style with colour\n" : "## style with NO_COLOR\n"
            text += layer
            for look in order {
                let flags = [look.bold ? "bold" : nil, look.dim ? "dim" : nil, look.reverse ? "reverse" : nil,
                             look.underline ? "underline" : nil, look.colorRole.map { "colour \($0)" }].compactMap { $0 }
                text += "\(legend[look]!) = \(flags.joined(separator: " "))\n"
            }
        }
        return text
    }

    static func assert(_ screen: Screen, named name: String, file: StaticString = #filePath, line: UInt = #line) {
        let path = directory + "/" + name + ".txt"
        let actual = render(screen, name: name)
        if recording {
            try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try! actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOfFile: path, encoding: .utf8) else {
            XCTFail("no snapshot \(name).txt; record with LIFECYCLE_RECORD_SNAPSHOTS=1", file: file, line: line)
            return
        }
        guard expected != actual else { return }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var differences: [String] = []
        for index in 0..<max(expectedLines.count, actualLines.count) where differences.count < 8 {
            let a = index < expectedLines.count ? String(expectedLines[index]) : "<none>"
            let b = index < actualLines.count ? String(actualLines[index]) : "<none>"
            if a != b { differences.append("line \(index + 1):\n- \(a)\n+ \(b)") }
        }
        XCTFail("\(name) differs from its snapshot (LIFECYCLE_RECORD_SNAPSHOTS=1 re-records it on purpose):\n"
                + differences.joined(separator: "\n"), file: file, line: line)
    }
}
