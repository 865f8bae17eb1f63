package import PipelineModel

/// What a successful run did: for the log line, the quality report and the tests.
package struct RunReport: Sendable {
    /// The inputs as read.
    package let inputs: [InputFileSummary]
    /// Rows and cases counted.
    package let counts: RunCounts
    /// The figures this run computed: none (no years) when it published the current
    /// publication again because its sources had not changed (``republished``).
    package let figures: AnnualFigures
    /// Where they were published (nothing was, on a dry run).
    package let outputDirectory: String
    /// Rejects by reason with examples, unknown authorities.
    package let quality: QualityReport
    /// Whether this was a dry run that published nothing.
    package let dryRun: Bool
    /// Whether the run found its sources unchanged and published the current publication again
    /// without reading the exports' rows (``Republication``): ``figures`` is then empty, and
    /// ``quality`` holds only what the manifest records.
    package var republished = false
}
