import ArgumentParser
import Foundation
import Logging
import Operations
import PipelineConfig
import PipelineModel
import PipelineRunner

extension AnnualReview {
    /// `annual-review run`: reads exports, publishes the tables.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read decisions exports and publish the yearly authority tables.",
            usage: """
            annual-review run <pipeline.yaml> [<options>] [<input> ...]
            annual-review run --register <file> --out <dir> [<options>] <input> ...
            """,
            discussion: """
            With a pipeline definition (a .yaml file, such as pipelines/nightly.yaml) as the first \
            argument, every setting comes from it; options given here override it, and INPUTs given \
            after it replace its inputs. Paths in the definition are relative to its folder.

            Reads each INPUT (gzip or plain CSV; - for standard input) in order, rows of later \
            files superseding earlier rows of the same case by the duplicate rule, and writes \
            authority_year.csv, type_year.csv, comparison.csv, rejects.csv and manifest.json into \
            the output folder, published atomically (the previous outputs stay until the new ones \
            are complete).

            \(ExitCode.documentation)
            """)

        @OptionGroup var options: RunOptions

        @Flag(name: .customLong("dry-run"), help: "Do everything except publication: the output folder is left as it is.")
        var dryRun = false

        @Flag(name: .customLong("quality-report"), help: "Print the quality report (rejects by reason with examples, unknown authorities) on standard output.")
        var qualityReport = false

        @Flag(help: "Read the exports and compute every table even when the exports (byte for byte), configuration and program are those of the current publication, which a run otherwise publishes again as it is.")
        var recompute = false

        func run() async throws {
            try await RunCommand(options: options, dryRun: dryRun, qualityReport: qualityReport, recompute: recompute)
                .execute()
        }
    }
}
