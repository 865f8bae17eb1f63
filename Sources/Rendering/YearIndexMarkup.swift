import PipelineModel

/// The body of `report/{year}/index.html`: the types' averages (chart and table) and every
/// authority of the year, sortable.
enum YearIndexMarkup {
    static func types(_ year: YearFigures, method: AveragingMethod, into html: inout HTMLBuffer) {
        let label = year.year.label
        let types = ComparisonType.allCases.compactMap { year.figures(for: $0) }
        let chart = BarChart(
            id: "national", groupLabels: types.map(\.type.name),
            series: [BarChart.SeriesInput(name: "", isAverage: false, values: types.map(\.averageUpholdRate))])
        html.raw("<h2 id=\"national\">Uphold rates by type of authority</h2>\n<figure class=\"chart-figure\" aria-labelledby=\"national-caption\">\n<figcaption id=\"national-caption\">Average uphold rate of each type of authority, \(label)</figcaption>\n")
        let values = chart.groups.map { group in group.label + " " + (group.bars.first?.valueText ?? "n/a") }.joined(separator: "; ")
        chart.svg(into: &html, title: "Average uphold rate by type of authority, \(label)",
                  description: "Bar chart of the average share of detailed investigations that were upheld, by type of "
                      + "authority: \(values). The same figures are in the table below.")
        html.raw("</figure>\n<table>\n<caption>Averages of similar authorities, \(label) (")
        html.raw(method == .pooled ? "pooled: the type's total over its total" : "mean of the authorities' own rates")
        html.raw(")</caption>\n<thead>\n<tr><th scope=\"col\">Type</th><th scope=\"col\" class=\"n\">Authorities</th><th scope=\"col\" class=\"n\">Detailed investigations</th><th scope=\"col\" class=\"n\">Upheld</th><th scope=\"col\" class=\"n\">Uphold rate</th><th scope=\"col\" class=\"n\">Compliance rate</th><th scope=\"col\" class=\"n\">Satisfactory remedy rate</th><th scope=\"col\" class=\"n\">Upheld per 100,000 residents</th></tr>\n</thead>\n<tbody>\n")
        for t in types {
            html.raw("<tr><th scope=\"row\">\(t.type.name)</th><td class=\"n\">")
            html.number(t.authorities)
            html.raw("</td><td class=\"n\">")
            html.number(t.investigations)
            html.raw("</td><td class=\"n\">")
            html.number(t.upheld)
            html.raw("</td><td class=\"n\">\(ReportPage.percent(t.averageUpholdRate))</td><td class=\"n\">\(ReportPage.percent(t.averageComplianceRate))</td><td class=\"n\">\(ReportPage.percent(t.averageSatisfactoryRemedyRate))</td><td class=\"n\">\(ReportPage.per100k(t.averageUpheldPer100kTenths))</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n\n")
    }

    static func authorities(_ year: YearFigures, into html: inout HTMLBuffer) {
        html.raw("""
        <h2 id="authorities-heading">All authorities</h2>
        <p class="note">Select a column heading to sort by it; select it again to reverse. "Type average" is the average of the authorities of the same type that exist at the end of the year. n/a: no value (nothing to divide by), or no average for an authority abolished during the year or of no comparison type.</p>
        <table id="authorities" aria-labelledby="authorities-heading">
        <thead>
        <tr>
        <th scope="col" data-key="name" aria-sort="ascending">Authority</th>
        <th scope="col" data-key="type">Type</th>
        <th scope="col" data-key="investigations" data-type="number" class="n">Detailed investigations</th>
        <th scope="col" data-key="uphold_rate" data-type="number" class="n">Uphold rate</th>
        <th scope="col" data-key="avg_uphold_rate" data-type="number" class="n"><span class="visually-hidden">Uphold rate: </span>Type average</th>
        <th scope="col" data-key="compliance_rate" data-type="number" class="n">Compliance rate</th>
        <th scope="col" data-key="avg_compliance_rate" data-type="number" class="n"><span class="visually-hidden">Compliance rate: </span>Type average</th>
        <th scope="col" data-key="satisfactory_remedy_rate" data-type="number" class="n">Satisfactory remedy rate</th>
        <th scope="col" data-key="avg_satisfactory_remedy_rate" data-type="number" class="n"><span class="visually-hidden">Satisfactory remedy rate: </span>Type average</th>
        </tr>
        </thead>
        <tbody>

        """)
        // Positions sorted by the names, not rows: a row is a large value, and moving rows
        // about in the sort was a third of the page's cost.
        let authorities = year.authorities
        let names = authorities.map(\.authority.officialName), codes = authorities.map(\.authority.code)
        let order = authorities.indices.sorted { (names[$0], codes[$0]) < (names[$1], codes[$1]) }
        for position in order { authorityRow(authorities[position], in: year, into: &html) }
        html.raw("</tbody>\n</table>\n")
    }

    /// One authority's row of the sortable table.
    private static func authorityRow(_ row: AuthorityYearFigures, in year: YearFigures, into html: inout HTMLBuffer) {
        let averages = ReportWriter.averages(of: row, in: year)
        html.raw("<tr>\n<th scope=\"row\" data-sort=\"")
        html.text(row.authority.officialName)
        html.raw("\"><a href=\"")
        html.raw(ReportWriter.pageName(row.authority.code))
        html.raw("\">")
        html.text(row.authority.officialName)
        html.raw("</a>")
        if !row.isCurrent {
            html.raw(ReportWriter.isAbolished(row) ? " <span class=\"tag\">abolished</span>"
                : " <span class=\"tag\">not yet established</span>")
        }
        html.raw("</th>\n<td>")
        html.raw(row.authority.comparisonType?.name ?? "other")
        html.raw("</td>\n<td class=\"n\">")
        html.number(row.counts.investigations)
        html.raw("</td>\n")
        ReportPage.sortableCell(row.upholdRate, into: &html)
        ReportPage.sortableCell(averages?.averageUpholdRate, into: &html)
        ReportPage.sortableCell(row.complianceRate, into: &html)
        ReportPage.sortableCell(averages?.averageComplianceRate, into: &html)
        ReportPage.sortableCell(row.satisfactoryRemedyRate, into: &html)
        ReportPage.sortableCell(averages?.averageSatisfactoryRemedyRate, into: &html)
        html.raw("</tr>\n")
    }
}
