import ArgumentParser
import Glibc
import LifecycleCore

/// `lifecycle pack …`: question banks beside the book's (see `PackLibrary`).
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Import, export, check and list question packs (the book's, your team's, AWS custom lenses).",
        discussion: """
            A pack is one JSON file of areas and questions (assets/pack.schema.json). Packs are \
            found built in, in packs/ beside the assessment file, and in the workspace's packs/ \
            folder; built-in ids cannot be replaced, and among files the first place wins.
            """,
        subcommands: [PackImportCommand.self, PackExportCommand.self, PackValidateCommand.self,
                      PackListCommand.self, PackShowCommand.self, PackAddCommand.self, PackRemoveCommand.self]
    )
}

/// The packs this command can see: built in plus the workspace's; problems become
/// warnings unless the command only needs the library to check an id.
func loadPackLibrary(paths: [String] = [], reportingProblems: Bool = true) throws -> PackLibrary {
    let library = PackLibrary(catalog: try loadCatalog(), workspace: Workspace.fromEnvironment(), paths: paths)
    if reportingProblems { for problem in library.problems { printWarning(TerminalSafeText.escaped(problem)) } }
    return library
}

/// Reads a lens or pack file given on the command line, with messages that name what it
/// should have been (the shared reader speaks of assessments).
func readPackInput(_ path: String, kind: String, sizeLimit: Int) throws -> [UInt8] {
    do {
        return try SafeFileReader.read(path, sizeLimit: sizeLimit)
    } catch {
        switch error {
        case .isDirectory: throw reportError("\(TerminalSafeText.escaped(path)): is a directory, not a \(kind) file")
        case .tooLarge(_, let size, let limit):
            throw reportError("\(TerminalSafeText.escaped(path)): is \(size) bytes, more than the \(limit >> 20) MiB a \(kind) file may have")
        default: throw reportError(error.description)
        }
    }
}

func requirePack(_ id: String, in library: PackLibrary) throws -> FoundPack {
    guard let found = library.pack(id: id) else {
        throw reportError("no pack \"\(TerminalSafeText.escaped(id))\" (packs: \(library.packs.map(\.pack.id).joined(separator: ", ")); looked in: \(library.searched.joined(separator: ", ")))")
    }
    return found
}

