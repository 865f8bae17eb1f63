import PipelineModel
@testable import Rendering
import Testing
import TestSupport

/// The year index's table of authorities: rows in order by name, each opened by the run's
/// ``AuthorityRowHeads`` or, without them, the page's own, to the same bytes.
@Suite struct YearIndexTests {
    let templates: RenderingTemplates

    init() throws { templates = try RepositoryTemplates.load() }

    func index(_ year: YearFigures, heads: AuthorityRowHeads? = nil) -> String {
        String(decoding: ReportRenderer.yearIndex(year, method: .pooled, templates: templates, heads: heads).bytes, as: UTF8.self)
    }

    @Test func theRunsHeadsGiveEachYearTheBytesOfItsOwn() throws {
        let figures = try SampleFigures.load()
        let run = AuthorityRowHeads(figures.years)
        for year in figures.years {
            #expect(index(year, heads: run) == index(year), "\(year.year.label)")
        }
        // Heads that lack some of a year's authorities: the page makes its own.
        let first = try #require(figures.years.first), last = try #require(figures.years.last)
        #expect(index(last, heads: AuthorityRowHeads([first])) == index(last))
    }

    /// Invented authorities: two of one name, one with a non-ASCII name and one with `&`, in
    /// register (code) order, which is not their order by name.
    @Test func rowsComeByNameThenCodeInStringOrder() throws {
        let names = [("AAA", "Zeta District Council"), ("BBB", "Ébène District Council"), ("CCC", "Alpha District Council"),
                     ("DDD", "Beta & Gamma District Council"), ("EEE", "Alpha District Council"), ("FFF", "Zeta district Council")]
        let rows = names.map { code, name in
            FigureFixtures.row(Authority(code: code, officialName: name, registerType: "NMD"), "2023-24",
                               outcomes: [0, 0, 0, 0, 1, 1], remedies: 0, population: 100_000)
        }
        let year = YearFigures.summing(year: .labelled("2023-24"), authorities: rows, types: FigureFixtures.types("2023-24", []))
        // The run's heads from another year holding only some of them, in another order: the
        // codes it lacks are looked up, then the page makes its own.
        let partial = YearFigures.summing(year: .labelled("2022-23"), authorities: [rows[4], rows[2]],
                                          types: FigureFixtures.types("2022-23", []))
        let expected = names.sorted { $0.1 == $1.1 ? $0.0 < $1.0 : $0.1 < $1.1 }.map(\.0)
        #expect(expected == ["CCC", "EEE", "DDD", "AAA", "FFF", "BBB"])
        for page in [index(year), index(year, heads: AuthorityRowHeads([year])), index(year, heads: AuthorityRowHeads([partial, year])),
                     index(year, heads: AuthorityRowHeads([partial]))] {
            let positions = expected.compactMap { page.range(of: "<a href=\"\($0).html\">")?.lowerBound }
            #expect(positions.count == expected.count && positions == positions.sorted())
            #expect(page.contains(">Beta &amp; Gamma District Council</a></th>"))
        }
    }
}
