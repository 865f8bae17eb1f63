import Output
import PipelineModel
import Rendering

/// The HTML report of some figures, rendered as a run renders it, for tests that look at its
/// pages or check them with real tools.
package enum ReportFixture {
    /// Every file of the report of `figures`: each year's pages and style sheet, then the history
    /// pages of every year's rows (``PublishedTables/history(of:computed:currentFolder:)``), England's
    /// history page and the whole-publication pages' style sheet.
    package static func artefacts(_ figures: AnnualFigures, templates: RenderingTemplates) throws -> [Artefact] {
        let history = try PublishedTables.history(of: [], computed: figures.years, currentFolder: nil)
        return figures.years.flatMap { yearPages($0, method: figures.method, templates: templates) }
            + historyPages(history.authorities, method: figures.method)
            + [ReportRenderer.nationalHistoryPage(history.national), ReportRenderer.styleSheet(of: nil, templates: templates)]
    }

    /// The files of one year's report: its index first, England's page, then a page per
    /// authority row, by code, and last the year's style sheet (what a run renders for the year).
    package static func yearPages(_ year: YearFigures, method: AveragingMethod, templates: RenderingTemplates) -> [Artefact] {
        [ReportRenderer.yearIndex(year, method: method, templates: templates), ReportRenderer.nationalYearPage(year)]
            + year.authorities.map { ReportRenderer.authorityPage($0, in: year, method: method) }
            + [ReportRenderer.styleSheet(of: year.year, templates: templates)]
    }

    /// `report/index.html` and a history page per authority, by code, from every published
    /// year's rows.
    package static func historyPages(_ rows: [PublishedYearRow], method: AveragingMethod) -> [Artefact] {
        let byCode = Dictionary(grouping: rows, by: \.code)
        return [ReportRenderer.historyIndex(rows)]
            + byCode.keys.sorted().compactMap { byCode[$0] }.map { ReportRenderer.historyPage($0, method: method) }
    }
}