struct PackImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Convert an AWS Well-Architected custom lens into a pack.",
        discussion: """
            Pillars become areas, a lens question the question PILLAR_ID.QUESTION_ID, choices \
            keep their ids. Every deviation from the lens specification is one warning naming \
            the JSON path; exit status 0 when imported (with or without warnings), 2 when \
            refused. The pack goes to the workspace's packs/ folder unless --output says where.
            """
    )

    @Argument(help: "The lens file (JSON).")
    var lens: String

    @Option(help: "The pack id (lowercase letters, digits and -); default: a slug of the lens name.")
    var id: String?

    @Option(help: "Where to write the pack; default: packs/ID.json in the workspace.")
    var output: String?

    @Option(name: .customLong("none-choice"), help: "A choice id that means \"none of these\" (besides ids ending in _no); repeatable.")
    var noneChoices: [String] = []

    @Flag(help: "Replace an existing pack file with this id.")
    var replace = false

    func run() throws {
        let bytes = try readPackInput(lens, kind: "lens", sizeLimit: LensImporter.maximumInputBytes)
        let shown = TerminalSafeText.escaped(lens)
        let result: LensImporter.Result
        do {
            result = try LensImporter.importLens(bytes: bytes, options: .init(id: id, noneChoiceIDs: Set(noneChoices)))
        } catch {
            throw reportError("\(shown): \(error.description)")
        }
        for warning in result.warnings { printWarning("\(shown): \(TerminalSafeText.escaped(warning.description))") }
        let pack = result.pack
        let workspace = Workspace.fromEnvironment()
        let folder = workspace.directory + "/packs"
        let destination = output ?? folder + "/" + pack.id + ".json"
        if PackLibrary.builtInIDs.contains(pack.id) {
            throw reportError("\(shown): \(pack.id) is a built-in pack id; choose another with --id")
        }
        // Another file in the workspace holding the id would hide the new one (the first
        // found wins); an --output elsewhere is the user's own arrangement.
        if output == nil, let other = PackLibrary.packIDs(inFolder: folder).first(where: { $0.id == pack.id }),
           !FileIdentity.sameFile(other.path, destination) {
            throw reportError("\(shown): pack \(pack.id) is already in \(TerminalSafeText.escaped(other.path)); replace that file, or choose another id with --id")
        }
        if output == nil {
            try attempt { () throws(FileProblem) in try Workspace(directory: workspace.directory + "/packs").ensureExists() }
        }
        // Under the pack file's lock: two imports of one id cannot both see "not there yet".
        let write = { () throws(FileProblem) -> OutputFileProblem? in
            if !replace, PackImportCommand.exists(destination), !PackImportCommand.isSpecialFile(destination) {
                throw FileProblem.writeFailed(path: destination, reason: "already exists; pass --replace to overwrite it")
            }
            do throws(OutputFileProblem) {
                try OutputFile().write(result.encoded, to: destination, inputs: [lens])
                return nil
            } catch {
                return error
            }
        }
        // A device or FIFO (--output /dev/stdout) is written in place: no lock file beside it.
        let failure = try attempt { () throws(FileProblem) -> OutputFileProblem? in
            PackImportCommand.isSpecialFile(destination) ? try write() : try FileLock.withLock(on: destination, write)
        }
        if let failure { throw reportError(failure.description) }
        let warnings = result.warnings.isEmpty ? "" : ", \(Counted.noun(result.warnings.count, "warning"))"
        StandardOutput.writeLine("imported \(shown) as pack \(pack.id) (\(Counted.noun(pack.areas.count, "area")), \(Counted.noun(pack.questionCount, "question"))\(warnings)): \(TerminalSafeText.escaped(destination))")
    }
}

extension PackImportCommand {
    /// Anything at the path, a dangling symlink included, is "already there".
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    static func isSpecialFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & S_IFMT != S_IFREG
    }
}

struct PackExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a pack answered by choices as an AWS custom lens.",
        discussion: """
            Refused (exit status 2, saying why and what to split or rename) for a pack answered \
            by status or one past the lens limits. What a lens cannot carry (tags, summaries, \
            pitfalls) is listed on standard error.
            """
    )

    @Argument(help: "The pack id (see lifecycle pack list).")
    var packID: String

    @Option(help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        let found = try requirePack(packID, in: try loadPackLibrary())
        let result: LensExporter.Result
        do {
            result = try LensExporter.export(found.pack)
        } catch {
            for problem in error.problems { printError("lifecycle: error: pack \(found.pack.id): \(problem)") }
            throw troubleExitCode
        }
        if let output, PackExportCommand.holdsPack(output) {
            throw reportError("\(TerminalSafeText.escaped(output)): holds a pack; export writes a lens, so choose another file")
        }
        for line in result.notCarried { printError("lifecycle: note: not in the lens: \(line)") }
        let bytes = CanonicalJSONWriter.bytes(result.lens)
        if let output {
            var inputs: [String] = []
            if case .workspace(let file) = found.origin { inputs.append(file) }
            do {
                try OutputFile().write(bytes, to: output, inputs: inputs)
            } catch {
                throw reportError(error.description)
            }
            printError("Wrote \(TerminalSafeText.escaped(output))")
        } else {
            StandardOutput.write(String(decoding: bytes, as: UTF8.self))
        }
    }
}

extension PackExportCommand {
    /// A regular file that reads as a pack: writing a lens over it would lose the pack.
    static func holdsPack(_ path: String) -> Bool {
        guard !PackImportCommand.isSpecialFile(path), let bytes = try? SafeFileReader.read(path, sizeLimit: PackLimits.fileBytes) else { return false }
        return PackDecoder.read(bytes: bytes).pack != nil
    }
}

