/// Whether and how a piece of evidence is opened with the system opener (`xdg-open`,
/// `open`). Evidence comes from a teammate's file, so the reference is passed as one
/// argument to the opener itself, never through a shell, and only what is safe is opened:
/// http(s) links (a GitHub ticket is one) and paths that exist in the repository.
public enum EvidenceOpening {
    public enum Decision: Equatable, Sendable {
        /// The program and its arguments, for posix_spawnp: no shell.
        case run([String])
        /// Why it is not opened, for the footer.
        case refuse(String)
    }

    /// `repositoryRoot`: the folder paths are relative to (the git repository holding the
    /// assessment, else its folder). `environment`: to see whether there is a display.
    /// `realPath`: the path with every symbolic link resolved (nil when it does not exist),
    /// so a link inside the repository pointing out of it is not opened.
    public static func decide(_ evidence: Evidence, repositoryRoot: String, environment: [String: String], onMacOS: Bool,
                              realPath: (String) -> String?) -> Decision {
        let opener = onMacOS ? "open" : "xdg-open"
        if !onMacOS, (environment["DISPLAY"] ?? "").isEmpty, (environment["WAYLAND_DISPLAY"] ?? "").isEmpty {
            return .refuse("no display to open evidence on (DISPLAY is not set); the reference is \(TerminalSafeText.escaped(evidence.ref))")
        }
        switch evidence.kind {
        case .url, .ticket:
            guard let link = evidence.webLink else {
                return .refuse("\(TerminalSafeText.escaped(evidence.ref)) is a ticket key with no address known here")
            }
            // Checked again: a file can claim any kind.
            guard HTTPURL.isValid(link) else { return .refuse("not an http(s) link: \(TerminalSafeText.escaped(evidence.ref))") }
            return .run([opener, link])
        case .path:
            guard (try? Evidence.kind(of: evidence.ref)) == .path else { return .refuse("not a repository path: \(TerminalSafeText.escaped(evidence.ref))") }
            let path = repositoryRoot + "/" + Evidence.splitLine(evidence.ref).path
            guard let real = realPath(path) else { return .refuse("\(TerminalSafeText.escaped(evidence.ref)) does not exist in \(TerminalSafeText.escaped(repositoryRoot))") }
            let root = realPath(repositoryRoot) ?? repositoryRoot
            guard real.hasPrefix(root == "/" ? "/" : root + "/") else {
                return .refuse("\(TerminalSafeText.escaped(evidence.ref)) leads out of the repository (a symbolic link); not opened")
            }
            // Absolute, so it can never be read as one of the opener's options.
            return .run([opener, path])
        }
    }
}
