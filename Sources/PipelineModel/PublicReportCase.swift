/// One row of `public_reports.csv`: a case, as its winning row has it, on which the Ombudsman
/// issued a public report.
package struct PublicReportCase: Sendable, Equatable {
    /// The reporting year of the decision.
    package let year: ReportingYear
    /// The authority the case is about.
    package let authority: Authority
    /// The reference's eight digits as a number.
    package let reference: UInt32
    /// The decision date.
    package let decisionDate: Day
    /// The case's service area.
    package let area: ServiceArea
    /// The row's free texts.
    package let text: PublicReportText

    /// A row; see the properties.
    package init(year: ReportingYear, authority: Authority, reference: UInt32, decisionDate: Day, area: ServiceArea,
                text: PublicReportText) {
        self.year = year
        self.authority = authority
        self.reference = reference
        self.decisionDate = decisionDate
        self.area = area
        self.text = text
    }

    /// The reference as outputs.md writes it: `19 012 345`.
    package var referenceText: String { CaseReference.text(reference) }
}
