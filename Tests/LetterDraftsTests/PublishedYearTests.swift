import Output
import PipelineModel
import Rendering
import Testing
import TestSupport

/// A year's figures read back from its published tables (`PublishedTables.year`): the figures
/// the letters are drafted from, so a draft's words are the published letter's.
@Suite struct PublishedYearTests {
    /// The sample's years, 2023-24 with two (invented) public reports about Leicester.
    static func sampleYears() throws -> [YearFigures] {
        try SampleFigures.load().years.map { year in
            guard year.year.label == "2023-24",
                  let leicester = year.authorities.first(where: { $0.authority.code == "LCE" })?.authority else { return year }
            let reports = FigureFixtures.leicesterReports.map {
                PublicReportCase(year: $0.year, authority: leicester, reference: $0.reference, decisionDate: $0.decisionDate,
                                 area: $0.area, text: $0.text)
            }
            return YearFigures(year: year.year, authorities: year.authorities, types: year.types, national: year.national,
                               areas: year.areas, publicReports: reports)
        }
    }

    static func tables(_ year: YearFigures) -> PublishedTables.YearTables {
        PublishedTables.YearTables(authorityYear: TableFile.authorityYear.render(year), typeYear: TableFile.typeYear.render(year),
                                   nationalYear: TableFile.nationalYear.render(year), areaYear: TableFile.areaYear.render(year),
                                   publicReports: TableFile.publicReports.render(year))
    }

    static func register(_ year: YearFigures) -> [String: Authority] {
        Dictionary(year.authorities.map { ($0.authority.code, $0.authority) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func everySampleYearReadsBackAsTheFiguresItWasPublishedFrom() throws {
        for year in try Self.sampleYears() {
            let read = try PublishedTables.year(year.year, Self.tables(year), authorities: Self.register(year))
            #expect(read == year, "\(year.year)")
        }
    }

    @Test func everyLetterRenderedFromTheTablesIsTheRunsLetter() throws {
        let templates = try RepositoryTemplates.load()
        let years = try Self.sampleYears()
        let settings = LetterSettings(date: Day(year: 2024, month: 7, day: 22),
                                      contacts: ["LCE": Contact(name: "A Person", jobTitle: "Chief Executive")])
        var letters = 0
        for year in years {
            let read = try PublishedTables.year(year.year, Self.tables(year), authorities: Self.register(year))
            for (row, again) in zip(year.authorities, read.authorities) {
                let published = LetterRenderer.letters(row, in: year, templates: templates, settings: settings)[0].bytes
                #expect(LetterRenderer.markdown(again, in: read, templates: templates, settings: settings) == published,
                        "\(year.year) \(row.authority.code)")
                letters += 1
            }
        }
        #expect(letters == years.map(\.authorities.count).reduce(0, +))
        #expect(letters > 200)
    }

    @Test func onlyTheYearsRowsAreReadFromTablesOfEveryYear() throws {
        let years = try Self.sampleYears()
        let all = AnnualFigures(method: .pooled, years: years)
        let tables = PublishedTables.YearTables(
            authorityYear: TableFile.authorityYear.render(all), typeYear: TableFile.typeYear.render(all),
            nationalYear: TableFile.nationalYear.render(all), areaYear: TableFile.areaYear.render(all),
            publicReports: TableFile.publicReports.render(all))
        let year = try #require(years.first { $0.year.label == "2023-24" })
        #expect(try PublishedTables.year(year.year, tables, authorities: Self.register(year)) == year)
    }

    @Test func aTableOfAnotherVersionOrACodeOutsideTheRegisterIsAnErrorNamingTheTable() throws {
        let year = try #require(try Self.sampleYears().last)
        var tables = Self.tables(year)
        tables.typeYear = Array("year,comparison_type\n2023-24,Unitary\n".utf8)
        #expect(throws: OutputError.readFailed(path: "type_year.csv", reason: "line 1: not the header of type_year.csv in this version")) {
            try PublishedTables.year(year.year, tables, authorities: Self.register(year))
        }
        var register = Self.register(year)
        register["LCE"] = nil
        // The line of LCE's record in the year's authority_year.csv (the header is line 1).
        let lines = String(decoding: Self.tables(year).authorityYear, as: UTF8.self).split(separator: "\n")
        let line = try #require(lines.firstIndex { $0.hasPrefix("\(year.year.label),LCE,") }) + 1
        #expect(throws: OutputError.readFailed(path: "authority_year.csv", reason: "line \(line): authority LCE is not in the register")) {
            try PublishedTables.year(year.year, Self.tables(year), authorities: register)
        }
        tables = Self.tables(year)
        tables.nationalYear = TableFile.nationalYear.header
        #expect(throws: OutputError.readFailed(path: "national_year.csv", reason: "no row for 2023-24")) {
            try PublishedTables.year(year.year, tables, authorities: Self.register(year))
        }
    }
}
