package import PipelineModel

/// An authority's service improvements since April 2018 up to some year, as the Ombudsman's
/// council page lists them: the latest ten (reference, category, sub-category), newest first,
/// and how many there are in all (statistics.md, "Remedies and service improvements").
///
/// The year page shows those up to its year, the history page those of every published year.
package struct ServiceImprovements: Sendable, Equatable {
    /// The latest ones, newest first (by decision date, then reference), at most ``shown``.
    package let latest: [CaseRow<ServiceImprovementCase>]
    /// How many there are from 2018-19 up to ``upTo``.
    package let count: Int
    /// The last year counted.
    package let upTo: ReportingYear

    /// The first year counted: "Since April 2018".
    package static let firstYear = ReportingYear(startYear: 2018)
    /// How many the page lists, as the Ombudsman's page does.
    package static let shown = 10

    /// Each authority's service improvements (by code) from `rows` (every published year's
    /// rows of `service_improvements.csv`, any order) of the years from 2018-19 to `upTo`;
    /// an authority without any has no entry.
    package static func byCode(_ rows: [CaseRow<ServiceImprovementCase>], upTo: ReportingYear)
        -> [String: ServiceImprovements] {
        byYear(rows, years: [upTo])[upTo] ?? [:]
    }

    /// ``byCode(_:upTo:)`` for each of `years` (those before 2018-19 have no entry), each
    /// authority's rows sorted once for all the years rather than once a year.
    package static func byYear(_ rows: [CaseRow<ServiceImprovementCase>], years: [ReportingYear])
        -> [ReportingYear: [String: ServiceImprovements]] {
        let newestFirst = Dictionary(grouping: rows.filter { $0.year >= firstYear }, by: \.authorityCode).mapValues { rows in
            rows.sorted { ($0.case.decisionDate, $0.case.reference) > ($1.case.decisionDate, $1.case.reference) }
        }
        var byYear: [ReportingYear: [String: ServiceImprovements]] = [:]
        for year in years where year >= firstYear {
            byYear[year] = newestFirst.compactMapValues { rows in
                // Counted without copying the rows: a year's list is read once per authority and year.
                let counted = rows.lazy.filter { $0.year <= year }
                let count = counted.count
                return count == 0 ? nil : ServiceImprovements(latest: Array(counted.prefix(shown)), count: count, upTo: year)
            }
        }
        return byYear
    }

    /// What the pages show of every authority of `all`, as one text for a fingerprint, so that
    /// a page is rendered again when an earlier year's service improvements change.
    package static func fingerprintText(_ all: [String: ServiceImprovements]) -> String {
        all.sorted { $0.key < $1.key }.map { code, improvements in
            ([code, "\(improvements.count)"] + improvements.latest.map { row in
                [CaseReference.text(row.case.reference), row.case.area.name, row.case.subcategory].joined(separator: "\u{1F}")
            }).joined(separator: "\u{1E}")
        }.joined(separator: "\u{1D}")
    }

    /// The section: "Since April 2018, the Council has agreed to make the following
    /// improvements to its services as a result of our investigations", the latest ten in a
    /// table and the total count; `improvements` nil: none. `council`: "the Council", else
    /// "the authority". `yearPage`: the authority's page name in each year, linked from each
    /// reference's year on a history page (nil: on a year page, no link).
    static func write(_ improvements: ServiceImprovements?, council: Bool, yearPage: String?, into html: inout HTMLBuffer) {
        let subject = council ? "the Council" : "the authority"
        html.raw("<h2 id=\"improvements-heading\">Service improvements</h2>\n")
        guard let improvements, improvements.count > 0 else {
            html.raw("<p>Since April 2018, \(subject) has not agreed to make improvements to its services as a result of our investigations.</p>\n")
            return
        }
        html.raw("<p>Since April 2018, \(subject) has agreed to make the following improvements to its services as a result of our investigations.</p>\n")
        html.raw("<table aria-labelledby=\"improvements-heading\">\n<thead>\n<tr><th scope=\"col\">Reference</th><th scope=\"col\">Category</th><th scope=\"col\">Sub-category</th>")
        if yearPage != nil { html.raw("<th scope=\"col\">Year</th>") }
        html.raw("</tr>\n</thead>\n<tbody>\n")
        for row in improvements.latest {
            html.raw("<tr><td>")
            html.raw(CaseReference.text(row.case.reference))
            html.raw("</td><td>")
            html.text(row.case.area.name)
            html.raw("</td><td>")
            html.text(row.case.subcategory)
            if let yearPage {
                html.raw("</td><td><a href=\"../\(row.year.label)/")
                html.raw(yearPage)
                html.raw("\">\(row.year.label)</a>")
            }
            html.raw("</td></tr>\n")
        }
        let shown = improvements.latest.count
        html.raw("</tbody>\n</table>\n<p class=\"note\">")
        html.raw(shown == improvements.count
            ? (shown == 1 ? "1 case in all" : "All \(shown) cases")
            : "The latest \(shown) of \(improvements.count) cases")
        html.raw(" from 1 April 2018 to 31 March \(improvements.upTo.startYear + 1), newest first.</p>\n")
    }
}
