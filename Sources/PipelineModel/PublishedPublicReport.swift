/// A public report as the history pages list it: its year, authority, reference (as published,
/// `19 012 345`) and decision date; made from the run's figures or read from a partition's
/// `public_reports.csv`.
package struct PublishedPublicReport: Sendable, Equatable {
    /// The reporting year of the decision.
    package let year: ReportingYear
    /// The register code of the authority it is about.
    package let code: String
    /// `19 012 345`.
    package let reference: String
    /// The decision date.
    package let decisionDate: Day

    /// A report; see the properties.
    package init(year: ReportingYear, code: String, reference: String, decisionDate: Day) {
        self.year = year
        self.code = code
        self.reference = reference
        self.decisionDate = decisionDate
    }
}
