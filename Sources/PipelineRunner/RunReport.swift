import PipelineModel

/// What a successful run did: for the log line, the quality report and the tests.
public struct RunReport: Sendable {
    /// The inputs as read.
    public let inputs: [InputFileSummary]
    /// Rows and cases counted.
    public let counts: RunCounts
    /// The published figures.
    public let figures: AnnualFigures
    /// Where they were published.
    public let outputDirectory: String
}
