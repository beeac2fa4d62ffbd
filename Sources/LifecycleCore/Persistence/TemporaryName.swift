import Glibc

/// Runs mkstemp(3)-style calls, which fill the `XXXXXX` of a path template in place, and
/// returns the path they made.
enum TemporaryName {
    /// `create` gets the template as a C string; nil when it fails (errno says why).
    static func make(_ template: String, _ create: (UnsafeMutablePointer<CChar>) -> Bool) -> String? {
        var buffer = Array(template.utf8CString)
        guard buffer.withUnsafeMutableBufferPointer({ create($0.baseAddress!) }) else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
