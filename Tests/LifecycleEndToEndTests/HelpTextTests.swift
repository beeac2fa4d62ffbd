import Foundation
import XCTest

/// Help must stand alone: an installed binary is copied without the README.
final class HelpTextTests: XCTestCase {
    func testGitCommandsHelpGivesTheGitSetUpLines() throws {
        let scratch = ScratchDirectory()
        let lifecycle = BinaryRunner(home: scratch.path)
        for command in ["textconv", "merge"] {
            let help = try lifecycle.run(command, "--help")
            XCTAssertEqual(help.status, 0)
            XCTAssertFalse(help.stdout.contains("README"), help.stdout)
            for line in ["reviews/*.json diff=lifecycle merge=lifecycle",
                         "git config diff.lifecycle.textconv \"lifecycle textconv\"",
                         "git config merge.lifecycle.name \"lifecycle assessment merge\"",
                         "git config merge.lifecycle.driver \"lifecycle merge %O %A %B\""] {
                XCTAssertTrue(help.stdout.contains(line), "\(command) --help lacks: \(line)\n\(help.stdout)")
            }
        }
        let commands = ["open", "demo", "new", "questions", "set", "show", "validate", "milestone", "milestones",
                        "diff", "report", "merge", "textconv"]
        for arguments in [["--help"]] + commands.map({ [$0, "--help"] }) {
            let help = try lifecycle.run(arguments: arguments)
            XCTAssertEqual(help.status, 0, arguments.joined(separator: " "))
            XCTAssertFalse(help.stdout.contains("README"), arguments.joined(separator: " "))
        }
    }
}
