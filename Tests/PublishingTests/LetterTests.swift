import Foundation
import PipelineModel
@testable import Publishing
import Testing
import TestSupport

@Suite struct LetterTests {
    let templates: PublishingTemplates

    init() throws { templates = try RepositoryTemplates.load() }

    /// The letter of `row` (Markdown and HTML), rendered alone in its year.
    func letter(_ row: AuthorityYearFigures, types: [TypeYearFigures] = []) throws -> (md: String, html: String) {
        let artefacts = try LetterWriter.letters(Fixtures.single(row, types: types), templates: templates)
        let md = try #require(artefacts.first { $0.path.hasSuffix(".md") })
        let html = try #require(artefacts.first { $0.path.hasSuffix(".html") })
        return (String(decoding: md.bytes, as: UTF8.self), String(decoding: html.bytes, as: UTF8.self))
    }

    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test func lettersAreWrittenForEveryAuthorityAndYear() throws {
        let artefacts = try LetterWriter.letters(Fixtures.annual, templates: templates)
        let expected = Fixtures.annual.years.flatMap { year in
            year.authorities.flatMap { row in
                ["letters/\(year.year.label)/\(row.authority.code).md", "letters/\(year.year.label)/\(row.authority.code).html"]
            }
        }
        #expect(artefacts.map(\.path) == expected)
    }

    // MARK: - Worked examples (statistics.md)

    @Test func leicester2023MatchesTheGoldenLetter() throws {
        let (md, html) = try letter(Fixtures.leicester2023, types: [Fixtures.unitary2023])
        try Golden.expect(Array(md.utf8), matches: "LCE-2023-24.md")
        try Golden.expect(Array(html.utf8), matches: "LCE-2023-24.html")
        let text = lines(md)
        for line in [
            "86% of complaints we investigated were upheld.",
            "This compares to an average of 79% in similar authorities.",
            "18 upheld decisions.",
            "Adjusted for Leicester City Council's population, this is 4.8 upheld decisions per 100,000 residents.",
            "The average for authorities of this type is 5.1 upheld decisions per 100,000 residents.",
            "Statistics are based on a total of 21 detailed investigations for the period between 1 April 2023 to 31 March 2024.",
            "In 100% of cases we were satisfied the authority had successfully implemented our recommendations.",
            "Statistics are based on a total of 15 compliance outcomes for the period between 1 April 2023 to 31 March 2024.",
            "In 11% of upheld cases we found the authority had provided a satisfactory remedy before the complaint reached the Ombudsman.",
            "2 satisfactory remedy decisions.",
            "Statistics are based on a total of 18 upheld decisions for the period between 1 April 2023 to 31 March 2024.",
        ] {
            #expect(text.contains(line), "missing: \(line)")
        }
        #expect(!md.contains("should scrutinise"))
    }

    @Test func bury2019MatchesTheGoldenLetter() throws {
        let (md, _) = try letter(Fixtures.bury2019, types: [Fixtures.metropolitan2019])
        try Golden.expect(Array(md.utf8), matches: "BUR-2019-20.md")
        let text = lines(md)
        #expect(text.contains("40% of complaints we investigated were upheld."))
        #expect(text.contains("6 upheld decisions."))
        #expect(text.contains("Statistics are based on a total of 15 detailed investigations for the period between 1 April 2019 to 31 March 2020."))
        // The published decisions of the worked example, and its 73 complaints received.
        for row in ["| Incomplete/invalid | 4 |", "| Advice given | 2 |", "| Referred back for local resolution | 24 |",
                    "| Closed after initial enquiries | 27 |", "| Not upheld | 9 |", "| Upheld | 6 |", "| Total | 73 |"] {
            #expect(text.contains(row), "missing: \(row)")
        }
    }

