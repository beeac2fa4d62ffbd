import ArgumentParser
import Glibc
import LifecycleCore

extension LifecycleCommand {
    /// The program: parses, runs, and turns every way out into the documented exit
    /// statuses. ArgumentParser's own `main()` prints a usage error as four lines with
    /// exit status 64 and writes help with unchecked stdio; this keeps the README's
    /// promise of one line and status 2, and checks every write to standard output.
    public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        // A closed pipe (`lifecycle report F | head`) must be a write error with a message
        // and exit 2, not a silent death by SIGPIPE. The explorer writes to a terminal.
        signal(SIGPIPE, SIG_IGN)
        if let position = ArgumentBytes.firstNonUTF8() {
            // Swift would turn the bad bytes into U+FFFD and we would read or write a file
            // of another name: refuse instead.
            printError("lifecycle: error: argument \(position) is not valid UTF-8 (file names must be UTF-8); nothing was done")
            Glibc.exit(troubleExitCode.rawValue)
        }
        do {
            var command = try parseAsRoot(arguments)
            // The explorer's exit status (128 + signal after a hang-up) must survive a
            // screen that can no longer be written; its other output is checked as written.
            if !(command is OpensTheExplorer) { StandardOutput.checkAtExit() }
            try command.run()
        } catch {
            exit(after: error, arguments: arguments)
        }
        Glibc.exit(0)
    }

    private static func exit(after error: any Error, arguments: [String]) -> Never {
        // Our commands throw an ExitCode after saying what went wrong (or, for diff and
        // merge, as their result): nothing more to print.
        if let code = error as? ExitCode { Glibc.exit(code.rawValue) }
        let code = exitCode(for: error)
        if code == .success {
            // --help, --version, `help SUBCOMMAND`: the text is the program's output.
            StandardOutput.writeLine(fullMessage(for: error))
            Glibc.exit(0)
        }
        printError("lifecycle: error: \(UsageErrorText.oneLine(message(for: error)))")
        if code == .validationFailure {
            printError("see '\(UsageErrorText.helpCommand(for: arguments, subcommands: configuration.subcommands)) --help'")
        }
        Glibc.exit(troubleExitCode.rawValue)
    }
}

/// Shapes ArgumentParser's messages into the program's one-line error style.
enum UsageErrorText {
    /// One line, control characters made visible (arguments can hold anything), and a
    /// lower-case start like the program's other errors ("The value" -> "the value").
    static func oneLine(_ message: String) -> String {
        let line = TerminalSafeText.escaped(message.trimmingWhitespace())
        guard let first = line.first, first.isUppercase,
              let second = line.dropFirst().first, second.isLowercase else { return line }
        return first.lowercased() + line.dropFirst()
    }

    /// `lifecycle SUBCOMMAND` for the first argument that names a subcommand, else
    /// `lifecycle`: the help page that explains the arguments just rejected.
    static func helpCommand(for arguments: [String], subcommands: [ParsableCommand.Type]) -> String {
        let names = Set(subcommands.map { $0.configuration.commandName ?? "" })
        for argument in arguments {
            if argument == "--" { break }
            if names.contains(argument) { return "lifecycle \(argument)" }
        }
        return "lifecycle"
    }
}
