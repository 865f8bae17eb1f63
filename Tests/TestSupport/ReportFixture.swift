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

    /// Every report page of `figures` as a run renders them with what they say beside the
    /// figures: each year's pages with each authority's service improvements up to the year,
    /// the history pages with their notes (public reports, service improvements, successions
    /// in `register`), then `report/index.html`, England's history and the style sheets.
    package static func pagesWithNotes(_ figures: AnnualFigures, register: [Authority],
                                       templates: RenderingTemplates) throws -> [Artefact] {
        let improvements = try PublishedTables.serviceImprovements(of: [], computed: figures.years, currentFolder: nil)
        let history = try PublishedTables.history(of: [], computed: figures.years, currentFolder: nil)
        var pages: [Artefact] = []
        for year in figures.years {
            let listed = ServiceImprovements.byCode(improvements, upTo: year.year)
            pages += [ReportRenderer.yearIndex(year, method: figures.method, templates: templates), ReportRenderer.nationalYearPage(year)]
                + year.authorities.map {
                    ReportRenderer.authorityPage($0, in: year, method: figures.method, improvements: listed[$0.authority.code])
                }
                + [ReportRenderer.styleSheet(of: year.year, templates: templates)]
        }
        let latest = history.authorities.map(\.year).max()
        let notes = HistoryNotes.byCode(register: register, published: Set(history.authorities.map(\.code)),
                                        publicReports: history.publicReports,
                                        serviceImprovements: latest.map { ServiceImprovements.byCode(improvements, upTo: $0) } ?? [:],
                                        latest: latest)
        let byCode = Dictionary(grouping: history.authorities, by: \.code)
        pages += byCode.keys.sorted().compactMap { byCode[$0] }.map {
            ReportRenderer.historyPage($0, method: figures.method, notes: notes[$0[0].code])
        }
        return pages + [ReportRenderer.historyIndex(history.authorities), ReportRenderer.nationalHistoryPage(history.national),
                        ReportRenderer.styleSheet(of: nil, templates: templates)]
    }
}
