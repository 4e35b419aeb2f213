import ArgumentParser
import CJMKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// What `cjm` does with its arguments before and after ArgumentParser: starts the render
/// worker, answers an unknown command with "did you mean", and ends help with examples.
enum CommandLineEntry {
    /// Runs `cjm arguments` (without the program name) and exits.
    static func run(_ arguments: [String]) -> Never {
        // The worker is an internal protocol, not a command: kept out of help, completions,
        // the man page and "did you mean".
        if arguments.first == RenderWorkerCommand.name {
            RenderWorkerCommand.main(Array(arguments.dropFirst()))
            CJM.exit()
        }
        if let first = arguments.first, !first.hasPrefix("-"), !commandNames.contains(first) {
            exit(with: ValidationError(unknownCommand(first)))
        }
        do {
            var command = try CJM.parseAsRoot(arguments)
            try command.run()
        } catch {
            if let help = helpWithExamples(for: error) {
                print(help)
                CJM.exit()
            }
            exit(with: error)
        }
        CJM.exit()
    }

    /// Ends the process for `error` as ArgumentParser would, but with a bad command line
    /// worded like cjm's own errors: `cjm: error: unknown option '--bogus'` and the usage hint.
    static func exit(with error: Error) -> Never {
        let code = CJM.exitCode(for: error)
        let message = CJM.fullMessage(for: error)
        guard code != .success, !message.isEmpty else { CJM.exit(withError: error) }
        Console().report(styledError(message))
        Glibc.exit(code.rawValue)
    }

    /// ArgumentParser's `Error: Unknown option '--bogus'` and what follows it, as
    /// `cjm: error: unknown option '--bogus'` and the same usage lines.
    static func styledError(_ message: String) -> String {
        var lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard var first = lines.first, first.hasPrefix("Error: ") else { return message }
        first.removeFirst("Error: ".count)
        // "Unknown option" → "unknown option", but an all-capital word ("URL") stays.
        if let initial = first.first, initial.isUppercase, first.dropFirst().first?.isLowercase ?? false {
            first = initial.lowercased() + first.dropFirst()
        }
        lines[0] = "cjm: error: " + first
        return lines.joined(separator: "\n")
    }

    /// The subcommands' names, and ArgumentParser's own `help`.
    static var commandNames: [String] {
        CJM.configuration.subcommands.map { $0._commandName } + ["help"]
    }

    /// "unknown command 'rendr' (commands: check, render, help); did you mean 'render'?", or,
    /// for what looks like a journey, how to check or draw it.
    static func unknownCommand(_ word: String) -> String {
        if word.hasSuffix(".cjm") || word.contains("/") {
            return "'\(word)' is not a command; to check it: cjm check \(word); to draw it: cjm render \(word)"
        }
        var message = "unknown command '\(word)' (commands: \(commandNames.joined(separator: ", ")))"
        if let guess = NameSuggestion.closest(to: word, among: commandNames) { message += "; did you mean '\(guess)'?" }
        return message
    }

    /// The help ArgumentParser would print for `error`, with the examples of the command it
    /// is about appended; nil when `error` is not a request for help of such a command.
    static func helpWithExamples(for error: Error) -> String? {
        guard CJM.exitCode(for: error) == .success else { return nil }
        let message = CJM.fullMessage(for: error)
        let commands: [ParsableCommand.Type] = [CJM.self] + CJM.configuration.subcommands
        for command in commands where CJM.helpMessage(for: command) == message {
            guard let documented = command as? CommandExamples.Type else { return nil }
            var help = Substring(message)
            while help.last == "\n" { help.removeLast() }
            return help + "\n\n" + documented.examplesSection
        }
        return nil
    }
}
