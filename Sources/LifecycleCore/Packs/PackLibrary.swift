import FoundationEssentials
import LifecycleContent

/// Where a pack was found.
public enum PackOrigin: Sendable, Equatable, CustomStringConvertible {
    case builtIn
    /// A file the user named.
    case path(String)
    /// `packs/` beside the assessment file: travels with the repository that holds it.
    case besideAssessment(String)
    /// The workspace's `packs/` folder.
    case workspace(String)

    public var description: String {
        switch self {
        case .builtIn: "built in"
        case .path(let file), .besideAssessment(let file), .workspace(let file): file
        }
    }
}

public struct FoundPack: Sendable {
    public var pack: Pack
    public var origin: PackOrigin
    public var warnings: [ValidationProblem]
}

/// Every pack this run can see. Built-in ids are reserved: a file cannot replace the
/// book's pack behind a reviewer's back. Among files, the first place wins: a path given
/// on the command line, then `packs/` beside the assessment, then the workspace's `packs/`.
public struct PackLibrary: Sendable {
    public static let fundamentalsID = "fundamentals"
    public static let builtInIDs: Set<String> = [fundamentalsID, "operational-readiness"]

    public private(set) var packs: [FoundPack] = []
    /// Files that could not be used, one line each ("FILE: why").
    public private(set) var problems: [String] = []
    /// The folders that were searched, in order, for "where was it looked for" messages.
    public private(set) var searched: [String] = ["built in"]
    /// Pack files that name an id but are not valid packs, by id: "not found" would send
    /// a reviewer looking for a file that is right there.
    public private(set) var invalidFiles: [String: String] = [:]

    /// Packs whose files are decoded and checked; nil: all. A review needs only its own,
    /// and a large unrelated pack in the same folder must not slow every command.
    private var wanted: Set<String>?

    public init(catalog: Catalog, workspace: Workspace?, assessmentPath: String? = nil, paths: [String] = [], only wanted: Set<String>? = nil) {
        self.wanted = wanted
        for pack in PackLibrary.builtIn(catalog: catalog) { packs.append(FoundPack(pack: pack, origin: .builtIn, warnings: [])) }
        for path in paths { add(path: path, origin: .path(path)) }
        if let assessmentPath {
            let folder = PathText.deletingLastComponent(of: assessmentPath).nonEmpty(or: ".") + "/packs"
            addFolder(folder) { .besideAssessment($0) }
        }
        if let workspace { addFolder(workspace.directory + "/packs") { .workspace($0) } }
    }

    /// The id of each pack file in a folder, without decoding the packs: enough to tell
    /// whether an id is taken (pack import), far cheaper than a library.
    public static func packIDs(inFolder folder: String) -> [(id: String, path: String)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.compactMap { name in
            let path = folder + "/" + name
            guard let bytes = try? SafeFileReader.read(path, sizeLimit: PackLimits.fileBytes),
                  let id = (try? JSONParser.parse(bytes))?["id"]?.stringValue else { return nil }
            return (id, path)
        }
    }

    /// The built-in packs and these, as if named on the command line (tests, benchmarks).
    public init(catalog: Catalog, adding extra: [Pack]) {
        packs = PackLibrary.builtIn(catalog: catalog).map { FoundPack(pack: $0, origin: .builtIn, warnings: []) }
            + extra.map { FoundPack(pack: $0, origin: .path($0.id), warnings: []) }
    }

    public func pack(id: String) -> FoundPack? { packs.first { $0.pack.id == id } }

    /// The built-in packs: the book's lifecycle questions (from `content/`) and every
    /// `content/*.pack.json`.
    public static func builtIn(catalog: Catalog) -> [Pack] {
        [fundamentals(catalog)] + embeddedPacks
    }

    /// Every `content/*.pack.json`, decoded once per run.
    static let embeddedPacks: [Pack] = EmbeddedResources.files.sorted(by: { $0.key < $1.key })
        .filter { $0.key.hasPrefix("content/") && $0.key.hasSuffix(PackFiles.suffix) }
        .compactMap { PackDecoder.read(bytes: Array($0.value.utf8)).pack }

    /// The built-in catalog as a pack; its files in `content/` stay the source.
    public static func fundamentals(_ catalog: Catalog) -> Pack {
        Pack(id: fundamentalsID, version: catalog.version, title: catalog.title,
             description: "The data engineering lifecycle: five stages and six undercurrents, with the stage × undercurrent matrix.",
             source: catalog.source, areas: catalog.areas, moves: bookMoves)
    }

    /// `content/moved.json`: where the book's questions went between catalog versions.
    static let bookMoves: [QuestionMove] = EmbeddedResources.files["content/moved.json"].map { PackDecoder.moves(bytes: Array($0.utf8)) } ?? []

    private static func unused() {
    }

    private mutating func addFolder(_ folder: String, origin: (String) -> PackOrigin) {
        searched.append(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            add(path: folder + "/" + name, origin: origin(folder + "/" + name))
        }
    }

    private mutating func add(path: String, origin: PackOrigin) {
        let bytes: [UInt8]
        do {
            bytes = try SafeFileReader.read(path, sizeLimit: PackLimits.fileBytes)
        } catch {
            problems.append(error.description)  // names the file itself
            return
        }
        let namedID = (try? JSONParser.parse(bytes))?["id"]?.stringValue
        if let wanted, let namedID, !wanted.contains(namedID) { return }
        let reading = PackDecoder.read(bytes: bytes)
        guard let pack = reading.pack, reading.errors.isEmpty else {
            problems.append("\(path): not a valid pack (\(reading.errors.count) problem(s); lifecycle pack validate \(path) lists them)")
            if let namedID, invalidFiles[namedID] == nil { invalidFiles[namedID] = path }
            return
        }
        if let existing = self.pack(id: pack.id) {
            problems.append(existing.origin == .builtIn
                ? "\(path): uses the built-in pack id \(pack.id); ignored (give it another id)"
                : "\(path): pack \(pack.id) was found first in \(existing.origin); this copy is ignored")
            return
        }
        packs.append(FoundPack(pack: pack, origin: origin, warnings: reading.warnings))
    }
}

extension String {
    fileprivate func nonEmpty(or fallback: String) -> String { isEmpty ? fallback : self }
}
