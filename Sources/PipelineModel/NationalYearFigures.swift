/// One row of `national_year.csv`: England in one reporting year, every authority's counts
/// summed (current or not, of any kind), as the Ombudsman's annual Review of Local Government
/// Complaints reports them.
package struct NationalYearFigures: Sendable, Equatable {
    /// The reporting year.
    package let year: ReportingYear
    /// The sum of every authority's counts in the year.
    package let counts: AuthorityYearCounts
    /// Uphold rate, integer percent; nil with no investigations.
    package let upholdRate: Int?
    /// Satisfactory remedy rate, integer percent of upheld; nil with none upheld.
    package let satisfactoryRemedyRate: Int?
    /// Compliance rate, integer percent; nil with no compliance outcomes.
    package let complianceRate: Int?
    /// `Complied late` as an integer percent of compliance outcomes; nil with none.
    package let lateComplianceRate: Int?

    /// A row; see the properties.
    package init(year: ReportingYear, counts: AuthorityYearCounts, upholdRate: Int?, satisfactoryRemedyRate: Int?,
                complianceRate: Int?, lateComplianceRate: Int?) {
        self.year = year
        self.counts = counts
        self.upholdRate = upholdRate
        self.satisfactoryRemedyRate = satisfactoryRemedyRate
        self.complianceRate = complianceRate
        self.lateComplianceRate = lateComplianceRate
    }
}
