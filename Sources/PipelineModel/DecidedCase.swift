/// One decision behind an authority's figures of a year: a row of `decisions.csv` without the
/// year and authority, which the ``AuthorityYearFigures`` holding it gives.
///
/// No free text, and a few bytes: a run keeps one per decided case (outputs.md, statistics.md).
package struct DecidedCase: Sendable, Equatable {
    /// The reference's eight digits as a number (``CaseReference`` writes it).
    package let reference: UInt32
    /// The decision date (in the year it is counted in).
    package let decisionDate: Day
    /// The case's service area.
    package let area: ServiceArea
    /// The classified outcome.
    package let outcome: Outcome
    /// The authority had already offered a satisfactory remedy (meaningful on upheld only:
    /// `decisions.csv` leaves the cell empty on other outcomes).
    package let satisfactoryRemedy: Bool
    /// The Ombudsman issued a public report.
    package let publicReport: Bool
    /// Upheld with a service-improvement remedy (statistics.md, "Remedies and service improvements").
    package let serviceImprovement: Bool

    /// A decided case; see the properties.
    package init(reference: UInt32, decisionDate: Day, area: ServiceArea, outcome: Outcome,
                satisfactoryRemedy: Bool, publicReport: Bool, serviceImprovement: Bool) {
        self.reference = reference
        self.decisionDate = decisionDate
        self.area = area
        self.outcome = outcome
        self.satisfactoryRemedy = satisfactoryRemedy
        self.publicReport = publicReport
        self.serviceImprovement = serviceImprovement
    }
}
