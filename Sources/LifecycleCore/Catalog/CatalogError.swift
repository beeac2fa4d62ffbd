/// One problem in a catalog file.
public struct CatalogProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var message: String

    public var description: String { "\(file): \(message)" }
}

/// Why a catalog could not be loaded: every problem found, not just the first.
public struct CatalogError: Error, Sendable, CustomStringConvertible {
    public var problems: [CatalogProblem]

    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
