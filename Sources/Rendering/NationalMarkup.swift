import Foundation
import PipelineModel

/// England's pages: `report/{year}/england.html` (the year's own national figures: totals, uphold
/// rate and share of investigations by service area) and `report/england.html` (every published
/// year: each year's totals beside the previous year's, and the national rates over the years).
///
/// Split so because a year's pages must not depend on other years (a year whose fingerprint is
/// unchanged is carried over unrendered): whatever compares years lives on the whole-publication
/// page, rebuilt from the published `national_year.csv` after carry-over, as the authorities'
/// history pages are from `authority_year.csv`.
enum NationalMarkup {
    /// The page's file name, in the year's folder and in `report/`; `england` is a reserved
    /// register code, so no authority's page can take it.
    static let pageName = "england.html"

    /// Short labels for the charts' axis, where the full names (in the tables) do not fit.
    private static func shortName(_ area: ServiceArea) -> String {
        switch area {
        case .adultCare: "Adult care"
        case .benefitsTax: "Benefits, tax"
        case .corporate: "Corporate"
        case .educationChildren: "Education"
        case .environment: "Environment"
        case .highwaysTransport: "Highways"
        case .housing: "Housing"
        case .planning: "Planning"
        case .other: "Other"
        }
    }

    /// `report/{year}/england.html`.
    static func yearPage(_ year: YearFigures) -> Artefact {
        let label = year.year.label
        let n = year.national
        let c = n.counts
        var html = HTMLBuffer(capacity: 24_000)
        ReportPage.open(&html, title: "England \(label): complaints about councils")
        html.raw("<header>\n<p class=\"note\">Local Government and Social Care Ombudsman: annual review statistics. <a href=\"index.html\">All authorities \(label)</a> · <a href=\"../\(pageName)\">England over the years</a> · <a href=\"../index.html\">All years</a></p>\n")
        html.raw("<h1>England \(label)</h1>\n<p>Every authority's complaints and decisions between 1 April \(year.year.startYear) and 31 March \(year.year.startYear + 1) added together: current or not, of every kind. The year beside the previous one is on <a href=\"../\(pageName)\">England over the years</a>.</p>\n</header>\n<main>\n")

        html.raw("<h2 id=\"totals-heading\">The year's totals</h2>\n<table aria-labelledby=\"totals-heading\">\n<thead>\n<tr><th scope=\"col\">Figure</th><th scope=\"col\" class=\"n\">\(label)</th></tr>\n</thead>\n<tbody>\n")
        var totals: [(String, String)] = [
            ("Complaints and enquiries received", String(c.receivedTotal)),
            ("Decisions made", String(c.decisionsTotal)),
        ]
        for outcome in Outcome.allCases {
            totals.append(("Decisions: \(outcome.name.lowercased())", String(c.outcomes[outcome.rawValue])))
        }
        totals += [
            ("Detailed investigations", String(c.investigations)),
            ("Uphold rate", ReportPage.percent(n.upholdRate)),
            ("Satisfactory remedies", String(c.satisfactoryRemedies)),
            ("Satisfactory remedy rate", ReportPage.percent(n.satisfactoryRemedyRate)),
            ("Compliance outcomes", String(c.complianceOutcomes)),
            ("Complied", String(c.complied)),
            ("Complied late", String(c.compliedLate)),
            ("Not complied", String(c.notComplied)),
            ("Compliance rate", ReportPage.percent(n.complianceRate)),
            ("Late compliance rate", ReportPage.percent(n.lateComplianceRate)),
            ("Public reports", String(c.publicReports)),
        ]
        for (name, value) in totals {
            html.raw("<tr><th scope=\"row\">\(name)</th><td class=\"n\">")
            html.text(value)
            html.raw("</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n\n")

        let labels = year.areas.map { shortName($0.area) }
        let charts: [(id: String, heading: String, what: String, values: [Int?])] = [
            ("uphold", "Uphold rate by service area",
             "Bar chart of the share of detailed investigations that were upheld, in each service area.",
             year.areas.map(\.upholdRate)),
            ("share", "Share of investigations by service area",
             "Bar chart of each service area's detailed investigations as a share of all the year's.",
             year.areas.map(\.shareOfInvestigations)),
        ]
        for chart in charts {
            let bars = BarChart(id: chart.id, groupLabels: labels,
                                series: [BarChart.SeriesInput(name: chart.heading.replacingOccurrences(of: " by service area", with: ""),
                                                              isAverage: false, values: chart.values)],
                                minimumWidth: 960)
            html.raw("<h2 id=\"\(chart.id)-heading\">\(chart.heading)</h2>\n<figure class=\"chart-figure\" aria-labelledby=\"\(chart.id)-caption\">\n<figcaption id=\"\(chart.id)-caption\">\(chart.heading), England \(label)</figcaption>\n")
            bars.svg(into: &html, title: "\(chart.heading), England \(label)", description: chart.what + " " + bars.valuesInWords)
            bars.table(into: &html, firstColumn: "Service area")
            html.raw("</figure>\n")
        }

        html.raw("<h2 id=\"areas-heading\">Service areas</h2>\n<table aria-labelledby=\"areas-heading\">\n<thead>\n<tr><th scope=\"col\">Service area</th><th scope=\"col\" class=\"n\">Received</th><th scope=\"col\" class=\"n\">Decisions</th><th scope=\"col\" class=\"n\">Detailed investigations</th><th scope=\"col\" class=\"n\">Upheld</th><th scope=\"col\" class=\"n\">Uphold rate</th><th scope=\"col\" class=\"n\">Share of investigations</th><th scope=\"col\" class=\"n\">Satisfactory remedies</th><th scope=\"col\" class=\"n\">Public reports</th></tr>\n</thead>\n<tbody>\n")
        for a in year.areas {
            html.raw("<tr><th scope=\"row\">")
            html.text(a.area.name)
            html.raw("</th>")
            for count in [a.received, a.decisions.decisions, a.decisions.investigations, a.decisions.upheld] {
                html.raw("<td class=\"n\">")
                html.number(count)
                html.raw("</td>")
            }
            html.raw("<td class=\"n\">\(ReportPage.percent(a.upholdRate))</td><td class=\"n\">\(ReportPage.percent(a.shareOfInvestigations))</td><td class=\"n\">")
            html.number(a.decisions.satisfactoryRemedies)
            html.raw("</td><td class=\"n\">")
            html.number(a.decisions.publicReports)
            html.raw("</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n<p class=\"note\">Received counts complaints and enquiries by the date they arrived; decisions, investigations and upheld count decisions made in the year, by the service area of their case. n/a: nothing to divide by.</p>\n</main>\n")
        ReportPage.close(&html)
        return Artefact(path: "report/\(label)/\(pageName)", bytes: html.bytes, year: year.year)
    }

    /// `report/england.html` from England's published rows, oldest year first.
    static func historyPage(_ rows: [PublishedNationalRow]) -> Artefact {
        var html = HTMLBuffer(capacity: 12_000 + 3000 * rows.count)
        ReportPage.open(&html, title: "England: complaints about councils over the years")
        html.raw("<header>\n<p class=\"note\"><a href=\"index.html\">Council performance: every published year</a></p>\n<h1>England over the years</h1>\n")
        html.raw("<p>Every authority's complaints and decisions added together, in every published year (1 April to 31 March).</p>\n</header>\n<main>\n")

        html.raw("<h2 id=\"years-heading\">Each year beside the previous one</h2>\n<table aria-labelledby=\"years-heading\">\n<thead>\n<tr><th scope=\"col\">Year</th><th scope=\"col\" class=\"n\">Received</th><th scope=\"col\" class=\"n\">Change</th><th scope=\"col\" class=\"n\">Decisions</th><th scope=\"col\" class=\"n\">Change</th><th scope=\"col\" class=\"n\">Detailed investigations</th><th scope=\"col\" class=\"n\">Change</th><th scope=\"col\" class=\"n\">Upheld</th><th scope=\"col\" class=\"n\">Change</th><th scope=\"col\" class=\"n\">Uphold rate</th><th scope=\"col\" class=\"n\">Compliance rate</th><th scope=\"col\" class=\"n\">Satisfactory remedy rate</th><th scope=\"col\" class=\"n\">Public reports</th></tr>\n</thead>\n<tbody>\n")
        for (i, row) in rows.enumerated().reversed() {
            // The previous year is the one before in the calendar, not merely in the list: a
            // gap in the published years leaves no change to show.
            let previous = i > 0 && rows[i - 1].year.startYear + 1 == row.year.startYear ? rows[i - 1] : nil
            let label = row.year.label
            html.raw("<tr><th scope=\"row\"><a href=\"\(label)/\(pageName)\">\(label)</a></th>")
            let counts: [(PublishedNationalRow) -> Int] = [\.receivedTotal, \.decisionsTotal, \.investigations, \.upheld]
            for count in counts {
                html.raw("<td class=\"n\">")
                html.number(count(row))
                html.raw("</td><td class=\"n\">")
                html.raw(previous.map { change(count(row) - count($0)) } ?? "n/a")
                html.raw("</td>")
            }
            html.raw("<td class=\"n\">\(ReportPage.percent(row.upholdRate))</td><td class=\"n\">\(ReportPage.percent(row.complianceRate))</td><td class=\"n\">\(ReportPage.percent(row.satisfactoryRemedyRate))</td><td class=\"n\">")
            html.number(row.publicReports)
            html.raw("</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n<p class=\"note\">Change: the difference from the year before (n/a for the first published year, or when the year before was not published). n/a for a rate: nothing to divide by.</p>\n\n")

        let charts: [(id: String, caption: String, what: String, values: (PublishedNationalRow) -> Int?)] = [
            ("uphold", "Uphold rate by year", "Bar chart of the share of detailed investigations that were upheld, England.",
             \.upholdRate),
            ("compliance", "Compliance rate by year",
             "Bar chart of the share of compliance outcomes in which authorities complied with our recommendations, England.",
             \.complianceRate),
            ("remedy", "Satisfactory remedy rate by year",
             "Bar chart of the share of upheld decisions in which the authority had already provided a satisfactory remedy, England.",
             \.satisfactoryRemedyRate),
        ]
        for chart in charts {
            let bars = BarChart(id: chart.id, groupLabels: rows.map(\.year.label),
                                series: [BarChart.SeriesInput(name: "England", isAverage: false, values: rows.map(chart.values))])
            html.raw("<figure class=\"chart-figure\" aria-labelledby=\"\(chart.id)-caption\">\n<figcaption id=\"\(chart.id)-caption\">\(chart.caption), England</figcaption>\n")
            bars.svg(into: &html, title: "\(chart.caption), England", description: chart.what + " " + bars.valuesInWords)
            bars.table(into: &html, firstColumn: "Year")
            html.raw("</figure>\n")
        }
        html.raw("</main>\n")
        ReportPage.close(&html)
        return Artefact(path: "report/\(pageName)", bytes: html.bytes)
    }

    /// `+12`, `-3`, `0`: a year-on-year difference.
    private static func change(_ difference: Int) -> String {
        difference > 0 ? "+\(difference)" : difference < 0 ? "−\(-difference)" : "0"
    }
}
