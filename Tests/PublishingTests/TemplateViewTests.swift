import PipelineModel
@testable import Publishing
import Testing

/// The views list their fields for the templates by hand (``TemplateView``): a stored property
/// missing from a list would render as nothing, so every list is checked against the type.
@Suite struct TemplateViewTests {
    /// The stored properties of `value` (through `Mirror`, as swift-mustache would find them).
    private func storedNames(_ value: Any) -> Set<String> {
        Set(Mirror(reflecting: value).children.compactMap(\.label))
    }

    private func expectListsEveryField<View: TemplateView>(_ view: View) {
        let listed = Set(View.templateFields.keys)
        #expect(storedNames(view) == listed, "\(View.self): listed \(listed.sorted())")
    }

    private func expectAnswersLikeMirror<View: TemplateView>(_ view: View) {
        for child in Mirror(reflecting: view).children {
            guard let name = child.label else { continue }
            #expect(String(describing: view.child(named: name) ?? "nil") == String(describing: Self.unwrapped(child.value)),
                    "\(View.self).\(name)")
        }
    }

    /// What swift-mustache makes of a field found through `Mirror`: an optional is unwrapped.
    private static func unwrapped(_ value: Any) -> Any {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value ?? "nil"
    }

    @Test func everyViewListsEveryStoredProperty() throws {
        let figures = Fixtures.annual
        let year = try #require(figures.years.last)
        let row = try #require(year.authorities.first)
        let index = ReportWriter.indexView(year, figures: figures)
        let page = ReportWriter.authorityView(row, year: year, figures: figures, history: .init(figures))
        let chart = page.upholdChart
        expectListsEveryField(index)
        expectListsEveryField(try #require(index.rows.first))
        expectListsEveryField(try #require(index.types.first))
        expectListsEveryField(try #require(index.years.first))
        expectListsEveryField(page)
        expectListsEveryField(page.headline)
        expectListsEveryField(page.headline.uphold)
        expectListsEveryField(ReportAuthorityView.Successor(successorCode: "X", successorHref: "X.html", hasPage: true))
        expectListsEveryField(chart)
        expectListsEveryField(try #require(chart.grid.first))
        expectListsEveryField(try #require(chart.groups.first))
        expectListsEveryField(try #require(chart.groups.first?.bars.first))
        expectListsEveryField(try #require(chart.series.first))
        expectListsEveryField(page.letter)
        expectListsEveryField(try #require(page.letter.received.first))
        expectListsEveryField(LetterFields.Per100kLines(value: "4.8", average: "n/a"))
    }

    @Test func fieldsReadAsMirrorReadsThem() throws {
        let figures = Fixtures.annual
        let year = try #require(figures.years.last)
        for row in year.authorities {
            let page = ReportWriter.authorityView(row, year: year, figures: figures, history: .init(figures))
            expectAnswersLikeMirror(page)
            expectAnswersLikeMirror(page.letter)
            expectAnswersLikeMirror(page.headline)
        }
        #expect(LetterFields(Fixtures.leicester2023, types: Fixtures.single(Fixtures.leicester2023).years[0]).child(named: "nope") == nil)
    }
}
