/// What reading a pack file found: the pack when it is usable, every error (the pack is
/// refused) and every warning (the pack is used, and the warning shown).
public struct PackReading: Sendable {
    public var pack: Pack?
    public var errors: [ValidationProblem]
    public var warnings: [ValidationProblem]

    public var isValid: Bool { pack != nil && errors.isEmpty }
}

/// Where pack files live and what they are called.
public enum PackFiles {
    /// `content/NAME.pack.json` for built-in packs; `packs/ID.json` in a workspace.
    public static let suffix = ".pack.json"
}
