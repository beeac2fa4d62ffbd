import Glibc

/// glibc's `wcwidth` (what curses advances by), run under a UTF-8 locale on this thread
/// only, so tests running beside it keep theirs.
enum CLibrary {
    static let wcwidth: (@convention(c) (wchar_t) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "wcwidth") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (wchar_t) -> Int32).self)
    }()

    /// Runs `body` with glibc's wcwidth under C.UTF-8; nil when either is missing.
    static func withUTF8Wcwidth<T>(_ body: (@escaping (UInt32) -> Int) -> T) -> T? {
        guard let wcwidth, let locale = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil) else { return nil }
        let previous = uselocale(locale)
        defer { uselocale(previous); freelocale(locale) }
        return body { Int(wcwidth(wchar_t(bitPattern: $0))) }
    }
}
