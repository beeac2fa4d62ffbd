/// Converts an AWS Well-Architected custom lens into a pack. Lenient where the meaning is
/// clear, explicit always (every deviation from the lens specification is one warning with
/// its JSON path), and refusing only when meaning would be lost.
public enum LensImporter {
    public struct Options: Sendable {
        /// The pack id; by default a slug of the lens name.
        public var id: String?
        /// Choice ids that mean "none of these" besides those ending in `_no`.
        public var noneChoiceIDs: Set<String> = []

        public init(id: String? = nil, noneChoiceIDs: Set<String> = []) {
            self.id = id
            self.noneChoiceIDs = noneChoiceIDs
        }
    }

    public struct Result: Sendable {
        public var pack: Pack
        public var warnings: [ValidationProblem]
        /// The pack file's bytes, as `PackEncoder` writes them (made once, to check its size).
        public var encoded: [UInt8]
    }

    /// The specification's limits; going past them is reported, not refused.
    public enum Limits {
        public static let fileBytes = 500 * 1024
        public static let pillars = 10
        public static let questionsPerPillar = 20
        public static let choicesPerQuestion = 15
        public static let rulesPerQuestion = 3
        public static let nameLength = 128
        public static let textLength = 2048
        public static let idLength = 64
        public static let resourceItems = 5
    }

    public static let schemaVersion = "2021-11-01"
    /// Sixteen times the lens limit: room for lenses that ignore it, not for any file.
    public static let maximumInputBytes = 8 << 20

    public static func importLens(bytes: [UInt8], options: Options = Options()) throws(LensImportError) -> Result {
        guard bytes.count <= maximumInputBytes else {
            throw LensImportError(path: nil, message: "\(bytes.count >> 20) MiB; a lens is at most 500 KB, and more than \(maximumInputBytes >> 20) MiB is not read")
        }
        var importer = LensReader(options: options)
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
            importer.warn(.root, "starts with a byte order mark; ignored")
        }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw LensImportError(path: nil, message: "\(error.line):\(error.column): not JSON: \(error.message)")
        }
        if bytes.count > Limits.fileBytes {
            importer.warn(.root, "\(bytes.count / 1024) KB, over the lens limit of 500 KB")
        }
        let pack = try importer.pack(value)
        for id in options.noneChoiceIDs.sorted() where !pack.questions.contains(where: { $0.choice(id: id) != nil }) {
            importer.warn(.root, "--none-choice \(id): no question has a choice with this id")
        }
        // What is written must load again: a pack past the pack limits (not only the lens
        // limits, which are only reported) is refused here, not found broken later.
        var checkWarnings: [ValidationProblem] = []
        let problems = PackChecks().problems(in: pack, warnings: &checkWarnings)
        if let first = problems.first {
            throw LensImportError(path: nil, message: "the pack would be invalid: \(first)\(problems.count > 1 ? " (and \(problems.count - 1) more)" : "")")
        }
        let encoded = PackEncoder.bytes(pack)
        if encoded.count > PackLimits.fileBytes {
            throw LensImportError(path: nil, message: "the pack would be \(encoded.count >> 20) MiB, more than the \(PackLimits.fileBytes >> 20) MiB a pack may have")
        }
        return Result(pack: pack, warnings: importer.warnings, encoded: encoded)
    }

    /// `Data Lake Lens (v2)` → `data-lake-lens-v2`: the default pack id.
    public static func slug(_ name: String) -> String {
        var slug = ""
        for scalar in SearchFolding.fold(name).unicodeScalars {
            if (0x61...0x7A).contains(scalar.value) || (0x30...0x39).contains(scalar.value) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return String(slug.prefix(64)).trimmingSuffix("-")
    }
}

/// Why a lens was refused: where (when one place is to blame) and what.
public struct LensImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: JSONPath?
    public var message: String

    public var description: String { path.map { "\($0): \(message)" } ?? message }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: Character) -> String {
        var text = self
        while text.last == suffix { text.removeLast() }
        return text
    }
}
