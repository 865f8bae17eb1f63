import Aggregation
import PipelineModel

extension YearFigures {
    /// A year's figures whose national and service-area rows are those of `authorities`, summed
    /// as the pipeline sums them (``FigureBuilder/national(_:summing:)``): fixtures stay
    /// consistent without repeating the sums by hand.
    package static func summing(year: ReportingYear, authorities: [AuthorityYearFigures], types: [TypeYearFigures],
                               publicReports: [PublicReportCase] = []) -> YearFigures {
        let national = FigureBuilder.national(year, summing: authorities.map(\.counts))
        return YearFigures(year: year, authorities: authorities, types: types, national: national,
                           areas: FigureBuilder.areas(of: national), publicReports: publicReports)
    }
}
