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
            html.raw("<tr><th scope=\"row\">")
            html.raw(t.type.name)
            html.raw("</th>")
            for count in [t.authorities, t.investigations, t.upheld] {
                html.raw("<td class=\"n\">")
                html.number(count)
                html.raw("</td>")
            }
            for rate in [t.averageUpholdRate, t.averageComplianceRate, t.averageSatisfactoryRemedyRate] {
                html.raw("<td class=\"n\">")
                html.percent(rate)
                html.raw("</td>")
            }
            html.raw("<td class=\"n\">")
            html.raw(ReportPage.per100k(t.averageUpheldPer100kTenths))
            html.raw("</td></tr>\n")
        }
        html.raw("</tbody>\n</table>\n\n")
    }

    static func authorities(_ year: YearFigures, heads: AuthorityRowHeads?, into html: inout HTMLBuffer) {
        html.raw("""
        <h2 id="authorities-heading">All authorities</h2>
        <p class="note">Select a column heading to sort by it; select it again to reverse. "Type average" is the average of the authorities of the same type that exist at the end of the year. n/a: no value (nothing to divide by), or no average for an authority abolished during the year or of no comparison type.</p>
        <table id="authorities" class="sortable" aria-labelledby="authorities-heading">
        <thead>
        <tr>
        <th scope="col" data-key="name" aria-sort="ascending">Authority</th>
        <th scope="col" data-key="type">Type</th>
        <th scope="col" data-key="investigations" data-type="number">Detailed investigations</th>
        <th scope="col" data-key="uphold_rate" data-type="number">Uphold rate</th>
        <th scope="col" data-key="avg_uphold_rate" data-type="number"><span class="visually-hidden">Uphold rate: </span>Type average</th>
        <th scope="col" data-key="compliance_rate" data-type="number">Compliance rate</th>
        <th scope="col" data-key="avg_compliance_rate" data-type="number"><span class="visually-hidden">Compliance rate: </span>Type average</th>
        <th scope="col" data-key="satisfactory_remedy_rate" data-type="number">Satisfactory remedy rate</th>
        <th scope="col" data-key="avg_satisfactory_remedy_rate" data-type="number"><span class="visually-hidden">Satisfactory remedy rate: </span>Type average</th>
        </tr>
        </thead>
        <tbody>

        """)
        year.authorities.withUnsafeBufferPointer { rows in
            // The heads made for the run, unless one of the year's authorities is not among them.
            let given = heads.flatMap { heads in heads.ranks(of: rows).map { (heads, $0) } }
            let (heads, ranks) = given ?? {
                let own = AuthorityRowHeads.of(rows)
                return (own, own.ranks(of: rows)!)  // Its own heads hold every row's authority.
            }()
            // What each row shows, read in the order the rows are stored: the rows were made
            // long before and are out of the cache, and read front to back the processor
            // fetches them ahead; in the order by name, each row was a wait for memory.
            let shown = rows.indices.map { ShownValues(rows.baseAddress! + $0) }
            let types = TypeCells(year)
            for position in order(ranks, of: heads.count) {
                heads.appendHead(ranks[position], to: &html)
                authorityCells(shown[position], types: types, into: &html)
            }
        }
        html.raw("</tbody>\n</table>\n")
    }

    /// The positions of rows of the given `ranks` (below `count`), by rank: each row put in
    /// its rank's place, no sort. Rows of the same rank (two of one code, which a year never
    /// has) are sorted, by rank and then position.
    private static func order(_ ranks: [Int], of count: Int) -> [Int] {
        var places = [Int](repeating: -1, count: count)
        for (position, rank) in ranks.enumerated() {
            guard places[rank] < 0 else { return ranks.indices.sorted { (ranks[$0], $0) < (ranks[$1], $1) } }
            places[rank] = position
        }
        return places.filter { $0 >= 0 }
    }

    /// The rest of an authority's row after its head (``AuthorityRowHeads``): plain cells,
    /// which the sort script reads as they are shown (`86%` is 86, `n/a` no value), so that a
    /// row carries no second copy of its values for the script.
    private static func authorityCells(_ row: ShownValues, types: TypeCells, into html: inout HTMLBuffer) {
        if !row.isCurrent {
            html.raw(row.isAbolished ? " <span class=\"tag\">abolished</span>" : " <span class=\"tag\">not yet established</span>")
        }
        types.append(.type, type: row.type, isCurrent: row.isCurrent, to: &html)
        html.number(row.investigations)
        html.raw("</td><td>")
        html.percent(row.upholdRate)
        types.append(.upholdAverage, type: row.type, isCurrent: row.isCurrent, to: &html)
        html.percent(row.complianceRate)
        types.append(.complianceAverage, type: row.type, isCurrent: row.isCurrent, to: &html)
        html.percent(row.satisfactoryRemedyRate)
        types.append(.satisfactoryRemedyAverage, type: row.type, isCurrent: row.isCurrent, to: &html)
    }

    /// The values a row of the table shows, besides its head.
    private struct ShownValues {
        let type: ComparisonType?
        let isCurrent: Bool, isAbolished: Bool
        let investigations: Int
        let upholdRate: Int?, complianceRate: Int?, satisfactoryRemedyRate: Int?

        init(_ row: UnsafePointer<AuthorityYearFigures>) {
            // Each field through the pointer: `row.pointee` as a whole, or a computed property
            // of one of its parts, is a copy of it (a dozen retains, each a cache miss).
            type = row.pointee.authority.comparisonType
            isCurrent = row.pointee.isCurrent
            isAbolished = !isCurrent && ReportRenderer.isAbolished(ending: row.pointee.authority.endDate, in: row.pointee.year)
            investigations = row.pointee.investigations
            upholdRate = row.pointee.upholdRate
            complianceRate = row.pointee.complianceRate
            satisfactoryRemedyRate = row.pointee.satisfactoryRemedyRate
        }
    }
}
