import Foundation
import PipelineModel

/// The pages about the whole publication: `report/index.html` (every published year and every
/// authority) and `report/authorities/{code}.html` (one authority over every published year,
/// its rates charted against its type's averages).
enum HistoryMarkup {
    /// `report/index.html`: links to each year's index and to each authority's history
    /// (`authorities`: each authority's latest row, whose name the link shows).
    static func index(years: [ReportingYear], authorities: [PublishedYearRow]) -> Artefact {
        var html = HTMLBuffer(capacity: 4096 + 160 * authorities.count)
        ReportPage.open(&html, title: "Council performance: every published year")
        html.raw("<header>\n<p class=\"note\">Local Government and Social Care Ombudsman: annual review statistics</p>\n<h1>Council performance</h1>\n")
        html.raw("<p>Complaints decided in each reporting year (1 April to 31 March), for each authority.</p>\n</header>\n<main>\n")
        html.raw("<h2 id=\"years-heading\">Years</h2>\n<nav aria-labelledby=\"years-heading\">\n<ul>\n")
        for year in years.reversed() {
            html.raw("<li><a href=\"\(year.label)/index.html\">\(year.label)</a> (<a href=\"\(year.label)/\(NationalMarkup.pageName)\">England \(year.label)</a>)</li>\n")
        }
        html.raw("</ul>\n</nav>\n<h2 id=\"england-heading\">England</h2>\n<p><a href=\"\(NationalMarkup.pageName)\">England over the years</a>: every authority's figures added together, each year beside the previous one.</p>\n")
        html.raw("<h2 id=\"authorities-heading\">Authorities over the years</h2>\n<ul class=\"columns\" aria-labelledby=\"authorities-heading\">\n")
        let latest = authorities.sorted { ($0.name, $0.code) < ($1.name, $1.code) }
        for row in latest {
            html.raw("<li><a href=\"\(ReportRenderer.historyFolder)/\(ReportRenderer.pageName(row.code))\">")
            html.text(row.name)
            html.raw("</a></li>\n")
        }
        html.raw("</ul>\n</main>\n")
        ReportPage.close(&html)
        return Artefact(path: "report/index.html", bytes: html.bytes)
    }

