import ArgumentParser
import Foundation

extension AnnualReview {
    /// `annual-review validate`: a run that publishes nothing and prints the quality report.
    struct Validate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read and check everything, print the quality report, publish nothing.",
            discussion: """
            Takes the same arguments as `run` (a pipeline definition, or --register ... INPUT...) and \
            exits as a run would (0, 65, 66, 78, ...), but writes nothing to the output folder: rows, \
            rejects by reason with examples, unknown authority names with their counts, re-encoded \
            rows and duplicates go to standard output. Without an output folder (--out, or the \
            definition's) the run stages its work in a temporary folder.
            """)

        @OptionGroup var options: RunOptions

        func run() async throws {
            try await RunCommand(options: options, dryRun: true, qualityReport: true, stagesWithoutOutput: true).execute()
        }
    }
}
