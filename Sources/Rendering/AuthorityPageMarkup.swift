import PipelineModel

/// `report/{year}/{code}.html`: one authority's figures in one year beside its type's averages,
/// and links to its history, its letter (which has the year's complaints received by service
/// area and decisions by outcome) and the year's index; the cases behind each statistic, each
/// statistic's in a `<details>` so that the page stays short; from 2018-19, its service
/// improvements since April 2018 (`improvements`: those up to the year, nil for none). Kept
/// small: there is one per authority and year, a third of a publication's files.
enum AuthorityPageMarkup {
    static func write(_ row: AuthorityYearFigures, in year: YearFigures, method: AveragingMethod,
                      improvements: ServiceImprovements?, into html: inout HTMLBuffer) {
        let label = year.year.label
        let y1 = year.year.startYear, y2 = year.year.startYear + 1
        let code = row.authority.code
        let name = row.authority.officialName
        let averages = ReportRenderer.averages(of: row, in: year)
        let counts = row.counts
        ReportPage.open(&html, title: "\(name): council performance \(label)")
        html.raw("<header>\n<p class=\"note\"><a href=\"index.html\">Council performance \(label): all authorities</a> · <a href=\"../index.html\">All years</a></p>\n<h1>")
        html.text(name)
        html.raw("</h1>\n<p>")
        if let type = row.authority.comparisonType {
            html.raw("\(type.name) authority")
        } else {
            html.raw("No comparison type: figures without averages")
        }
        html.raw(", register code ")
        html.text(code)
        html.raw(".")
        if !row.isCurrent {
            html.raw(ReportRenderer.isAbolished(row) ? " Abolished before 31 March \(y2)" : " Not yet established on 31 March \(y2)")
            html.raw(": its own figures for decisions made in \(label), without averages or per-100,000 figures.")
            if !row.authority.replacedBy.isEmpty {
                html.raw(" Replaced by ")
                for (i, successor) in row.authority.replacedBy.enumerated() {
                    if i > 0 { html.raw(", ") }
                    if year.authorities.contains(where: { $0.authority.code == successor }) {
                        html.raw("<a href=\"\(ReportRenderer.pageName(successor))\">")
                        html.text(successor)
                        html.raw("</a>")
                    } else {
                        html.text(successor)
                    }
                }
                html.raw(".")
            }
        }
        html.raw("</p>\n<p><a href=\"../\(ReportRenderer.historyFolder)/\(ReportRenderer.pageName(code))\">")
        html.text(name)
        html.raw(" over every published year</a></p>\n</header>\n<main>\n")
        if let overview = LetterFields.Overview(counts, in: year.year) {
            // The letters' wording (letter*.mustache, statistics.md), published from 2024-25.
            html.raw("<h2 id=\"overview-heading\">Complaint overview</h2>\n<p>Between 1 April \(y1) to 31 March \(y2), we dealt with \(overview.decisions) complaints. Of these, \(overview.notForUs) were not for us or not ready for us to investigate. We assessed and closed \(overview.closed) complaints. We investigated \(overview.investigations) complaints and upheld \(overview.upheld).</p>\n")
        }
        html.raw("<h2 id=\"year-heading\">\(label): 1 April \(y1) to 31 March \(y2)</h2>\n<table aria-labelledby=\"year-heading\">\n<thead>\n<tr><th scope=\"col\">Statistic</th><th scope=\"col\" class=\"n\">")
        html.text(name)
        html.raw("</th><th scope=\"col\" class=\"n\">Type average</th><th scope=\"col\">Based on</th></tr>\n</thead>\n<tbody>\n")
        html.raw("<tr><th scope=\"row\">Uphold rate</th><td class=\"n\">\(ReportPage.percent(row.upholdRate))</td><td class=\"n\">\(ReportPage.percent(averages?.averageUpholdRate))</td><td>\(counts.upheld) upheld of \(counts.investigations) detailed investigations</td></tr>\n")
        html.raw("<tr><th scope=\"row\">Compliance rate</th><td class=\"n\">\(ReportPage.percent(row.complianceRate))</td><td class=\"n\">\(ReportPage.percent(averages?.averageComplianceRate))</td><td>\(counts.compliant) complied of \(counts.complianceOutcomes) compliance outcomes</td></tr>\n")
        html.raw("<tr><th scope=\"row\">Satisfactory remedy rate</th><td class=\"n\">\(ReportPage.percent(row.satisfactoryRemedyRate))</td><td class=\"n\">\(ReportPage.percent(averages?.averageSatisfactoryRemedyRate))</td><td>\(counts.satisfactoryRemedies) of \(counts.upheld) upheld decisions</td></tr>\n")
        let population = row.population.flatMap { $0 > 0 ? $0 : nil }
        html.raw("<tr><th scope=\"row\">Upheld decisions per 100,000 residents</th><td class=\"n\">\(ReportPage.per100k(row.isCurrent ? row.upheldPer100kTenths : nil))</td><td class=\"n\">\(ReportPage.per100k(averages?.averageUpheldPer100kTenths))</td><td>")
        html.raw(population.map { "population \(NumberText.grouped($0))" } ?? "population unknown or not applicable")
        html.raw("</td></tr>\n<tr><th scope=\"row\">Public reports</th><td class=\"n\">\(counts.publicReports)</td><td class=\"n\"></td><td></td></tr>\n</tbody>\n</table>\n")
        html.raw("<p class=\"note\">n/a: no value (nothing to divide by), or no average for this authority. The <a href=\"../../letters/\(label)/\(ReportRenderer.pageName(code))\">annual review letter</a> gives the same figures in the Ombudsman's wording, with the complaints received (\(counts.receivedTotal)) by service area and the decisions made (\(counts.decisionsTotal)) by outcome.</p>\n")
        if let statistics = StatisticCases.of(row) {
            cases(statistics, into: &html)
        }
        if year.year >= ServiceImprovements.firstYear {
            ServiceImprovements.write(improvements, council: LetterFields.councilTypes.contains(row.authority.registerType),
                                      yearPage: nil, into: &html)
        }
        let reports = year.publicReports.filter { $0.authority.code == code }
        if !reports.isEmpty {
            html.raw("<h2 id=\"reports-heading\">Public reports, \(label)</h2>\n<ul aria-labelledby=\"reports-heading\">\n")
            for report in reports {
                html.raw("<li><strong>Complaint ")
                html.text(report.referenceText)
                html.raw(" (")
                html.text(report.area.name)
                html.raw(").</strong> ")
                html.text(report.text.summary)
                if !report.text.remedy.isEmpty {
                    html.raw(" The authority agreed to: ")
                    html.text(report.text.remedy)
                }
                html.raw("</li>\n")
            }
            html.raw("</ul>\n")
        }
        html.raw("</main>\n<footer>\n<p class=\"note\">Averages are those of the authorities of the same type that exist at the end of each year (\(method.rawValue) averages). Complaints are counted in the year they were received and decisions in the year they were made.</p>\n</footer>\n")
        ReportPage.close(&html)
    }

