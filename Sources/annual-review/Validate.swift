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
            // A folder of our own from mkdtemp, never a predictable name in the shared
            // temporary folder (where another user could have planted a link).
            var scratch: String?
            if !namesOutput {
                var template = Array((FileManager.default.temporaryDirectory.path + "/annual-review-validate-XXXXXX").utf8CString)
                guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
                    throw ValidationError("cannot create a temporary folder: \(String(cString: strerror(errno)))")
                }
                scratch = String(cString: made)
                forwarded += ["--out", scratch! + "/out"]
            }
            defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
            let command = try Run.parse(forwarded)
            try await command.run()
        }
    }
}
