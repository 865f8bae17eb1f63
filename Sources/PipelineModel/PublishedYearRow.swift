/// One authority's headline figures in one published year, as the publication's tables hold
/// them: what an authority's history page charts over every published year.
///
/// Made from the run's figures for the years it computed, and read from the partition's tables
/// for the years it carried over, so that those appear exactly as they were published
/// (`PublishedTables.history(of:computed:currentFolder:)`).
package struct PublishedYearRow: Sendable, Equatable {
    /// The reporting year.
    package var year: ReportingYear
    /// The register code.
    package var code: String
    /// The register's official name, as published that year.
    package var name: String
    /// The comparison type's name (`Unitary`), empty for other kinds.
    package var comparisonType: String
    /// Whether the authority was current in the year.
    package var current: Bool
    /// Detailed investigations.
    package var investigations: Int
    /// Upheld decisions.
    package var upheld: Int
    /// Uphold rate, percent; nil for no value.
    package var upholdRate: Int?
    /// Compliance rate, percent.
    package var complianceRate: Int?
    /// Satisfactory remedy rate, percent.
    package var satisfactoryRemedyRate: Int?
    /// Upheld decisions per 100,000 residents, in tenths.
    package var upheldPer100kTenths: Int?
    /// The type's average uphold rate; nil when there is none (no type, not current, nothing to average).
    package var averageUpholdRate: Int?
    /// The type's average compliance rate.
    package var averageComplianceRate: Int?
    /// The type's average satisfactory remedy rate.
    package var averageSatisfactoryRemedyRate: Int?
    /// The type's average upheld per 100,000, in tenths.
    package var averageUpheldPer100kTenths: Int?

    /// A row; see the properties.
    package init(year: ReportingYear, code: String, name: String, comparisonType: String, current: Bool,
                investigations: Int, upheld: Int, upholdRate: Int?, complianceRate: Int?,
                satisfactoryRemedyRate: Int?, upheldPer100kTenths: Int?, averageUpholdRate: Int? = nil,
                averageComplianceRate: Int? = nil, averageSatisfactoryRemedyRate: Int? = nil,
                averageUpheldPer100kTenths: Int? = nil) {
        self.year = year
        self.code = code
        self.name = name
        self.comparisonType = comparisonType
        self.current = current
        self.investigations = investigations
        self.upheld = upheld
        self.upholdRate = upholdRate
        self.complianceRate = complianceRate
        self.satisfactoryRemedyRate = satisfactoryRemedyRate
        self.upheldPer100kTenths = upheldPer100kTenths
        self.averageUpholdRate = averageUpholdRate
        self.averageComplianceRate = averageComplianceRate
        self.averageSatisfactoryRemedyRate = averageSatisfactoryRemedyRate
        self.averageUpheldPer100kTenths = averageUpheldPer100kTenths
    }
}
