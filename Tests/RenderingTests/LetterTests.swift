import Foundation
import PipelineModel
@testable import Rendering
import Testing
import TestSupport

/// The draft letters against statistics.md: the published sentences of each worked example,
/// word for word, and the wording rules by year. A golden named in a "published" test is built
/// from the published counts and averages of statistics.md (FigureFixtures says which figures had to
/// be invented); the others say they are invented.
@Suite struct LetterTests {
    let templates: RenderingTemplates

    init() throws { templates = try RepositoryTemplates.load() }

    /// The letter of `row` (Markdown and HTML), rendered alone in its year.
    func letter(_ row: AuthorityYearFigures, types: [TypeYearFigures] = [], settings: LetterSettings = LetterSettings(),
                publicReports: [PublicReportCase] = []) throws -> (md: String, html: String) {
        let artefacts = RenderedFiles.letters(FigureFixtures.single(row, types: types, publicReports: publicReports),
                                             templates: templates, settings: settings)
        let md = try #require(artefacts.first { $0.path.hasSuffix(".md") })
        let html = try #require(artefacts.first { $0.path.hasSuffix(".html") })
        return (String(decoding: md.bytes, as: UTF8.self), String(decoding: html.bytes, as: UTF8.self))
    }

    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    /// Expects every line of `published` among the letter's lines, and the HTML letter to hold
    /// each as a paragraph's text.
    func expectPublished(_ published: [String], in letter: (md: String, html: String),
                         sourceLocation: SourceLocation = #_sourceLocation) {
        let text = lines(letter.md)
        for line in published {
            #expect(text.contains(line), "missing: \(line)", sourceLocation: sourceLocation)
            #expect(letter.html.contains(">\(line)</"), "missing in HTML: \(line)", sourceLocation: sourceLocation)
        }
    }

    @Test func lettersAreWrittenForEveryAuthorityAndYearWithTheYearsStyleSheet() throws {
        let artefacts = RenderedFiles.letters(FigureFixtures.annual, templates: templates)
        let expected = FigureFixtures.annual.years.flatMap { year in
            year.authorities.flatMap { row in
                ["letters/\(year.year.label)/\(row.authority.code).md", "letters/\(year.year.label)/\(row.authority.code).html"]
            } + ["letters/\(year.year.label)/letter.css"]
        }
        #expect(artefacts.map(\.path) == expected)
        #expect(artefacts.allSatisfy { $0.year?.label == String($0.path.split(separator: "/")[1]) }, "each in its year's partition")
    }

