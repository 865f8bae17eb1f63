import PipelineModel

/// Writes the static HTML report of every year: an index of all authorities with their three
/// key statistics beside their type's average (sortable by any column), a page per authority
/// with charts of its rates against its type's average over the years of the run, and a
/// national chart of the types' uphold rates.
///
/// Pages are self-contained: style, the small sort script and the charts (SVG) are inline, and
/// the only links are relative ones between pages of the output folder. Every chart has a title,
/// a description and a table with the same numbers.
public enum ReportWriter {
    /// The report of every year: `report/{year}/index.html` and `report/{year}/{code}.html` for
    /// every authority row of the year, from the `report-*.mustache` templates.
    ///
    /// Artefacts come out by year: the index first, then authorities by code.
    /// - Throws: nothing today; declared so that a template check can be added without changing
    ///   callers.
    public static func report(_ figures: AnnualFigures, templates: PublishingTemplates) throws -> [Artefact] {
        try report(figures, years: figures.years.map(\.year), templates: templates)
    }

    /// The pages of `years` only, each as in ``report(_:templates:)`` (with links and charts
    /// over every year of `figures`): the years' pages can then be rendered at the same time.
    public static func report(_ figures: AnnualFigures, years: [ReportingYear],
                              templates: PublishingTemplates) throws -> [Artefact] {
        var artefacts: [Artefact] = []
        let history = History(figures)
        let chosen = Set(years)
        for year in figures.years where chosen.contains(year.year) {
            let label = year.year.label
            let index = indexView(year, figures: figures)
            artefacts.append(Artefact(path: "report/\(label)/index.html",
                                      text: templates.render("report-index.html.mustache", index),
                                      year: year.year))
            for row in year.authorities {
                let view = authorityView(row, year: year, figures: figures, history: history)
                artefacts.append(Artefact(path: "report/\(label)/\(row.authority.code).html",
                                          text: templates.render("report-authority.html.mustache", view),
                                          year: year.year))
            }
        }
        return artefacts
    }

