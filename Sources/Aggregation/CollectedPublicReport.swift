package import PipelineModel

/// A case whose winning row has a public report, as ``CaseCollector`` keeps it: what
/// ``FigureBuilder`` turns into a row of `public_reports.csv`.
package struct CollectedPublicReport: Sendable, Equatable {
    /// The reference's eight digits as a number.
    package let reference: UInt32
    /// The winning row's contribution (authority, decision year, service area).
    package let contribution: CaseContribution
    /// The decision date of the winning row.
    package let decided: Day
    /// The winning row's texts.
    package let text: PublicReportText

    /// A collected report; see the properties.
    package init(reference: UInt32, contribution: CaseContribution, decided: Day, text: PublicReportText) {
        self.reference = reference
        self.contribution = contribution
        self.decided = decided
        self.text = text
    }
}
