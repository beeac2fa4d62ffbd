import Glibc

/// Runs a command through /bin/sh in the foreground, on our terminal, and waits for it.
/// posix_spawn rather than Foundation's Process, which needs full Foundation (and ICU).
enum ShellCommand {
    /// `sh -c SCRIPT NAME ARGUMENTS...`; returns the exit status, 128 + the signal number
    /// when the child was killed, or -1 when it could not be started.
    static func run(_ script: String, name: String, arguments: [String]) -> Int32 {
        let argv = ["/bin/sh", "-c", script, name] + arguments
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var child: pid_t = 0
        let started = posix_spawn(&child, "/bin/sh", nil, nil, &cArguments, environ)
        guard started == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 {
            guard errno == EINTR else { return -1 }
        }
        let signal = status & 0x7f
        return signal == 0 ? (status >> 8) & 0xff : 128 + signal
    }
}
