package import Foundation
package import PipelineModel

/// What a successful run did: for the log line, the quality report and the tests.
package struct RunReport: Sendable {
    /// The inputs as read.
    package let inputs: [InputFileSummary]
    /// Rows and cases counted.
    package let counts: RunCounts
    /// The figures this run computed: none (no years) when it found the current publication
    /// up to date (``upToDateSince``).
    package let figures: AnnualFigures
    /// Where they were published (nothing was, on a dry run).
    package let outputDirectory: String
    /// Rejects by reason with examples, unknown authorities.
    package let quality: QualityReport
    /// Whether this was a dry run that published nothing.
    package let dryRun: Bool
    /// Set when the run found its sources unchanged and the current publication's files as its
    /// manifest lists them (``UpToDateCheck``): the start of the run that computed the
    /// publication, which this run left as it was without reading the exports' rows.
    /// ``figures`` is then empty, and ``counts`` and ``inputs`` are those the manifest records.
    package var upToDateSince: Date?
    /// The run's largest working values (the aggregated cases, the publication's plan and
    /// tables, the publisher and its list of files), held here only so that a caller about to
    /// end the process can keep them to the end: freed one allocation at a time they cost the
    /// end of the run work that the kernel does at once when the process exits. Nothing reads them.
    package var workingValues = HeldValues()
}

/// Values held and never read (``RunReport/workingValues``): Sendable unchecked, since no code
/// reads what it holds, on any thread.
package struct HeldValues: @unchecked Sendable {
    private let values: [Any]

    /// Holds `values`.
    init(_ values: Any...) { self.values = values }
}