    /// The page's name for an authority code, safe as a relative link (register codes are
    /// letters; anything else is percent-encoded so a link cannot leave the folder).
    static func pageName(_ code: String) -> String {
        var name = ""
        for byte in code.utf8 {
            switch byte {
            case UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "a") ... UInt8(ascii: "z"),
                 UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                name.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                name += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
            }
        }
        return name + ".html"
    }

    // MARK: - Views

    static func averages(of row: AuthorityYearFigures, in year: YearFigures) -> TypeYearFigures? {
        guard row.isCurrent, let type = row.authority.comparisonType else { return nil }
        return year.figures(for: type)
    }

    /// Whether the authority had ended before the last day of the row's year.
    static func isAbolished(_ row: AuthorityYearFigures) -> Bool {
        !row.isCurrent && (row.authority.endDate.map { $0 < row.year.lastDay } ?? false)
    }

    static func yearLinks(_ figures: AnnualFigures, current: ReportingYear, page: (YearFigures) -> String?) -> [YearLink] {
        figures.years.compactMap { year in
            guard let name = page(year) else { return nil }
            return YearLink(label: year.year.label, href: "../\(year.year.label)/\(name)",
                            isCurrentPage: year.year == current)
        }
    }

    static func indexView(_ year: YearFigures, figures: AnnualFigures) -> ReportIndexView {
        let rows = year.authorities
            .sorted { ($0.authority.officialName, $0.authority.code) < ($1.authority.officialName, $1.authority.code) }
            .map { row -> ReportIndexView.IndexRow in
                let averages = averages(of: row, in: year)
                return ReportIndexView.IndexRow(
                    code: row.authority.code, name: row.authority.officialName, href: pageName(row.authority.code),
                    typeName: row.authority.comparisonType?.name ?? "", hasType: row.authority.comparisonType != nil,
                    current: row.isCurrent, abolished: isAbolished(row), investigations: row.counts.investigations,
                    uphold: .percent(row.upholdRate), upholdAverage: .percent(averages?.averageUpholdRate),
                    compliance: .percent(row.complianceRate), complianceAverage: .percent(averages?.averageComplianceRate),
                    remedy: .percent(row.satisfactoryRemedyRate),
                    remedyAverage: .percent(averages?.averageSatisfactoryRemedyRate))
            }
        let types = ComparisonType.allCases.compactMap { year.figures(for: $0) }
        let chart = BarChart(
            id: "national", groupLabels: types.map(\.type.name),
            series: [BarChart.SeriesInput(name: "", isAverage: false, values: types.map(\.averageUpholdRate))])
        return ReportIndexView(
            year: year.year.label, y1: String(year.year.startYear), y2: String(year.year.startYear + 1),
            method: figures.method.rawValue, methodIsPooled: figures.method == .pooled,
            rows: rows, authorityCount: rows.count, nationalChart: chart,
            types: types.map { t in
                ReportIndexView.TypeRow(
                    typeName: t.type.name, authorities: t.authorities, investigations: t.investigations,
                    upheld: t.upheld, uphold: .percent(t.averageUpholdRate),
                    compliance: .percent(t.averageComplianceRate), remedy: .percent(t.averageSatisfactoryRemedyRate),
                    per100k: .per100k(t.averageUpheldPer100kTenths))
            },
            years: yearLinks(figures, current: year.year) { _ in "index.html" })
    }

    static func authorityView(_ row: AuthorityYearFigures, year: YearFigures, figures: AnnualFigures,
                              history: History) -> ReportAuthorityView {
        let code = row.authority.code
        let averages = averages(of: row, in: year)
        let past = history.rows(of: code)
        let labels = past.map { $0.row.year.label }
        func chart(_ id: String, _ own: (AuthorityYearFigures) -> Int?, _ average: (TypeYearFigures) -> Int?) -> BarChart {
            var series = [BarChart.SeriesInput(name: row.authority.officialName, isAverage: false,
                                               values: past.map { own($0.row) })]
            if let type = row.authority.comparisonType {
                series.append(BarChart.SeriesInput(
                    name: type.name, isAverage: true,
                    values: past.map { entry in Self.averages(of: entry.row, in: entry.year).flatMap(average) }))
            }
            return BarChart(id: id, groupLabels: labels, series: series)
        }
        let successors = row.isCurrent ? [] : row.authority.replacedBy.map { successor in
            ReportAuthorityView.Successor(
                successorCode: successor, successorHref: pageName(successor),
                hasPage: year.authorities.contains { $0.authority.code == successor })
        }
        let c = row.counts
        let population = row.population.flatMap { $0 > 0 ? $0 : nil }
        return ReportAuthorityView(
            year: year.year.label, y1: String(year.year.startYear), y2: String(year.year.startYear + 1),
            code: code, name: row.authority.officialName,
            typeName: row.authority.comparisonType?.name ?? "", hasType: row.authority.comparisonType != nil,
            current: row.isCurrent, abolished: isAbolished(row), successors: successors, hasSuccessors: !successors.isEmpty,
            headline: .init(
                uphold: .percent(row.upholdRate), upholdAverage: .percent(averages?.averageUpholdRate),
                investigations: c.investigations, upheld: c.upheld,
                compliance: .percent(row.complianceRate), complianceAverage: .percent(averages?.averageComplianceRate),
                complianceOutcomes: c.complianceOutcomes, compliant: c.compliant,
                remedy: .percent(row.satisfactoryRemedyRate),
                remedyAverage: .percent(averages?.averageSatisfactoryRemedyRate),
                satisfactoryRemedies: c.satisfactoryRemedies,
                per100k: .per100k(row.isCurrent ? row.upheldPer100kTenths : nil),
                per100kAverage: .per100k(averages?.averageUpheldPer100kTenths),
                population: population.map(NumberText.grouped) ?? "unknown", hasPopulation: population != nil,
                publicReports: c.publicReports),
            upholdChart: chart("uphold", \.upholdRate, \.averageUpholdRate),
            complianceChart: chart("compliance", \.complianceRate, \.averageComplianceRate),
            remedyChart: chart("remedy", \.satisfactoryRemedyRate, \.averageSatisfactoryRemedyRate),
            letter: LetterFields(row, types: year),
            letterHref: "../../letters/\(year.year.label)/\(pageName(code))",
            years: yearLinks(figures, current: year.year) { y in
                y.authorities.contains { $0.authority.code == code } ? pageName(code) : nil
            },
            method: figures.method.rawValue)
    }

    /// Every authority's rows over the years of the run, found once for all pages.
    struct History {
        private var byCode: [String: [(row: AuthorityYearFigures, year: YearFigures)]] = [:]

        init(_ figures: AnnualFigures) {
            for year in figures.years {
                for row in year.authorities { byCode[row.authority.code, default: []].append((row, year)) }
            }
        }

        /// The authority's rows with their years, oldest first.
        func rows(of code: String) -> [(row: AuthorityYearFigures, year: YearFigures)] { byCode[code] ?? [] }
    }
}
