/// England's figures in one published year, as `national_year.csv` holds them: what the
/// national history page (`report/england.html`) compares year by year.
///
/// Made from the run's figures for the years it computed, and read from the partition's table
/// for the years it carried over, so that those appear exactly as they were published
/// (`PublishedTables.history(of:computed:currentFolder:)`).
package struct PublishedNationalRow: Sendable, Equatable {
    /// The reporting year.
    package var year: ReportingYear
    /// Complaints and enquiries received.
    package var receivedTotal: Int
    /// Decisions made.
    package var decisionsTotal: Int
    /// Detailed investigations.
    package var investigations: Int
    /// Upheld decisions.
    package var upheld: Int
    /// Uphold rate, percent; nil for no value.
    package var upholdRate: Int?
    /// Satisfactory remedies.
    package var satisfactoryRemedies: Int
    /// Satisfactory remedy rate, percent.
    package var satisfactoryRemedyRate: Int?
    /// Compliance outcomes.
    package var complianceOutcomes: Int
    /// Compliance rate, percent.
    package var complianceRate: Int?
    /// Late compliance rate, percent.
    package var lateComplianceRate: Int?
    /// Decisions with a public report.
    package var publicReports: Int

    /// A row; see the properties.
    package init(year: ReportingYear, receivedTotal: Int, decisionsTotal: Int, investigations: Int, upheld: Int,
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
