import Glibc

/// Everything the commands print for a reader goes through here, so that a failed write
/// (a full disk, a closed pipe, /dev/full) is an error instead of a silent, truncated
/// result with exit status 0. Scripts and CI trust the exit status.
enum StandardOutput {
    /// Writes the text as it is (add the newline yourself). On failure: one line on
    /// standard error, exit status 2.
    static func write(_ text: String) {
        var text = text
        // Native strings are contiguous UTF-8: no copy, and a large diff goes out in one write.
        text.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDOUT_FILENO, base + offset, buffer.count - offset)
                if written >= 0 {
                    offset += written
                    continue
                }
                switch errno {
                case EINTR: continue
                case EAGAIN: waitUntilWritable()  // a parent may hand us a non-blocking pipe
                default: fail(errno)
                }
            }
        }
    }

    static func writeLine(_ text: String) {
        write(text + "\n")
    }

    /// Anything written through C stdio (by a library, or `print`) is flushed at exit and
    /// a failure reported the same way; `_exit` because exit handlers must not call exit.
    static func checkAtExit() {
        atexit {
            if fflush(nil) != 0 { StandardOutput.fail(errno) }
        }
    }

    /// What a failed write leaves done, for the error line: `set` has saved by the time it
    /// prints, and says so rather than leave a script guessing whether the file changed.
    nonisolated(unsafe) static var alreadyDone: String?

    static func fail(_ code: Int32) -> Never {
        let done = alreadyDone.map { " (\($0))" } ?? ""
        printError("lifecycle: error: cannot write to standard output: \(String(cString: strerror(code)))\(done)")
        _exit(troubleExitCode.rawValue)
    }

    private static func waitUntilWritable() {
        var descriptor = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
        _ = poll(&descriptor, 1, -1)
    }
}
