import Glibc

/// The command line as the bytes the shell passed, before Swift decodes it as UTF-8.
enum ArgumentBytes {
    /// The 1-based position of the first argument that is not valid UTF-8, if any.
    static func firstNonUTF8() -> Int? {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            var decoder = UTF8()
            var iterator = bytes.makeIterator()
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue: continue
                case .emptyInput: break decoding
                case .error: return index
                }
            }
        }
        return nil
    }
}
