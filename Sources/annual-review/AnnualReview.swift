import ArgumentParser

/// The `annual-review` command: arguments, logging and exit codes; the work is in the library
/// modules, which the tests import.
@main
struct AnnualReview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual-review",
        abstract: "Produce the Ombudsman's yearly authority statistics from decisions exports.",
        discussion: ExitCode.documentation,
        version: "0.1.0",
        subcommands: [Run.self, Validate.self],
        defaultSubcommand: nil)
}
