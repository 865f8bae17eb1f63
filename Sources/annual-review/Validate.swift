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
            rows and duplicates go to standard output. Without --out (and a definition naming one) \
            the run stages its work in a temporary folder.
            """)

        @Argument(parsing: .allUnrecognized, help: "The arguments of `run`.")
        var arguments: [String] = []

        func run() async throws {
            var forwarded = arguments + ["--dry-run"]
            let namesOutput = arguments.contains("--out")
                || arguments.contains { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            if !namesOutput {
                forwarded += ["--out", FileManager.default.temporaryDirectory
                    .appendingPathComponent("annual-review-validate-\(getpid())/out").path]
            }
            let command = try Run.parse(forwarded)
            try await command.run()
        }
    }
}
