import ArgumentParser
import PipelineConfig
import PipelineModel
import PipelineRunner

/// The `annual-review` command: arguments, logging and exit codes; the work is in the library
/// modules, which the tests import.
@main
struct AnnualReview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual-review",
        abstract: "Produce the Ombudsman's yearly authority statistics from decisions exports.",
        discussion: ExitCode.documentation,
        version: "\(Installation.build.version) (commit \(Installation.build.commit))",
        subcommands: [Run.self, Validate.self, Diff.self, Letters.self, Explain.self],
        defaultSubcommand: nil)
}
