import Glibc
import LifecycleCore

/// Opens evidence with the system opener: the decision is `EvidenceOpening`'s; this starts
/// the program with posix_spawnp and an argument list (no shell, so nothing in a
/// reference is ever interpreted), detached from the terminal, its output discarded so
/// it cannot draw over the explorer.
enum EvidenceLauncher {
    static func open(_ evidence: Evidence, assessmentPath: String) -> String {
        var environment: [String: String] = [:]
        for key in ["DISPLAY", "WAYLAND_DISPLAY"] { if let value = getenv(key) { environment[key] = String(cString: value) } }
        #if os(macOS)
        let onMacOS = true
        #else
        let onMacOS = false
        #endif
        let decision = EvidenceOpening.decide(evidence, repositoryRoot: RepositoryRoot.of(assessmentPath), environment: environment,
                                              onMacOS: onMacOS, realPath: RepositoryRoot.resolved)
        switch decision {
        case .refuse(let reason): return reason
        case .run(let arguments):
            return spawnDetached(arguments) ? "opening \(TerminalSafeText.escaped(evidence.title))" : "could not start \(arguments[0])"
        }
    }

    /// Starts `arguments[0]` (looked up in PATH) with the rest as its arguments, in a new
    /// session, with /dev/null for input and output. Reaped by a thread that waits for it.
    @discardableResult
    static func spawnDetached(_ arguments: [String]) -> Bool {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in [0, 1, 2] {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A session of its own, away from the explorer's terminal and its signals. glibc's
        // POSIX_SPAWN_SETSID is not visible to Swift; its value is 0x80.
        #if os(Linux)
        posix_spawnattr_setflags(&attributes, Int16(0x80))
        #endif
        var cArguments = arguments.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var child: pid_t = 0
        guard posix_spawnp(&child, arguments[0], &actions, &attributes, &cArguments, environ) == 0 else { return false }
        let pid = child
        var thread = pthread_t()
        // A waiting thread, so the opener never lingers as a zombie and the explorer never waits.
        let started = pthread_create(&thread, nil, { argument in
            var status: Int32 = 0
            let pid = pid_t(Int(bitPattern: argument))
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            return nil
        }, UnsafeMutableRawPointer(bitPattern: Int(pid)))
        if started == 0 { pthread_detach(thread) }
        return true
    }
}
