package import PipelineModel

/// What a successful run did: for the log line, the quality report and the tests.
package struct RunReport: Sendable {
    /// The inputs as read.
    package let inputs: [InputFileSummary]
    /// Rows and cases counted.
    package let counts: RunCounts
    /// The published figures.
    package let figures: AnnualFigures
    /// Where they were published (nothing was, on a dry run).
    package let outputDirectory: String
    /// Rejects by reason with examples, unknown authorities.
    package let quality: QualityReport
    /// Whether this was a dry run that published nothing.
    package let dryRun: Bool
}
