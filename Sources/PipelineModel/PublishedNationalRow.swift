/// England's figures in one published year, as `national_year.csv` holds them: what the
/// national history page (`report/england.html`) compares year by year.
///
/// Read back from the published table rather than taken from the run's figures, so that years
/// carried over from an earlier publication appear exactly as they were published.
public struct PublishedNationalRow: Sendable, Equatable {
    /// The reporting year.
    public var year: ReportingYear
    /// Complaints and enquiries received.
    public var receivedTotal: Int
    /// Decisions made.
    public var decisionsTotal: Int
    /// Detailed investigations.
    public var investigations: Int
    /// Upheld decisions.
    public var upheld: Int
    /// Uphold rate, percent; nil for no value.
    public var upholdRate: Int?
    /// Satisfactory remedies.
    public var satisfactoryRemedies: Int
    /// Satisfactory remedy rate, percent.
    public var satisfactoryRemedyRate: Int?
    /// Compliance outcomes.
    public var complianceOutcomes: Int
    /// Compliance rate, percent.
    public var complianceRate: Int?
    /// Late compliance rate, percent.
    public var lateComplianceRate: Int?
    /// Decisions with a public report.
    public var publicReports: Int

    /// A row; see the properties.
    public init(year: ReportingYear, receivedTotal: Int, decisionsTotal: Int, investigations: Int, upheld: Int,
                upholdRate: Int?, satisfactoryRemedies: Int, satisfactoryRemedyRate: Int?, complianceOutcomes: Int,
                complianceRate: Int?, lateComplianceRate: Int?, publicReports: Int) {
        self.year = year
        self.receivedTotal = receivedTotal
        self.decisionsTotal = decisionsTotal
        self.investigations = investigations
        self.upheld = upheld
        self.upholdRate = upholdRate
        self.satisfactoryRemedies = satisfactoryRemedies
        self.satisfactoryRemedyRate = satisfactoryRemedyRate
        self.complianceOutcomes = complianceOutcomes
        self.complianceRate = complianceRate
        self.lateComplianceRate = lateComplianceRate
        self.publicReports = publicReports
    }
}
