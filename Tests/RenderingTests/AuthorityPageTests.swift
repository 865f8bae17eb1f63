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

/// The cases behind the year page's figures and its service improvements, on invented cases
/// (``CaseFixtures``: references, dates and sub-categories made up, their numbers following
/// Leicester 2023-24's counts), since a run does not fill them on this branch.
@Suite struct AuthorityPageCasesTests {
    func page(_ row: AuthorityYearFigures, improvements: ServiceImprovements? = nil) -> String {
        let year = FigureFixtures.single(row, types: [], publicReports: []).years[0]
        return String(decoding: ReportRenderer.authorityPage(row, in: year, method: .pooled, improvements: improvements).bytes,
                      as: UTF8.self)
    }

    /// The part of `page` from `start` to the next `end`.
    func section(_ page: String, from start: String, to end: String = "</details>") throws -> Substring {
        let from = try #require(page.range(of: start))
        let to = try #require(page[from.upperBound...].range(of: end))
        return page[from.lowerBound ..< to.upperBound]
    }

    @Test func eachStatisticHasOneDetailsWithItsNumeratorAndDenominatorCounts() throws {
        let page = page(CaseFixtures.withCases(FigureFixtures.leicester2023))
        #expect(page.components(separatedBy: "<details").count - 1 == 3)
        #expect(page.contains("<summary>The 18 upheld and 21 investigated cases behind the uphold rate (86%)</summary>"))
        #expect(page.contains("<summary>The 15 complied and 15 compliance outcomes behind the compliance rate (100%)</summary>"))
        #expect(page.contains("<summary>The 2 satisfactorily remedied and 18 upheld cases behind the satisfactory remedy rate (11%)</summary>"))
        #expect(page.contains("<p id=\"compliance_rate-not_complied\">Not complied: none</p>"))
    }

    @Test func everyCaseIsListedUnderItsGroupWithItsDate() throws {
        let row = CaseFixtures.withCases(FigureFixtures.leicester2023)
        let page = page(row)
        let uphold = try section(page, from: "<details id=\"uphold_rate-cases\">")
        let upheld = try section(page, from: "<ul class=\"cases\" aria-labelledby=\"uphold_rate-upheld\">", to: "</ul>")
        let notUpheld = try section(page, from: "<ul class=\"cases\" aria-labelledby=\"uphold_rate-not_upheld\">", to: "</ul>")
        for decision in row.cases.decisions {
            let item = "<li>\(CaseReference.text(decision.reference)), \(StatisticCases.dateText(decision.decisionDate))</li>"
            switch decision.outcome {
            case .upheld: #expect(upheld.contains(item) && !notUpheld.contains(item))
            case .notUpheld: #expect(notUpheld.contains(item) && !upheld.contains(item))
            default: #expect(!uphold.contains(CaseReference.text(decision.reference)))
            }
        }
        let compliance = try section(page, from: "<details id=\"compliance_rate-cases\">")
        for outcome in row.cases.compliance {
            #expect(compliance.contains("<li>\(CaseReference.text(outcome.reference)), \(StatisticCases.dateText(outcome.complianceDate))</li>"))
        }
        #expect(compliance.contains("<p id=\"compliance_rate-complied\">Complied: 14</p>"))
        #expect(compliance.contains("<p id=\"compliance_rate-complied_late\">Complied late: 1</p>"))
        let remedy = try section(page, from: "<details id=\"satisfactory_remedy_rate-cases\">")
        #expect(remedy.contains("Upheld with a satisfactory remedy already provided: 2</p>"))
        #expect(remedy.contains("Upheld without a satisfactory remedy: 16</p>"))
    }

    /// A row whose cases are not known (read back from `authority_year.csv`) lists none rather
    /// than lists that contradict its figures.
    @Test func noListsWhenTheCasesDoNotAccountForTheCounts() {
        let page = page(FigureFixtures.leicester2023)
        #expect(!page.contains("<details") && !page.contains("The cases behind the figures"))
    }

    @Test func aStatisticWithNothingToDivideBySaysSoWithoutDetails() {
        let page = page(CaseFixtures.withCases(FigureFixtures.buryEmpty2023))
        #expect(!page.contains("<details"))
        #expect(page.contains("<p>The 0 upheld and 0 investigated cases behind the uphold rate (n/a).</p>"))
    }

    /// Invented service improvements of Leicester: twelve from 2018-19 to 2023-24, one of
    /// 2017-18 and one of 2024-25 (neither counted on the 2023-24 page).
    static let improvements: [CaseRow<ServiceImprovementCase>] = (0 ..< 14).map { i in
        let label = ReportingYear(startYear: i == 0 ? 2017 : i == 13 ? 2024 : 2018 + (i - 1) / 2)
        return CaseRow(year: label, authorityCode: "LCE", case: ServiceImprovementCase(
            reference: 17_000_000 + UInt32(i), decisionDate: Day(daysSinceEpoch: label.firstDay.daysSinceEpoch + Int32(i)),
            area: .housing, subcategory: "Invented <sub-category> \(i)", remedy: "Training and/or guidance"))
    }

    @Test func theLatestTenServiceImprovementsUpToTheYearNewestFirstWithTheCount() throws {
        let improvements = try #require(ServiceImprovements.byCode(Self.improvements, upTo: .labelled("2023-24"))["LCE"])
        #expect(improvements.count == 12 && improvements.latest.count == 10)
        let page = page(FigureFixtures.leicester2023, improvements: improvements)
        #expect(page.contains("<p>Since April 2018, the Council has agreed to make the following improvements to its services as a result of our investigations.</p>"))
        let table = try section(page, from: "<table aria-labelledby=\"improvements-heading\">", to: "</table>")
        let listed = (3 ... 12).reversed().map { CaseReference.text(17_000_000 + UInt32($0)) }
        #expect(table.components(separatedBy: "<tr><td>").dropFirst().map { String($0.prefix(10)) } == listed)
        #expect(table.contains("<td>Housing</td><td>Invented &lt;sub-category&gt; 12</td>"))
        #expect(page.contains("The latest 10 of 12 cases from 1 April 2018 to 31 March 2024, newest first."))
    }

    @Test func serviceImprovementsFrom2018OnlyAndNoneSaidSo() {
        let none = page(FigureFixtures.leicester2023)
        #expect(none.contains("<p>Since April 2018, the Council has not agreed to make improvements to its services as a result of our investigations.</p>"))
        let early = FigureFixtures.row(RegisterFixture.leicester, "2017-18", outcomes: [0, 0, 0, 0, 1, 1], remedies: 0, population: nil)
        #expect(!page(early).contains("Service improvements"))
    }
}
