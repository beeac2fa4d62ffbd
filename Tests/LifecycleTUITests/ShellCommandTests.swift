import XCTest
@testable import LifecycleTUI

/// The external editor runs through `ShellCommand`: its exit status and arguments must
/// come through as the shell gives them.
final class ShellCommandTests: XCTestCase {
    func testExitStatusAndArgumentsComeThrough() {
        XCTAssertEqual(ShellCommand.run("exit 3", name: "test", arguments: []), 3)
        XCTAssertEqual(ShellCommand.run("test \"$1\" = 'a b' && test \"$0\" = editor", name: "editor", arguments: ["a b"]), 0)
        XCTAssertEqual(ShellCommand.run("test \"$1\" = other", name: "editor", arguments: ["a b"]), 1)
    }

    func testAKilledChildReportsTheSignal() {
        XCTAssertEqual(ShellCommand.run("kill -TERM $$", name: "test", arguments: []), 128 + 15)
    }

    func testTheChildWritesTheFileItWasGiven() throws {
        let path = NSTemporaryDirectory() + "shell-command-\(getpid()).txt"
        defer { unlink(path) }
        XCTAssertEqual(ShellCommand.run("printf 'edited' > \"$1\"", name: "editor", arguments: [path]), 0)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "edited")
    }
}
