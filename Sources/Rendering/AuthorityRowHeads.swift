package import PipelineModel

/// The opening of each authority's row in the year indexes, `<tr><th scope="row"><a
/// href="LCE.html">Leicester City Council</a>`, and the authorities' order by name, then code:
/// the table's first order.
///
/// Both are the same in every year, so a run makes them once for every year's index, rather
/// than each page escaping and sorting the names again (a third of the page's cost). A year's
/// index made alone makes its own. Keyed by code, since every year of a run has the register's
/// one authority for a code.
package struct AuthorityRowHeads: Sendable {
    /// The authorities' codes in the order of a year's rows (by code), and each one's position
    /// in the order by name.
    private let codes: [String], ranks: [Int]
    /// By code: the position in ``codes``.
    private let indexByCode: [String: Int]
    /// Every row's opening markup, by rank.
    private let heads: MarkupRuns

    /// The heads of every authority with a row in any of `years`.
    package init(_ years: [YearFigures]) {
        var seen = Set<String>()
        var authorities: [Authority] = []
        for year in years {
            // Through a pointer, the code alone: iterating the rows would copy each whole row.
            year.authorities.withUnsafeBufferPointer { rows in
                for i in rows.indices where seen.insert((rows.baseAddress! + i).pointee.authority.code).inserted {
                    authorities.append((rows.baseAddress! + i).pointee.authority)
                }
            }
        }
        // By code, as each year's rows are: in the order they were first seen, the authorities
        // new in later years came last, and every page's walk lost its place at the first.
        self.init(authorities.sorted { $0.code < $1.code })
    }

    private init(_ authorities: [Authority]) {
        let byName = authorities.indices.sorted { a, b in
            let (x, y) = (authorities[a], authorities[b])
            return x.officialName == y.officialName ? x.code < y.code : x.officialName < y.officialName
        }
        var ranks = [Int](repeating: 0, count: authorities.count)
        for (rank, index) in byName.enumerated() { ranks[index] = rank }
        self.ranks = ranks
        codes = authorities.map(\.code)
        indexByCode = Dictionary(codes.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        heads = MarkupRuns(byName.count, capacity: 128 * byName.count) { rank, html in
            let authority = authorities[byName[rank]]
            html.raw("<tr><th scope=\"row\"><a href=\"")
            html.raw(ReportRenderer.pageName(authority.code))
            html.raw("\">")
            html.text(authority.officialName)
            html.raw("</a>")
        }
    }

    /// The ranks of `rows`' authorities, in `rows`' order; nil when one is not among these
    /// heads (a year's page given another year's heads), so that the caller makes its own.
    func ranks(of rows: UnsafeBufferPointer<AuthorityYearFigures>) -> [Int]? {
        var ranks: [Int] = []
        ranks.reserveCapacity(rows.count)
        // The rows come in the order of ``codes``: each is usually the next code or a few further
        // on (authorities without a row in the year skipped), found without hashing; any other
        // is looked up.
        var next = 0
        for i in rows.indices {
            // The code through the pointer, not the row: reading the row as a whole copies it.
            let code = (rows.baseAddress! + i).pointee.authority.code
            let window = min(next + 4, codes.count)
            var index = next
            while index < window, codes[index] != code { index += 1 }
            if index == window {
                guard let found = indexByCode[code] else { return nil }
                index = found
            }
            ranks.append(self.ranks[index])
            next = index + 1
        }
        return ranks
    }

    /// Makes the heads of `rows`' own authorities, for a page whose run made none.
    static func of(_ rows: UnsafeBufferPointer<AuthorityYearFigures>) -> AuthorityRowHeads {
        AuthorityRowHeads(rows.indices.map { (rows.baseAddress! + $0).pointee.authority })
    }

    /// The number of authorities, and of ranks.
    var count: Int { ranks.count }

    /// Appends the opening markup of the row of the authority at `rank`.
    func appendHead(_ rank: Int, to html: inout HTMLBuffer) {
        heads.append(rank, to: &html)
    }
}
