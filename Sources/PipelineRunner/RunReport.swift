import PipelineModel

/// What a successful run did: for the log line, the quality report and the tests.
public struct RunReport: Sendable {
    /// The inputs as read.
    public let inputs: [InputFileSummary]
    /// Rows and cases counted.
    public let counts: RunCounts
    /// The published figures.
    public let figures: AnnualFigures
    /// Where they were published (nothing was, on a dry run).
    public let outputDirectory: String
    /// Rejects by reason with examples, unknown authorities.
    public let quality: QualityReport
    /// Whether this was a dry run that published nothing.
    public let dryRun: Bool
}