    @Test func sutton2023RoundsTwelveAndAHalfUp() throws {
        let (md, _) = try letter(Fixtures.sutton2023, types: [Fixtures.london2023])
        try Golden.expect(Array(md.utf8), matches: "STN-2023-24.md")
        #expect(lines(md).contains(
            "In 13% of upheld cases we found the authority had provided a satisfactory remedy before the complaint reached the Ombudsman."))
        #expect(lines(md).contains("Statistics are based on a total of 16 upheld decisions for the period between 1 April 2023 to 31 March 2024."))
    }

    @Test func abolishedAuthorityHasNoAveragesAndNoPer100kLines() throws {
        let (md, html) = try letter(Fixtures.buckinghamshireCounty2020, types: [Fixtures.county2020])
        try Golden.expect(Array(md.utf8), matches: "BKM-2020-21.md")
        try Golden.expect(Array(html.utf8), matches: "BKM-2020-21.html")
        let averages = lines(md).filter { $0.hasPrefix("This compares to an average of") }
        #expect(averages == Array(repeating: "This compares to an average of n/a in similar authorities.", count: 3))
        #expect(!md.contains("per 100,000"))
        #expect(!html.contains("per 100,000"))
        #expect(!md.contains("68%") && !md.contains("21%") && !md.contains("83%"))
    }

    // MARK: - Wording rules

    @Test func singularFormsAsPublished() throws {
        let (md, html) = try letter(Fixtures.bury2019, types: [Fixtures.metropolitan2019])
        #expect(lines(md).contains("1 satisfactory remedy decision."))
        #expect(html.contains("<p>1 satisfactory remedy decision.</p>"))
        let abolished = try letter(Fixtures.buckinghamshireCounty2020).md
        #expect(lines(abolished).contains("1 upheld decision."))
        #expect(lines(abolished).contains("0 satisfactory remedy decisions."))
        // statistics.md shows the "based on a total of" lines only in the plural: kept plural.
        #expect(lines(abolished).contains(
            "Statistics are based on a total of 1 detailed investigations for the period between 1 April 2020 to 31 March 2021."))
        #expect(lines(abolished).contains(
            "Statistics are based on a total of 1 compliance outcomes for the period between 1 April 2020 to 31 March 2021."))
    }

    static let learning = "An authority with a compliance rate below 100% should scrutinise those complaints where it failed to comply and identify any learning."

    @Test(arguments: [
        // (complied, late, not complied, printed rate, sentence?)
        (3, 1, 1, "80%", true),
        (0, 0, 1, "0%", true),
        (14, 1, 0, "100%", false),
        // 199.5 of 200 rounds up to 100%: the letter prints 100%, so no "below 100%" sentence.
        (198, 1, 1, "100%", false),
        // No outcomes: 0% is printed for "no value", and there is no complaint it failed to comply with.
        (0, 0, 0, "0%", false),
    ])
    func complianceLearningSentenceOnlyBelowOneHundredPercent(
        complied: Int, late: Int, notComplied: Int, printed: String, sentence: Bool
    ) throws {
        let row = Fixtures.row(RegisterFixture.leicester, "2023-24", outcomes: [0, 0, 0, 0, 1, 1], remedies: 0,
                               complied: complied, compliedLate: late, notComplied: notComplied, population: 374_000)
        let (md, html) = try letter(row)
        #expect(lines(md).contains("In \(printed) of cases we were satisfied the authority had successfully implemented our recommendations."))
        #expect(lines(md).contains(Self.learning) == sentence)
        #expect(html.contains(Self.learning) == sentence)
    }

    @Test func emptyBasesPrintZeroPercent() throws {
        let (md, _) = try letter(Fixtures.buryEmpty2023)
        let text = lines(md)
        for line in [
            "0% of complaints we investigated were upheld.",
            "0 upheld decisions.",
            "Adjusted for Bury Metropolitan Borough Council's population, this is 0 upheld decisions per 100,000 residents.",
            "Statistics are based on a total of 0 detailed investigations for the period between 1 April 2023 to 31 March 2024.",
            "In 0% of cases we were satisfied the authority had successfully implemented our recommendations.",
            "Statistics are based on a total of 0 compliance outcomes for the period between 1 April 2023 to 31 March 2024.",
            "In 0% of upheld cases we found the authority had provided a satisfactory remedy before the complaint reached the Ombudsman.",
            "0 satisfactory remedy decisions.",
            "Statistics are based on a total of 0 upheld decisions for the period between 1 April 2023 to 31 March 2024.",
        ] {
            #expect(text.contains(line), "missing: \(line)")
        }
        #expect(!text.contains(Self.learning))
    }

    @Test func typeAverageWithNothingToAveragePrintsZeroPercent() throws {
        let empty = Fixtures.type(.metropolitan, "2023-24", uphold: nil, remedy: nil, compliance: nil, per100kTenths: nil)
        let md = try letter(Fixtures.buryEmpty2023, types: [empty]).md
        let averages = lines(md).filter { $0.hasPrefix("This compares to an average of") }
        #expect(averages == Array(repeating: "This compares to an average of 0% in similar authorities.", count: 3))
        #expect(lines(md).contains("The average for authorities of this type is n/a upheld decisions per 100,000 residents."))
    }

    @Test func authorityOfNoComparisonTypeHasNoAverages() throws {
        let md = try letter(Fixtures.greaterManchester2023).md
        let averages = lines(md).filter { $0.hasPrefix("This compares to an average of") }
        #expect(averages == Array(repeating: "This compares to an average of n/a in similar authorities.", count: 3))
        // No population: no per-100,000 lines.
        #expect(!md.contains("per 100,000"))
        #expect(lines(md).contains("1 upheld decision."))
    }

    @Test(arguments: [(11, 100_000, "11"), (18, 374_000, "4.8"), (1, 2_000_000, "0.1"), (1, 20_000_000, "0")])
    func per100kPrintsOneDecimalWithoutTrailingZero(upheld: Int, population: Int, printed: String) throws {
        let row = Fixtures.row(RegisterFixture.leicester, "2023-24", outcomes: [0, 0, 0, 0, 0, upheld], remedies: 0,
                               population: population)
        let md = try letter(row).md
        #expect(lines(md).contains(
            "Adjusted for Leicester City Council's population, this is \(printed) upheld decisions per 100,000 residents."))
    }

    @Test func numberText() {
        #expect(NumberText.per100k(tenths: 110) == "11")
        #expect(NumberText.per100k(tenths: 48) == "4.8")
        #expect(NumberText.per100k(tenths: 0) == "0")
        #expect(NumberText.per100k(tenths: 5) == "0.5")
        #expect(NumberText.decimal(tenths: 110) == "11.0")
        #expect(NumberText.decimal(tenths: 5) == "0.5")
        #expect(NumberText.letterPercent(nil) == "0%")
        #expect(NumberText.letterPercent(13) == "13%")
    }

    @Test func namesAreEscapedInHTMLButNotInMarkdown() throws {
        let authority = Authority(code: "XYZ", officialName: "Bath & North East Somerset <Council>", registerType: "UA")
        let row = Fixtures.row(authority, "2023-24", outcomes: [0, 0, 0, 0, 1, 1], remedies: 0, population: 193_000)
        let (md, html) = try letter(row)
        #expect(md.contains("# Bath & North East Somerset <Council>"))
        #expect(html.contains("<h1>Bath &amp; North East Somerset &lt;Council&gt;</h1>"))
        #expect(!html.contains("<Council>"))
    }

    @Test func wordingComesFromTheTemplates() throws {
        var sources = try RepositoryTemplates.sources()
        sources["letter.md.mustache"] = try #require(sources["letter.md.mustache"])
            .replacingOccurrences(of: "of complaints we investigated were upheld.", with: "of investigated complaints were upheld.")
        let changed = try PublishingTemplates(sources: sources)
        let md = try LetterWriter.letters(Fixtures.single(Fixtures.leicester2023), templates: changed)[0]
        #expect(String(decoding: md.bytes, as: UTF8.self).contains("\n86% of investigated complaints were upheld.\n"))
    }
}
