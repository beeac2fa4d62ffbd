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
        let decision = EvidenceOpening.decide(evidence, repositoryRoot: repositoryRoot(of: assessmentPath), environment: environment,
                                              onMacOS: onMacOS, realPath: resolved)
        switch decision {
        case .refuse(let reason): return reason
        case .run(let arguments):
            return spawnDetached(arguments) ? "opening \(TerminalSafeText.escaped(evidence.title))" : "could not start \(arguments[0])"
        }
    }

    /// The git repository holding the file (the nearest folder with `.git`), else its folder.
    static func repositoryRoot(of path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : (currentDirectory() + "/" + path)
        var folder = String(absolute[..<(absolute.lastIndex(of: "/") ?? absolute.startIndex)])
        let start = folder.isEmpty ? "/" : folder
        while !folder.isEmpty {
            if access(folder + "/.git", F_OK) == 0 { return folder }
            folder = String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)])
        }
        return start
    }

    /// realpath(3): every symbolic link followed; nil when the path does not exist.
    static func resolved(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
    }

    private static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
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
