/// One row of `national_year.csv`: England in one reporting year, every authority's counts
/// summed (current or not, of any kind), as the Ombudsman's annual Review of Local Government
/// Complaints reports them.
public struct NationalYearFigures: Sendable, Equatable {
    /// The reporting year.
    public let year: ReportingYear
    /// The sum of every authority's counts in the year.
    public let counts: AuthorityYearCounts
    /// Uphold rate, integer percent; nil with no investigations.
    public let upholdRate: Int?
    /// Satisfactory remedy rate, integer percent of upheld; nil with none upheld.
    public let satisfactoryRemedyRate: Int?
    /// Compliance rate, integer percent; nil with no compliance outcomes.
    public let complianceRate: Int?
    /// `Complied late` as an integer percent of compliance outcomes; nil with none.
    public let lateComplianceRate: Int?

    /// A row; see the properties.
    public init(year: ReportingYear, counts: AuthorityYearCounts, upholdRate: Int?, satisfactoryRemedyRate: Int?,
                complianceRate: Int?, lateComplianceRate: Int?) {
        self.year = year
        self.counts = counts
        self.upholdRate = upholdRate
        self.satisfactoryRemedyRate = satisfactoryRemedyRate
        self.complianceRate = complianceRate
        self.lateComplianceRate = lateComplianceRate
    }
}
