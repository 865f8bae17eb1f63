/// One row of `area_year.csv`: England's complaints and decisions in one service area and year.
package struct AreaYearFigures: Sendable, Equatable {
    /// The reporting year.
    package let year: ReportingYear
    /// The service area.
    package let area: ServiceArea
    /// Complaints and enquiries received in the area (by received date).
    package let received: Int
    /// Decisions about cases in the area (by decision date).
    package let decisions: AreaDecisionCounts
    /// Upheld as an integer percent of the area's investigations; nil with none.
    package let upholdRate: Int?
    /// The area's investigations as an integer percent of the year's (all areas); nil when the
    /// year has none.
    package let shareOfInvestigations: Int?

    /// A row; see the properties.
    package init(year: ReportingYear, area: ServiceArea, received: Int, decisions: AreaDecisionCounts,
                upholdRate: Int?, shareOfInvestigations: Int?) {
        self.year = year
        self.area = area
        self.received = received
        self.decisions = decisions
        self.upholdRate = upholdRate
        self.shareOfInvestigations = shareOfInvestigations
    }
}