struct PackValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check pack files and report every problem with its JSON path.",
        discussion: """
            Exit status 0 when every file is a valid pack, 2 when any is not; with --strict, \
            warnings alone (a rule that can never apply, a placeholder plan) give 1.
            """
    )

    @Argument(help: "Pack files.")
    var files: [String]

    @Flag(help: "Fail (exit status 1) when there are warnings.")
    var strict = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("name at least one pack file") }
    }

    func run() throws {
        var invalid = 0, warnings = 0
        for file in files {
            let shown = TerminalSafeText.escaped(file)
            let reading: PackReading
            do {
                reading = PackDecoder.read(bytes: try SafeFileReader.read(file, sizeLimit: PackLimits.fileBytes))
            } catch {
                printError("lifecycle: error: " + (error == .isDirectory(path: file) ? "\(shown): is a directory, not a pack file" : error.description))
                invalid += 1
                continue
            }
            if let pack = reading.pack, PackLibrary.builtInIDs.contains(pack.id), !file.hasSuffix(PackFiles.suffix) {
                printWarning("\(shown): $.id: \(pack.id) is a built-in pack id; in a packs/ folder this file is ignored")
                warnings += 1
            }
            for warning in reading.warnings { printWarning("\(shown): \(TerminalSafeText.escaped(warning.description))") }
            warnings += reading.warnings.count
            guard let pack = reading.pack, reading.isValid else {
                for error in reading.errors { printError("lifecycle: error: \(shown): \(TerminalSafeText.escaped(error.description))") }
                invalid += 1
                continue
            }
            let verdict = reading.warnings.isEmpty ? "ok" : "valid, with \(Counted.noun(reading.warnings.count, "warning"))"
            StandardOutput.writeLine("\(shown): \(verdict) (pack \(pack.id) \(TerminalSafeText.escaped(pack.version)), \(Counted.noun(pack.areas.count, "area")), \(Counted.noun(pack.questionCount, "question")), \(pack.choiceQuestionCount) answered by choices)")
        }
        if invalid > 0 {
            printError("\(invalid) of \(files.count) file\(files.count == 1 ? "" : "s") invalid")
            throw troubleExitCode
        }
        if strict && warnings > 0 {
            printError("lifecycle: \(Counted.noun(warnings, "warning")), failing because of --strict")
            throw ExitCode(1)
        }
    }
}

struct PackListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the packs this run can see, and where each was found.")

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let library = try loadPackLibrary()
        switch format {
        case .json:
            StandardOutput.write(CanonicalJSONWriter.string(.array(library.packs.map(PackListing.summary))))
        case .text:
            var lines: [String] = []
            let idWidth = max(4, library.packs.map { $0.pack.id.count }.max() ?? 0)
            for found in library.packs {
                let pack = found.pack
                lines.append(DisplayWidth.padded(pack.id, toWidth: idWidth) + "  " + DisplayWidth.padded(TerminalSafeText.escaped(pack.version), toWidth: 8)
                             + "  " + String(repeating: " ", count: max(0, 5 - String(pack.questionCount).count)) + String(pack.questionCount) + " questions  " + TerminalSafeText.escaped(pack.title)
                             + "  (" + TerminalSafeText.escaped(found.origin.description) + ")")
            }
            StandardOutput.write(lines.joined(separator: "\n") + "\n")
        }
    }
}

struct PackShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one pack: its areas, questions, choices and risk rules.",
        discussion: "The JSON form is the pack file itself (the format pack validate reads)."
    )

    @Argument(help: "The pack id.")
    var packID: String

    @Option(help: "text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let found = try requirePack(packID, in: try loadPackLibrary())
        switch format {
        case .json: StandardOutput.write(String(decoding: PackEncoder.bytes(found.pack), as: UTF8.self))
        case .text: StandardOutput.write(PackListing.text(found))
        }
    }
}
