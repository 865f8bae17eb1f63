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
        let year = try #require(Fixtures.annual.years.last)
        let row = try #require(year.authorities.first)
        let letter = LetterFields(row, types: year)
        expectListsEveryField(letter)
        expectListsEveryField(try #require(letter.received.first))
        expectListsEveryField(LetterFields.Per100kLines(value: "4.8", average: "n/a"))
    }

    @Test func fieldsReadAsMirrorReadsThem() throws {
        let year = try #require(Fixtures.annual.years.last)
        for row in year.authorities {
            expectAnswersLikeMirror(LetterFields(row, types: year))
        }
        #expect(LetterFields(Fixtures.leicester2023, types: Fixtures.single(Fixtures.leicester2023).years[0]).child(named: "nope") == nil)
    }
}
