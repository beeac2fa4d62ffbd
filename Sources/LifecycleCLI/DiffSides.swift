import FoundationEssentials
import LifecycleCore

/// A side of a comparison: FILE, or FILE@LABEL for a milestone. The whole argument is
/// a file if one exists by that name; otherwise the first "@" from the left whose prefix
/// is an existing file splits it, so a file name and a label may both contain "@".
struct SideSpec: Sendable {
    let spec: String
    let path: String
    let label: String?

    init(_ spec: String) throws {
        self.spec = spec
        if FileManager.default.fileExists(atPath: spec) || !spec.contains("@") {
            path = spec
            label = nil
            return
        }
        let candidates = spec.indices.filter { $0 != spec.startIndex && spec[$0] == "@" }
        // With no existing file before any "@", the loader reports the first candidate missing.
        guard let split = candidates.first(where: { SideSpec.isFile(String(spec[..<$0])) }) ?? candidates.first else {
            throw reportError("\(TerminalSafeText.escaped(spec)): no file named before \"@\" (use FILE@LABEL)")
        }
        path = String(spec[..<split])
        label = String(spec[spec.index(after: split)...])
    }

    /// A directory is not a candidate: "reviews@2026/a.json@q3" must not split at "reviews".
    private static func isFile(_ path: String) -> Bool {
        var isDirectory = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory
    }
}

/// Finishes loading one side of a comparison, `FILE` or `FILE@LABEL`, whose file was
/// already read and parsed (see `DiffCommand`).
func loadSide(_ side: SideSpec, from file: ParsedFile, store: AssessmentStore) throws -> DiffSide {
    let loaded = try attempt { () throws(FileProblem) in try store.load(file) }
    guard let label = side.label else { return DiffSide(label: side.spec, assessment: loaded.assessment) }
    guard let milestone = loaded.assessment.milestone(labelled: label) else {
        let known = loaded.assessment.milestones.map { TerminalSafeText.escaped($0.label) }
        throw reportError("\(TerminalSafeText.escaped(side.path)): no milestone labelled \"\(TerminalSafeText.escaped(label))\"" + (known.isEmpty ? " (it has none)" : " (milestones: \(known.joined(separator: ", ")))"))
    }
    return DiffSide(label: side.spec, assessment: milestone.assessment)
}
