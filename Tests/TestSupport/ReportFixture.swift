import PipelineModel
import Rendering

/// The HTML report of some figures, rendered as a run renders it, for tests that look at its
/// pages or check them with real tools.
package enum ReportFixture {
    /// Every file of the report of `figures`: each year's pages and style sheet, then the history
    /// pages built from the rows the published tables would hold, England's history page and
    /// the whole-publication pages' style sheet.
    package static func artefacts(_ figures: AnnualFigures, templates: RenderingTemplates) -> [Artefact] {
        figures.years.flatMap { ReportWriter.yearPages($0, method: figures.method, templates: templates) }
            + ReportWriter.historyPages(publishedRows(figures), method: figures.method)
            + [ReportWriter.nationalHistoryPage(publishedNationalRows(figures)), ReportWriter.styleSheet(of: nil, templates: templates)]
    }

    /// England's rows of `figures` as national_year.csv holds them.
    package static func publishedNationalRows(_ figures: AnnualFigures) -> [PublishedNationalRow] {
        figures.years.map { year in
            let n = year.national, c = n.counts
            return PublishedNationalRow(
                year: year.year, receivedTotal: c.receivedTotal, decisionsTotal: c.decisionsTotal,
                investigations: c.investigations, upheld: c.upheld, upholdRate: n.upholdRate,
                satisfactoryRemedies: c.satisfactoryRemedies, satisfactoryRemedyRate: n.satisfactoryRemedyRate,
                complianceOutcomes: c.complianceOutcomes, complianceRate: n.complianceRate,
                lateComplianceRate: n.lateComplianceRate, publicReports: c.publicReports)
        }
    }

    /// The rows of `figures` as the published tables hold them (what the runner reads back): a
    /// row's averages are its comparison type's in the year, none when it is not current or has
    /// no type (comparison.csv's rule).
    package static func publishedRows(_ figures: AnnualFigures) -> [PublishedYearRow] {
        figures.years.flatMap { year in
            year.authorities.map { row in
                let averages = row.isCurrent ? row.authority.comparisonType.flatMap { year.figures(for: $0) } : nil
                return PublishedYearRow(
                    year: year.year, code: row.authority.code, name: row.authority.officialName,
                    comparisonType: row.authority.comparisonType?.name ?? "", current: row.isCurrent,
                    investigations: row.counts.investigations, upheld: row.counts.upheld, upholdRate: row.upholdRate,
                    complianceRate: row.complianceRate, satisfactoryRemedyRate: row.satisfactoryRemedyRate,
                    upheldPer100kTenths: row.upheldPer100kTenths, averageUpholdRate: averages?.averageUpholdRate,
                    averageComplianceRate: averages?.averageComplianceRate,
                    averageSatisfactoryRemedyRate: averages?.averageSatisfactoryRemedyRate,
                    averageUpheldPer100kTenths: averages?.averageUpheldPer100kTenths)
            }
        }
    }
}
