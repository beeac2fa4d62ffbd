import ArgumentParser
import Glibc
import LifecycleCore

/// `lifecycle pack add FILE ID|PATH`: one more pack reviewed in an assessment.
struct PackAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Review one more pack in an assessment.",
        discussion: """
            ID is a pack this run can see (lifecycle pack list); PATH a pack file, which is \
            copied to packs/ beside the assessment (commit it with the assessment, and a \
            teammate who clones the repository has it). The file then records the pack and \
            is written in format version 2.
            """
    )

    @Argument(help: "The assessment file.")
    var file: String

    @Argument(help: "A pack id, or the path of a pack file.")
    var pack: String

    func run() throws {
        let book = try loadCatalog()
        var pack = try resolve(book: book)
        let store = makeStore(book)
        // Checked before anything is written: a refusal leaves the file and packs/ alone.
        let current = try store.loadOrReport(file)
        if current.assessment.packIDs.contains(pack.id) {
            throw reportError("\(TerminalSafeText.escaped(current.path)) already reviews pack \(pack.id)")
        }
        let copy = try copyBesideAssessment(&pack, assessment: current.path)
        let (loaded, receipt) = try attempt { () throws(FileProblem) in
            try store.update(file) { (loaded: inout LoadedAssessment) throws(FileProblem) in
                if loaded.assessment.packIDs.contains(pack.id) {
                    throw .changeRefused(message: "\(TerminalSafeText.escaped(loaded.path)) already reviews pack \(pack.id)")
                }
                if loaded.assessment.packs.isEmpty {
                    loaded.assessment.packs = [PackReference(PackLibrary.fundamentals(book))]
                }
                loaded.assessment.packs.append(PackReference(pack))
                loaded.assessment.updated = .now()
            }
        }
        for warning in receipt.warnings { printWarning(warning) }
        if let copy {
            printError("Copied \(TerminalSafeText.escaped(self.pack)) to \(TerminalSafeText.escaped(copy)): commit it with the assessment")
        }
        StandardOutput.writeLine("\(TerminalSafeText.escaped(loaded.path)): now reviews \(loaded.assessment.packIDs.joined(separator: ", ")) (\(pack.id) adds \(Counted.noun(pack.questionCount, "question")))")
    }

    private func resolve(book: Catalog) throws -> Pack {
        if pack.contains("/") || pack.hasSuffix(".json") {
            let reading = PackDecoder.read(bytes: try readPackInput(pack, kind: "pack", sizeLimit: PackLimits.fileBytes))
            guard let found = reading.pack, reading.isValid else {
                let first = reading.errors.first.map { ": \(TerminalSafeText.escaped($0.description))" } ?? ""
                let more = reading.errors.count > 1 ? " (and \(reading.errors.count - 1) more; lifecycle pack validate lists them)" : ""
                throw reportError("\(TerminalSafeText.escaped(pack)): not a valid pack\(first)\(more)")
            }
            if PackLibrary.builtInIDs.contains(found.id) {
                throw reportError("\(TerminalSafeText.escaped(pack)): uses the built-in pack id \(found.id); give the pack another id")
            }
            return found
        }
        let library = PackLibrary(catalog: book, workspace: Workspace.fromEnvironment(), assessmentPath: file)
        return try requirePack(pack, in: library).pack
    }

    /// A pack given by path is copied where the assessment's readers look for it, unless a
    /// copy with the same content is already there; a different pack with its id is refused.
    private func copyBesideAssessment(_ pack: inout Pack, assessment: String) throws -> String? {
        // (inout: the copy is the pack the assessment records.)
        guard self.pack.contains("/") || self.pack.hasSuffix(".json") else { return nil }
        let folder = PathText.deletingLastComponent(of: assessment).nonEmpty(or: ".") + "/packs"
        let target = folder + "/" + pack.id + ".json"
        if let existing = try? SafeFileReader.read(target), let existingPack = PackDecoder.read(bytes: existing).pack {
            if existingPack.contentHash == pack.contentHash { return nil }
            throw reportError("\(TerminalSafeText.escaped(target)) holds another version of pack \(pack.id); the assessment now records this one, so replace that file with \(TerminalSafeText.escaped(self.pack))")
        }
        try attempt { () throws(FileProblem) in try Workspace(directory: folder).ensureExists() }
        do {
            try OutputFile().write(PackEncoder.bytes(pack), to: target, inputs: [self.pack, assessment])
        } catch {
            throw reportError(error.description)
        }
        return target
    }
}

/// `lifecycle pack remove FILE ID`: stop reviewing a pack; its answers are kept.
struct PackRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Stop reviewing a pack in an assessment; its answers stay in the file.",
        discussion: "The answers are kept, as for a missing pack: adding the pack again brings them back."
    )

    @Argument(help: "The assessment file.")
    var file: String

    @Argument(help: "The pack id.")
    var packID: String

    func run() throws {
        let book = try loadCatalog()
        let id = packID
        let (loaded, receipt) = try attempt { () throws(FileProblem) in
            try makeStore(book).update(file) { (loaded: inout LoadedAssessment) throws(FileProblem) in
                var ids = loaded.assessment.packIDs
                guard let index = ids.firstIndex(of: id) else {
                    throw .changeRefused(message: "\(TerminalSafeText.escaped(loaded.path)) does not review pack \(TerminalSafeText.escaped(id)) (it reviews \(ids.joined(separator: ", ")))")
                }
                guard ids.count > 1 else {
                    throw .changeRefused(message: "\(id) is the only pack of \(TerminalSafeText.escaped(loaded.path)); add another before removing it")
                }
                ids.remove(at: index)
                if loaded.assessment.packs.isEmpty { loaded.assessment.packs = [PackReference(PackLibrary.fundamentals(book))] }
                loaded.assessment.packs.removeAll { $0.id == id }
                // The book's pack alone is a version-1 file again, which every build reads.
                if loaded.assessment.packs.map(\.id) == [PackLibrary.fundamentalsID] { loaded.assessment.packs = [] }
                loaded.assessment.updated = .now()
            }
        }
        for warning in receipt.warnings { printWarning(warning) }
        let kept = loaded.assessment.answers.keys.count { PackKey.pack(of: $0) == id }
        StandardOutput.writeLine("\(TerminalSafeText.escaped(loaded.path)): now reviews \(loaded.assessment.packIDs.joined(separator: ", ")) (\(Counted.noun(kept, "answer")) to \(id) kept)")
    }
}

extension String {
    fileprivate func nonEmpty(or fallback: String) -> String { isEmpty ? fallback : self }
}