    /// "The cases behind the figures": one `<details>` per statistic, its summary the counts of
    /// its numerator and denominator, inside the references of each group with their dates.
    private static func cases(_ statistics: [StatisticCases], into html: inout HTMLBuffer) {
        html.raw("<h2 id=\"cases-heading\">The cases behind the figures</h2>\n")
        for statistic in statistics {
            let id = statistic.statistic.rawValue
            let behind = " behind the \(statistic.statistic.name.lowercased()) (\(ReportPage.percent(statistic.rate)))"
            guard statistic.denominator > 0 else {
                html.raw("<p>\(statistic.summary)\(behind).</p>\n")
                continue
            }
            html.raw("<details id=\"\(id)-cases\">\n<summary>\(statistic.summary)\(behind)</summary>\n")
            for group in statistic.groups {
                html.raw("<p id=\"\(id)-\(group.key)\">\(group.label): ")
                guard !group.entries.isEmpty else {
                    html.raw("none</p>\n")
                    continue
                }
                html.number(group.entries.count)
                html.raw("</p>\n<ul class=\"cases\" aria-labelledby=\"\(id)-\(group.key)\">\n")
                for entry in group.entries {
                    html.raw("<li>")
                    html.reference(entry.reference)
                    html.raw(", ")
                    html.longDate(entry.date)
                    html.raw("</li>\n")
                }
                html.raw("</ul>\n")
            }
            html.raw("</details>\n")
        }
    }
}
