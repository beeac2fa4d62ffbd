/// What a file held when it was loaded, to notice that someone else (an editor, `git pull`,
/// a second explorer) changed it before we overwrite it. Kept in memory only, never
/// written anywhere, so the hash can change between versions.
public struct FileFingerprint: Sendable, Equatable {
    public var size: Int
    public var hash: UInt64

    public init(bytes: [UInt8]) {
        size = bytes.count
        hash = bytes.withUnsafeBytes(FileFingerprint.hash)
    }

    /// Eight bytes per step (multiply, xor-shift), then the tail byte by byte. Every save
    /// hashes the file on disk before replacing it; at one byte per step (FNV-1a) that was
    /// 1.5 ms of a 3 MB save, this is about a tenth of it. Change detection, not security.
    static func hash(_ buffer: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var state: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(buffer.count)
        let words = buffer.count / 8
        for word in 0..<words {
            let value = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: word * 8, as: UInt64.self))
            state = (state ^ value) &* multiplier
            state ^= state >> 29
        }
        for offset in (words * 8)..<buffer.count {
            state = (state ^ UInt64(buffer[offset])) &* multiplier
            state ^= state >> 29
        }
        return state
    }
}