    @Test func everyHTMLLetterLinksTheStyleSheetBesideItWithItsA4PrintRules() throws {
        let artefacts = RenderedFiles.letters(FigureFixtures.annual, templates: templates)
        let paths = Set(artefacts.map(\.path))
        for letter in artefacts where letter.path.hasSuffix(".html") {
            let html = String(decoding: letter.bytes, as: UTF8.self)
            #expect(html.contains("<link rel=\"stylesheet\" href=\"letter.css\">\n</head>"), "\(letter.path)")
            #expect(!html.contains("<style") && html.components(separatedBy: "<link ").count == 2, "\(letter.path)")
            let folder = letter.path.split(separator: "/").dropLast().joined(separator: "/")
            #expect(paths.contains(folder + "/letter.css"), "\(letter.path)")
        }
        for letter in artefacts where letter.path.hasSuffix(".md") {
            #expect(!String(decoding: letter.bytes, as: UTF8.self).contains("letter.css"), "\(letter.path)")
        }
        let css = String(decoding: try #require(artefacts.first { $0.path.hasSuffix("/letter.css") }).bytes, as: UTF8.self)
        #expect(css.contains("@page{size:A4;margin:20mm 18mm}"))
        #expect(css.contains("@media print{"))
        #expect(css.hasPrefix("body{") && !css.contains("{{"), "the template's comment is not rendered")
    }

    // MARK: - Published (statistics.md)

    @Test func leicester2023SaysInvestigationsAndTheCouncilAsPublished() throws {
        let letter = try letter(FigureFixtures.leicester2023, types: [FigureFixtures.unitary2023])
        try Golden.expect(Array(letter.md.utf8), matches: "LCE-2023-24.md")
        try Golden.expect(Array(letter.html.utf8), matches: "LCE-2023-24.html")
        expectPublished([
            "86% of complaints we investigated were upheld.",
            "This compares to an average of 79% in similar authorities.",
            "18 upheld decisions",
            "Adjusted for Leicester City Council's population, this is 4.8 upheld decisions per 100,000 residents.",
            "The average for authorities of this type is 4.6 upheld decisions per 100,000 residents.",
            "Statistics are based on a total of 21 investigations for the period between 1 April 2023 to 31 March 2024",
            "100% of cases we were satisfied the Council had successfully implemented our recommendations.",
            "This compares to an average of 100% in similar authorities.",
            "Statistics are based on a total of 15 compliance outcomes for the period between 1 April 2023 to 31 March 2024",
            "In 11% of upheld cases we found the Council had provided a satisfactory remedy before the complaint reached the Ombudsman.",
            "This compares to an average of 13% in similar authorities.",
            "2 satisfactory remedy decisions",
            "Statistics are based on a total of 18 upheld decisions for the period between 1 April 2023 to 31 March 2024",
        ], in: letter)
        #expect(lines(letter.md).contains("## Satisfactory remedies provided by the Council"))
        #expect(!letter.md.contains("detailed investigations") && !letter.md.contains("Complaint overview"))
    }

    @Test func kent2022SaysDetailedInvestigationsWithPer100kLinesAsPublished() throws {
        let letter = try letter(FigureFixtures.kent2022, types: [FigureFixtures.county2022])
        try Golden.expect(Array(letter.md.utf8), matches: "KEN-2022-23.md")
        expectPublished([
            "87% of complaints we investigated were upheld.",
            "This compares to an average of 80% in similar authorities.",
            "53 upheld decisions",
            "Adjusted for Kent County Council's population, this is 3.4 upheld decisions per 100,000 residents.",
            "The average for authorities of this type is 3.4 upheld decisions per 100,000 residents.",
            "Statistics are based on a total of 61 detailed investigations for the period between 1 April 2022 to 31 March 2023",
            "100% of cases we were satisfied the Council had successfully implemented our recommendations.",
            "Statistics are based on a total of 51 compliance outcomes for the period between 1 April 2022 to 31 March 2023",
            "In 8% of upheld cases we found the Council had provided a satisfactory remedy before the complaint reached the Ombudsman.",
            "This compares to an average of 6% in similar authorities.",
            "4 satisfactory remedy decisions",
        ], in: letter)
    }

    @Test func leicester2024HasTheComplaintOverviewAsPublished() throws {
        let letter = try letter(FigureFixtures.leicester2024, types: [FigureFixtures.unitary2024])
        try Golden.expect(Array(letter.md.utf8), matches: "LCE-2024-25.md")
        expectPublished([
            "Between 1 April 2024 to 31 March 2025, we dealt with 118 complaints. Of these, 28 were not for us or not ready for us to investigate. We assessed and closed 67 complaints. We investigated 23 complaints.",
            "We investigated 23 complaints and upheld 17.",
            "74% of complaints we investigated were upheld.",
            "This compares to an average of 80% in similar authorities.",
            "Adjusted for Leicester City Council's population, this is 4.5 upheld decisions per 100,000 residents.",
            "Statistics are based on a total of 23 investigations for the period between 1 April 2024 to 31 March 2025",
        ], in: letter)
        let text = lines(letter.md)
        let overview = try #require(text.firstIndex(of: "## Complaint overview"))
        #expect(overview < (text.firstIndex(of: "## Complaints upheld") ?? 0), "the overview comes before the statistics")
    }

    @Test func windsorAndMaidenhead2020HasNoPer100kLinesAsPublished() throws {
        let letter = try letter(FigureFixtures.windsor2020)
        try Golden.expect(Array(letter.md.utf8), matches: "WNM-2020-21.md")
        expectPublished([
            "Statistics are based on a total of 13 detailed investigations for the period between 1 April 2020 to 31 March 2021",
        ], in: letter)
        #expect(!letter.md.contains("per 100,000") && !letter.html.contains("per 100,000"))
    }

    @Test func bury2019AsPublished() throws {
        let letter = try letter(FigureFixtures.bury2019, types: [FigureFixtures.metropolitan2019])
        try Golden.expect(Array(letter.md.utf8), matches: "BUR-2019-20.md")
        expectPublished([
            "40% of complaints we investigated were upheld.",
            "6 upheld decisions",
            "Statistics are based on a total of 15 detailed investigations for the period between 1 April 2019 to 31 March 2020",
        ], in: letter)
        // The published decisions of the worked example, and its 73 complaints received.
        for row in ["| Incomplete/invalid | 4 |", "| Advice given | 2 |", "| Referred back for local resolution | 24 |",
                    "| Closed after initial enquiries | 27 |", "| Not upheld | 9 |", "| Upheld | 6 |", "| Total | 73 |"] {
            #expect(lines(letter.md).contains(row), "missing: \(row)")
        }
        // Published from 2022-23 only.
        #expect(!letter.md.contains("per 100,000"))
    }

    @Test func sutton2023RoundsTwelveAndAHalfUpAsPublished() throws {
        let letter = try letter(FigureFixtures.sutton2023, types: [FigureFixtures.london2023])
        try Golden.expect(Array(letter.md.utf8), matches: "STN-2023-24.md")
        expectPublished([
            "In 13% of upheld cases we found the Council had provided a satisfactory remedy before the complaint reached the Ombudsman.",
            "Adjusted for London Borough of Sutton's population, this is 7.6 upheld decisions per 100,000 residents.",
            "Statistics are based on a total of 16 upheld decisions for the period between 1 April 2023 to 31 March 2024",
        ], in: letter)
    }

    @Test func cumbria2023AbolishedHasNAAveragesAndNoPer100kLines() throws {
        let letter = try letter(FigureFixtures.cumbria2023)
        try Golden.expect(Array(letter.md.utf8), matches: "CMA-2023-24.md")
        let averages = lines(letter.md).filter { $0.hasPrefix("This compares to an average of") }
        #expect(averages == Array(repeating: "This compares to an average of n/a in similar authorities.", count: 3))
        #expect(!letter.md.contains("per 100,000"))
    }

    // MARK: - Invented fixtures for the wording rules

    @Test func aCombinedAuthorityIsTheAuthorityInvented() throws {
        let letter = try letter(FigureFixtures.greaterManchester2023)
        try Golden.expect(Array(letter.md.utf8), matches: "GMCA-2023-24-invented.md")
        #expect(lines(letter.md).contains(
            "100% of cases we were satisfied the authority had successfully implemented our recommendations."))
        #expect(lines(letter.md).contains("## Satisfactory remedies provided by the authority"))
        #expect(!letter.md.contains("the Council"))
        let averages = lines(letter.md).filter { $0.hasPrefix("This compares to an average of") }
        #expect(averages == Array(repeating: "This compares to an average of n/a in similar authorities.", count: 3))
    }

    @Test func twoPublicReportsHaveAParagraphEachInvented() throws {
        let letter = try letter(FigureFixtures.leicester2023, types: [FigureFixtures.unitary2023], publicReports: FigureFixtures.leicesterReports)
        try Golden.expect(Array(letter.md.utf8), matches: "LCE-2023-24-public-reports-invented.md")
        let text = lines(letter.md)
        #expect(text.contains("## Public reports"))
        #expect(text.contains("**Complaint 23 001 234 (Housing).** The Council delayed for a year in placing a homeless family in "
            + "suitable accommodation. The authority agreed to: apologise, pay £1,500 and review its temporary accommodation procedures"))
        #expect(text.contains("**Complaint 23 004 567 (Adult care services).** The Council failed to arrange the care a disabled "
            + "resident had been assessed as needing."))
        #expect(letter.html.contains("<strong>Complaint 23 004 567 (Adult care services).</strong>"))
        // Without reports, no such section.
        #expect(!(try self.letter(FigureFixtures.leicester2023)).md.contains("Public reports"))
    }

    @Test func theDraftLetterHasItsDateAddresseeTitleAndClosing() throws {
        let settings = LetterSettings(date: Day(year: 2024, month: 7, day: 22),
                                      contacts: ["LCE": Contact(name: "Alison Greenhill", jobTitle: "Chief Operating Officer")])
        let letter = try letter(FigureFixtures.leicester2023, types: [FigureFixtures.unitary2023], settings: settings)
        let text = lines(letter.md)
        #expect(text.prefix(4) == ["22 July 2024", "Alison Greenhill  ", "Chief Operating Officer  ", "Leicester City Council"])
        #expect(text.contains("# Annual Review letter 2024"))
        #expect(text.contains("Dear Alison Greenhill,"))
        #expect(letter.md.contains("in the year ending 31 March 2024."))
        #expect(text.contains("Yours sincerely,"))
        #expect(letter.html.contains("<p class=\"address\">Alison Greenhill<br>Chief Operating Officer<br>Leicester City Council</p>"))
        // Without a date or a contact: visible placeholders, never the clock's date.
        let bare = try self.letter(FigureFixtures.leicester2023).md
        #expect(lines(bare).prefix(3) == ["[Date]", "[Name of the chief executive]  ", "[Job title]  "])
    }

    @Test func theComplianceSentenceIsInEveryLetter() throws {
        let sentence = "An authority with a compliance rate below 100% should scrutinise those complaints where it failed to comply and identify any learning."
        for row in [FigureFixtures.leicester2023, FigureFixtures.bury2019, FigureFixtures.buryEmpty2023, FigureFixtures.cumbria2023] {
            let letter = try letter(row)
            #expect(letter.md.contains(sentence) && letter.html.contains(sentence), "\(row.authority.code) \(row.year)")
        }
    }

    @Test func wordingChangesWithTheYear() throws {
        // The same counts in each year: "detailed" up to 2022-23, per-100,000 from 2022-23, the
        // overview from 2024-25.
        for (year, detailed, per100k, overview) in [("2021-22", true, false, false), ("2022-23", true, true, false),
                                                    ("2023-24", false, true, false), ("2024-25", false, true, true)] {
            let row = FigureFixtures.row(RegisterFixture.leicester, year, outcomes: [1, 1, 1, 1, 1, 1], remedies: 0,
                                   population: 374_998)
            let md = try letter(row).md
            #expect(md.contains("2 detailed investigations") == detailed, "\(year)")
            #expect(md.contains("per 100,000 residents") == per100k, "\(year)")
            #expect(md.contains("## Complaint overview") == overview, "\(year)")
        }
    }

    @Test func singularFormsAsPublished() throws {
        let (md, html) = try letter(FigureFixtures.bury2019, types: [FigureFixtures.metropolitan2019])
        #expect(lines(md).contains("1 satisfactory remedy decision"))
        #expect(html.contains("<p>1 satisfactory remedy decision</p>"))
        let abolished = try letter(FigureFixtures.buckinghamshireCounty2020).md
        #expect(lines(abolished).contains("1 upheld decision"))
        #expect(lines(abolished).contains("0 satisfactory remedy decisions"))
        // statistics.md shows the "based on a total of" lines only in the plural: kept plural.
        #expect(lines(abolished).contains(
            "Statistics are based on a total of 1 detailed investigations for the period between 1 April 2020 to 31 March 2021"))
    }

    @Test func buckinghamshireCounty2020AbolishedInvented() throws {
        let (md, html) = try letter(FigureFixtures.buckinghamshireCounty2020, types: [FigureFixtures.county2020])
        try Golden.expect(Array(md.utf8), matches: "BKM-2020-21.md")
        try Golden.expect(Array(html.utf8), matches: "BKM-2020-21.html")
        let averages = lines(md).filter { $0.hasPrefix("This compares to an average of") }
        #expect(averages == Array(repeating: "This compares to an average of n/a in similar authorities.", count: 3))
        #expect(!md.contains("68%") && !md.contains("21%") && !md.contains("83%"))
    }

    @Test func emptyBasesPrintZeroPercent() throws {
        let text = lines(try letter(FigureFixtures.buryEmpty2023).md)
        for line in [
            "0% of complaints we investigated were upheld.",
            "0 upheld decisions",
            "Adjusted for Bury Metropolitan Borough Council's population, this is 0 upheld decisions per 100,000 residents.",
            "Statistics are based on a total of 0 investigations for the period between 1 April 2023 to 31 March 2024",
            "0% of cases we were satisfied the Council had successfully implemented our recommendations.",
            "Statistics are based on a total of 0 compliance outcomes for the period between 1 April 2023 to 31 March 2024",
            "In 0% of upheld cases we found the Council had provided a satisfactory remedy before the complaint reached the Ombudsman.",
            "0 satisfactory remedy decisions",
        ] {
            #expect(text.contains(line), "missing: \(line)")
        }
    }

    @Test func typeAverageWithNothingToAveragePrintsZeroPercent() throws {
        let empty = FigureFixtures.type(.metropolitan, "2023-24", uphold: nil, remedy: nil, compliance: nil, per100kTenths: nil)
        let md = try letter(FigureFixtures.buryEmpty2023, types: [empty]).md
        let averages = lines(md).filter { $0.hasPrefix("This compares to an average of") }
        #expect(averages == Array(repeating: "This compares to an average of 0% in similar authorities.", count: 3))
        #expect(lines(md).contains("The average for authorities of this type is n/a upheld decisions per 100,000 residents."))
    }

    @Test(arguments: [(11, 100_000, "11"), (18, 374_000, "4.8"), (1, 2_000_000, "0.1"), (1, 20_000_000, "0")])
    func per100kPrintsOneDecimalWithoutTrailingZero(upheld: Int, population: Int, printed: String) throws {
        let row = FigureFixtures.row(RegisterFixture.leicester, "2023-24", outcomes: [0, 0, 0, 0, 0, upheld], remedies: 0,
                               population: population)
        #expect(lines(try letter(row).md).contains(
            "Adjusted for Leicester City Council's population, this is \(printed) upheld decisions per 100,000 residents."))
    }

    @Test func numberText() {
        #expect(NumberText.per100k(tenths: 110) == "11")
        #expect(NumberText.per100k(tenths: 48) == "4.8")
        #expect(NumberText.per100k(tenths: 0) == "0")
        #expect(NumberText.per100k(tenths: 5) == "0.5")
        #expect(NumberText.decimal(tenths: 110) == "11.0")
        #expect(NumberText.letterPercent(nil) == "0%")
        #expect(NumberText.letterPercent(13) == "13%")
    }

    @Test func namesCannotBecomeHTMLInEitherLetter() throws {
        let authority = Authority(code: "XYZ", officialName: "Bath & North East Somerset <script>alert(1)</script>",
                                  registerType: "UA")
        let row = FigureFixtures.row(authority, "2023-24", outcomes: [0, 0, 0, 0, 1, 1], remedies: 0, population: 193_000)
        let (md, html) = try letter(row)
        #expect(md.contains("Bath &amp; North East Somerset &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!md.contains("<script>") && !html.contains("<script>"))
        #expect(html.contains("Bath &amp; North East Somerset &lt;script&gt;"))
        // Apostrophes stay as written in Markdown.
        #expect(md.contains("'s population"))
    }

    @Test func wordingComesFromTheTemplates() throws {
        var sources = try RepositoryTemplates.sources()
        sources["letter.md.mustache"] = try #require(sources["letter.md.mustache"])
            .replacingOccurrences(of: "of complaints we investigated were upheld.", with: "of investigated complaints were upheld.")
        let changed = try RenderingTemplates(sources: sources)
        let md = RenderedFiles.letters(FigureFixtures.single(FigureFixtures.leicester2023), templates: changed)[0]
        #expect(String(decoding: md.bytes, as: UTF8.self).contains("\n86% of investigated complaints were upheld.\n"))
    }
}