    /// `report/authorities/{code}.html` from the authority's rows, oldest year first.
    static func page(_ rows: [PublishedYearRow], method: AveragingMethod, notes: HistoryNotes = HistoryNotes()) -> Artefact {
        let latest = rows[rows.count - 1]
        let code = latest.code, name = latest.name
        let hasType = !latest.comparisonType.isEmpty
        var html = HTMLBuffer(capacity: 6000 + 2600 * rows.count)
        ReportPage.open(&html, title: "\(name): council performance over the years", styleSheet: "../" + ReportRenderer.styleSheetName)
        html.raw("<header>\n<p class=\"note\"><a href=\"../index.html\">Council performance: every published year</a></p>\n<h1>")
        html.text(name)
        html.raw("</h1>\n<p>")
        html.raw(hasType ? "\(latest.comparisonType) authority" : "No comparison type: figures without averages")
        html.raw(", register code ")
        html.text(code)
        html.raw(". Its figures in every published year in which it has any, beside the average of its type.</p>\n")
        succession(notes, into: &html)
        html.raw("</header>\n<main>\n")

        html.raw("<h2 id=\"years-heading\">Year by year</h2>\n<table aria-labelledby=\"years-heading\">\n<thead>\n<tr><th scope=\"col\">Year</th><th scope=\"col\" class=\"n\">Detailed investigations</th><th scope=\"col\" class=\"n\">Uphold rate</th><th scope=\"col\" class=\"n\">Type average</th><th scope=\"col\" class=\"n\">Compliance rate</th><th scope=\"col\" class=\"n\">Type average</th><th scope=\"col\" class=\"n\">Satisfactory remedy rate</th><th scope=\"col\" class=\"n\">Type average</th><th scope=\"col\" class=\"n\">Upheld per 100,000 residents</th><th scope=\"col\" class=\"n\">Type average</th></tr>\n</thead>\n<tbody>\n")
        let page = ReportRenderer.pageName(code)
        for row in rows.reversed() {
            let label = row.year.label
            html.raw("<tr><th scope=\"row\"><a href=\"../")
            html.raw(label)
            html.raw("/")
            html.raw(page)
            html.raw("\">")
            html.raw(label)
            html.raw("</a>")
            if !row.current { html.raw(" <span class=\"tag\">not current</span>") }
            html.raw("</th><td class=\"n\">")
            html.number(row.investigations)
            for rate in [row.upholdRate, row.averageUpholdRate, row.complianceRate, row.averageComplianceRate,
                         row.satisfactoryRemedyRate, row.averageSatisfactoryRemedyRate] {
                html.raw("</td><td class=\"n\">")
                html.percent(rate)
            }
            html.raw("</td><td class=\"n\">")
            html.raw(ReportPage.per100k(row.upheldPer100kTenths))
            html.raw("</td><td class=\"n\">")
            html.raw(ReportPage.per100k(row.averageUpheldPer100kTenths))
            html.raw("</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n<p class=\"note\">n/a: no value (nothing to divide by), or no average (an authority of no comparison type, or not current at the end of the year). Averages are \(method.rawValue) averages of the authorities of the same type that exist at the end of each year.</p>\n\n")

        publicReports(notes, page: page, into: &html)
        if notes.showsServiceImprovements {
            ServiceImprovements.write(notes.serviceImprovements, council: notes.isCouncil, yearPage: page, into: &html)
        }

        let charts: [(id: String, caption: String, what: String, own: (PublishedYearRow) -> Int?, average: (PublishedYearRow) -> Int?)] = [
            ("uphold", "Uphold rate by year", "Bar chart of the share of detailed investigations that were upheld.",
             \.upholdRate, \.averageUpholdRate),
            ("compliance", "Compliance rate by year",
             "Bar chart of the share of compliance outcomes in which the authority complied with our recommendations.",
             \.complianceRate, \.averageComplianceRate),
            ("remedy", "Satisfactory remedy rate by year",
             "Bar chart of the share of upheld decisions in which the authority had already provided a satisfactory remedy.",
             \.satisfactoryRemedyRate, \.averageSatisfactoryRemedyRate),
        ]
        for chart in charts {
            var series = [BarChart.SeriesInput(name: name, isAverage: false, values: rows.map(chart.own))]
            if hasType {
                series.append(BarChart.SeriesInput(name: latest.comparisonType, isAverage: true, values: rows.map(chart.average)))
            }
            let bars = BarChart(id: chart.id, groupLabels: rows.map(\.year.label), series: series)
            html.raw("<figure class=\"chart-figure\" aria-labelledby=\"\(chart.id)-caption\">\n<figcaption id=\"\(chart.id)-caption\">\(chart.caption)</figcaption>\n")
            let subject = hasType ? "\(name) and the \(latest.comparisonType) average" : name
            bars.svg(into: &html, title: "\(chart.caption.replacingOccurrences(of: " by year", with: "")) of \(subject), by year",
                     description: chart.what + " " + bars.valuesInWords)
            bars.table(into: &html, firstColumn: "Year")
            html.raw("</figure>\n")
        }
        html.raw("</main>\n")
        ReportPage.close(&html)
        return Artefact(path: "report/\(ReportRenderer.historyFolder)/\(ReportRenderer.pageName(code))", bytes: html.bytes)
    }

    /// The authorities it replaced, each linked to its history, and those that replaced it.
    private static func succession(_ notes: HistoryNotes, into html: inout HTMLBuffer) {
        func list(_ authorities: [HistoryNotes.Linked]) {
            for (i, other) in authorities.enumerated() {
                html.raw(i == 0 ? "" : i == authorities.count - 1 ? " and " : ", ")
                if other.hasPage {
                    html.raw("<a href=\"")
                    html.raw(ReportRenderer.pageName(other.code))
                    html.raw("\">")
                    html.text(other.name)
                    html.raw("</a>")
                } else {
                    html.text(other.name)
                }
            }
        }
        if !notes.predecessors.isEmpty {
            html.raw("<p>")
            html.raw(notes.startDate.map { "On \(LetterFields.longDate($0)) it replaced " } ?? "It replaced ")
            list(notes.predecessors)
            html.raw(notes.predecessors.contains(where: \.hasPage) ? ": their figures are on their own pages.</p>\n" : ".</p>\n")
        }
        if !notes.successors.isEmpty {
            html.raw("<p>")
            html.raw(notes.endDate.map { "It ended on \(LetterFields.longDate($0)) and was replaced by " } ?? "It was replaced by ")
            list(notes.successors)
            html.raw(".</p>\n")
        }
    }

    /// "In the last nine years we have issued N public reports about the Council", and each
    /// with its reference, date and year page (`page`, the authority's page name in a year).
    private static func publicReports(_ notes: HistoryNotes, page: String, into html: inout HTMLBuffer) {
        guard let since = notes.since else { return }
        let count = notes.publicReports.count
        let subject = notes.isCouncil ? "the Council" : "the authority"
        html.raw("<h2 id=\"reports-heading\">Public reports</h2>\n<p>In the last nine years we have issued ")
        html.raw(count == 0 ? "no public reports" : count == 1 ? "1 public report" : "\(count) public reports")
        html.raw(" about \(subject) (decisions from 1 April \(since.startYear)).</p>\n")
        guard count > 0 else { return }
        html.raw("<ul aria-labelledby=\"reports-heading\">\n")
        for report in notes.publicReports {
            html.raw("<li>Complaint ")
            html.text(report.reference)
            html.raw(", decided \(LetterFields.longDate(report.decisionDate)): <a href=\"../\(report.year.label)/")
            html.raw(page)
            html.raw("\">")
            html.raw(report.year.label)
            html.raw("</a></li>\n")
        }
        html.raw("</ul>\n")
    }
}
