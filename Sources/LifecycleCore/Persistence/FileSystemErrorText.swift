import FoundationEssentials
import Glibc

/// One short line for a FileManager error. FoundationEssentials' errors print as
/// structure dumps ("CocoaError(code: …, userInfo: …)"); users need the system's reason.
enum FileSystemErrorText {
    static func describe(_ error: any Error) -> String {
        if let cocoa = error as? CocoaError, let posix = cocoa.userInfo["NSUnderlyingError"] as? POSIXError {
            return String(cString: strerror(posix.code.rawValue))
        }
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        return String(describing: error)
    }
}
