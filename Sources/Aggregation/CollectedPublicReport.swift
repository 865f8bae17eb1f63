import PipelineModel

/// A case whose winning row has a public report, as ``CaseCollector`` keeps it: what
/// ``FigureBuilder`` turns into a row of `public_reports.csv`.
public struct CollectedPublicReport: Sendable, Equatable {
    /// The reference's eight digits as a number.
    public let reference: UInt32
    /// The winning row's contribution (authority, decision year, service area).
    public let contribution: CaseContribution
    /// The decision date of the winning row.
    public let decided: Day
    /// The winning row's texts.
    public let text: PublicReportText

    /// A collected report; see the properties.
    public init(reference: UInt32, contribution: CaseContribution, decided: Day, text: PublicReportText) {
        self.reference = reference
        self.contribution = contribution
        self.decided = decided
        self.text = text
    }
}
