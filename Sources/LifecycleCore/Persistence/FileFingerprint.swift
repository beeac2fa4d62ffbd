/// What a file held when it was loaded, to notice that someone else (an editor, `git pull`,
/// a second explorer) changed it before we overwrite it.
public struct FileFingerprint: Sendable, Equatable {
    public var size: Int
    public var hash: UInt64

    public init(bytes: [UInt8]) {
        size = bytes.count
        hash = FNV1a.hash(bytes)
    }
}
