import PipelineModel
@testable import Rendering
import Testing
import TestSupport

/// The authority's page of a year (``AuthorityPageMarkup``): the complaint overview, from
/// 2024-25, in the letters' wording.
@Suite struct AuthorityPageTests {
    let templates: RenderingTemplates

    init() throws { templates = try RepositoryTemplates.load() }

    func page(_ row: AuthorityYearFigures) -> String {
        let year = FigureFixtures.single(row, types: [], publicReports: []).years[0]
        return String(decoding: ReportRenderer.authorityPage(row, in: year, method: .pooled).bytes, as: UTF8.self)
    }

    func letter(_ row: AuthorityYearFigures) throws -> String {
        let artefacts = RenderedFiles.letters(FigureFixtures.single(row, types: [], publicReports: []), templates: templates,
                                             settings: LetterSettings())
        return String(decoding: try #require(artefacts.first { $0.path.hasSuffix(".md") }).bytes, as: UTF8.self)
    }

    /// Leicester 2024-25 (statistics.md's example figures): the page's overview is the letter's
    /// paragraph, then the letter's "We investigated ... and upheld ..." sentence.
    @Test func overviewFrom2024IsTheLettersWording() throws {
        let row = FigureFixtures.leicester2024
        let letter = try letter(row)
        let paragraph = try #require(letter.split(separator: "\n").first { $0.hasPrefix("Between 1 April 2024 to 31 March 2025") })
        let upheld = try #require(letter.split(separator: "\n").first { $0.hasPrefix("We investigated") && $0.contains("upheld") })
        let page = page(row)
        #expect(page.contains("<h2 id=\"overview-heading\">Complaint overview</h2>\n<p>"
            + paragraph.dropLast("We investigated \(row.investigations) complaints.".count) + upheld + "</p>"))
        #expect(page.contains("Of these, 28 were not for us or not ready for us to investigate."))
    }

    @Test func noOverviewBefore2024() {
        #expect(!page(FigureFixtures.leicester2023).contains("Complaint overview"))
    }
}
