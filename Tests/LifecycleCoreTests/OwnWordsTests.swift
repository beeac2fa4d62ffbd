import Foundation
import XCTest
@testable import LifecycleCore

/// The catalog and the built-in packs are written in this project's own words: no run of
/// 8 or more consecutive words (case, punctuation and apostrophes ignored) is shared with
/// the user's reading notes. The notes live outside the repository (`../shared/seeds/`);
/// without them the test is skipped, and says so.
final class OwnWordsTests: XCTestCase {
    static let runLength = 8

    static func words(_ text: String) -> [Substring] {
        let folded = text.lowercased().replacing("’", with: "").replacing("'", with: "")
        return folded.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    }

    static func runs(_ words: [Substring]) -> Set<String> {
        guard words.count >= runLength else { return [] }
        return Set((0...(words.count - runLength)).map { words[$0..<($0 + runLength)].joined(separator: " ") })
    }

    /// Every string in a JSON document, with its path.
    static func texts(_ value: JSONValue, at path: JSONPath, into result: inout [(String, String)]) {
        switch value {
        case .string(let text): result.append((path.description, text))
        case .array(let items): for (index, item) in items.enumerated() { texts(item, at: path.appending(index: index), into: &result) }
        case .object(let members): for (key, member) in members { texts(member, at: path.appending(key), into: &result) }
        default: break
        }
    }

    func testNoSentenceOfTheReadingNotesIsCopied() throws {
        let seeds = URL(fileURLWithPath: packageRoot).deletingLastPathComponent().appendingPathComponent("shared/seeds").path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: seeds), !names.isEmpty else {
            throw XCTSkip("the reading notes are not beside the repository (\(seeds)); nothing to compare with")
        }
        var noteRuns: Set<String> = []
        for name in names {
            noteRuns.formUnion(Self.runs(Self.words(try String(contentsOfFile: seeds + "/" + name, encoding: .utf8))))
        }
        XCTAssertFalse(noteRuns.isEmpty)
        var copied: [String] = []
        let content = packageRoot + "/content"
        for name in try FileManager.default.contentsOfDirectory(atPath: content).sorted() where name.hasSuffix(".json") {
            var texts: [(String, String)] = []
            Self.texts(try JSONParser.parse(Array(try Data(contentsOf: URL(fileURLWithPath: content + "/" + name)))), at: .root, into: &texts)
            for (path, text) in texts {
                let words = Self.words(text)
                guard words.count >= Self.runLength else { continue }
                for start in 0...(words.count - Self.runLength) {
                    let run = words[start..<(start + Self.runLength)].joined(separator: " ")
                    if noteRuns.contains(run) {
                        copied.append("content/\(name) \(path): \"\(run)\"")
                        break
                    }
                }
            }
        }
        XCTAssertEqual(copied, [], "shared with the reading notes:\n" + copied.joined(separator: "\n"))
    }

    /// The check itself must catch a copy, or it proves nothing.
    func testTheCheckFindsACopiedRun() {
        let notes = Self.runs(Self.words("Where are the technical and organizational boundaries between data engineering and ML engineering?"))
        let copy = Self.runs(Self.words("Where are the technical and organizational boundaries between them?"))
        XCTAssertFalse(notes.isDisjoint(with: copy))
        XCTAssertTrue(notes.isDisjoint(with: Self.runs(Self.words("Who owns what between data engineering and ML engineering, and where is it written?"))))
    }
}
