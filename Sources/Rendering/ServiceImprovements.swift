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
    ///
    /// Rows are sorted by one packed key each (year, decision date, reference), newest first;
    /// a row's year is its decision's, so this is the order of decision dates, and an authority's
    /// rows up to a year are the tail of its list from the first row of that year or before,
    /// found by bisection. At 2M rows (some 100,000 service improvements) copying and comparing
    /// the rows themselves took 0.04 s of the publication's serial start, twice.
    package static func byYear(_ rows: [CaseRow<ServiceImprovementCase>], years: [ReportingYear])
        -> [ReportingYear: [String: ServiceImprovements]] {
        var byAuthority: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() where row.year >= firstYear {
            byAuthority[row.authorityCode, default: []].append(index)
        }
        let newestFirst = byAuthority.mapValues { indices in
            indices.map { (key: sortKey(rows[$0]), index: $0) }.sorted { $0.key > $1.key }.map(\.index)
        }
        var byYear: [ReportingYear: [String: ServiceImprovements]] = [:]
        for year in years where year >= firstYear {
            byYear[year] = newestFirst.compactMapValues { indices in
                // The first row of `year` or before: years only fall along the list.
                var low = 0, high = indices.count
                while low < high {
                    let middle = (low + high) / 2
                    if rows[indices[middle]].year > year { low = middle + 1 } else { high = middle }
                }
                let count = indices.count - low
                return count == 0 ? nil : ServiceImprovements(
                    latest: indices[low ..< min(low + shown, indices.count)].map { rows[$0] }, count: count, upTo: year)
            }
        }
        return byYear
    }

    /// A row's place in the lists as one number, larger for newer: its year's first calendar
    /// year above 1900 (8 bits), its decision day (24 bits, offset so that it stays positive)
    /// and its reference (32 bits).
    private static func sortKey(_ row: CaseRow<ServiceImprovementCase>) -> UInt64 {
        let year = UInt64(UInt8(clamping: row.year.startYear - 1900))
        let day = UInt64(UInt32(bitPattern: row.case.decisionDate.daysSinceEpoch &+ (1 << 23)) & 0xFF_FFFF)
        return year << 56 | day << 32 | UInt64(row.case.reference)
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
